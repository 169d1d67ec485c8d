; Inno Setup 6 script: the Windows installer for keidesk (not built in CI; see
; packaging/README.md). Build the one-folder app on Windows first, then compile this:
;
;   .venv\Scripts\python -m PyInstaller --noconfirm packaging\keidesk.spec
;   iscc packaging\windows\keidesk.iss          -> dist\keidesk-<version>-setup.exe
;
; Name, version and app id are read from keidesk.exe's version resource, which the spec writes
; from keidesk/__init__.py, so nothing here repeats them. The case database lives in the user's
; data folder (%APPDATA%\keidesk), never in {app}: uninstalling leaves it alone.

#define SourceDir "..\..\dist\keidesk"
#define AppExe SourceDir + "\keidesk.exe"
#if !FileExists(AppExe)
  #error Build the app first: python -m PyInstaller --noconfirm packaging\keidesk.spec
#endif
#define AppName GetStringFileInfo(AppExe, "ProductName")
#define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#define AppUserModelID GetStringFileInfo(AppExe, "AppUserModelID")
#if AppName == "" || AppVersion == "" || AppUserModelID == ""
  #error keidesk.exe has no version resource: build it with packaging\keidesk.spec
#endif

[Setup]
; AppId identifies the installation for upgrades and uninstall: it must never change.
; It is uuid5(NAMESPACE_DNS, "org.keidesk.Keidesk").
AppId={{8FAB276D-93C3-54A1-AAEF-B5C9C4AF20C5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The keidesk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without admin rights; an admin may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\keidesk.ico
UninstallDisplayIcon={app}\keidesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app: keidesk.exe (the desktop app), keidesk-cli.exe (the command line,
; with a console), and _internal\ with Python, Qt and keidesk's resources.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled runtime whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\keidesk.exe"; AppUserModelID: "{#AppUserModelID}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\keidesk.exe"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
Filename: "{app}\keidesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
