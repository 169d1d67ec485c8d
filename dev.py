#!/usr/bin/env python3
"""Set up a development environment and run keidesk or its checks, on a fresh machine.

    python3 dev.py app      # set up, then start the desktop app on the default database
    python3 dev.py test     # set up, then run ruff, mypy and the whole pytest suite (what CI runs)
    python3 dev.py quick    # set up, then ruff and the tests that are not slow, in parallel
    python3 dev.py translations  # update the .ts files from the GUI's tr() texts, build the .qm

Setting up means: on Debian/Ubuntu as root, install the system libraries Qt and the PDF checks
need (apt-get); create ``.venv`` and install into it the exact versions in ``requirements.lock``
(Python 3.11 on Linux; elsewhere the ranges in ``pyproject.toml``), then keidesk itself as an
editable install, again whenever ``pyproject.toml`` or the lock changes. Extra arguments after
``test`` or ``quick`` go to pytest. Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".keidesk-installed"
#: The exact versions (with their hashes) of the runtime and dev dependencies, made by pip-compile
#: for Python 3.11 on Linux, where CI runs and the frozen Linux app is built (see README.md).
LOCK = ROOT / "requirements.lock"
#: The tests ``quick`` leaves out: the ones marked slow, and the wheel, sdist and frozen-app
#: builds with the desktop files under tests/packaging.
QUICK_PYTEST_ARGS = ("-m", "not slow", "--ignore=tests/packaging", "-n", "auto")

#: Debian packages: Qt's runtime libraries (offscreen and X11), a virtual screen for
#: screenshots, poppler's pdftoppm for looking at generated PDFs, CJK fonts, and the
#: validators for the Linux desktop files (appstreamcli, desktop-file-validate).
APT_PACKAGES = (
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libx11-xcb1",
    "libnss3",
    "libasound2",
    "xvfb",
    "xauth",
    "poppler-utils",
    "postgresql",  # a throwaway PostgreSQL server for the tests (tests/postgres_server.py)
    "fonts-noto-cjk",
    "binutils",
    "appstream",
    "desktop-file-utils",
)


def run(*command: str | Path, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.call([str(c) for c in command], cwd=ROOT, env=env)


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, check=False
    )
    return result.returncode == 0 and b"install ok installed" in result.stdout


def ensure_system_packages() -> None:
    if sys.platform != "linux" or not shutil.which("apt-get") or not shutil.which("dpkg-query"):
        return
    missing = [pkg for pkg in APT_PACKAGES if not _dpkg_installed(pkg)]
    if not missing:
        return
    if os.geteuid() != 0:
        print(
            "Qt and the PDF checks need these system packages; install them with:\n"
            f"  sudo apt-get install {' '.join(missing)}",
            file=sys.stderr,
        )
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if (
        run("apt-get", "update", "-q", env=env) != 0
        or run("apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env) != 0
    ):
        sys.exit("error: could not install the system packages Qt needs")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is
        sys.exit("error: keidesk needs Python 3.11 or newer")
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    use_lock = lock_applies()
    wanted = install_fingerprint(use_lock)
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        python = venv_python()
        pip = (python, "-m", "pip", "install", "--quiet")
        if use_lock:
            steps = [(*pip, "-r", LOCK.name), (*pip, "--no-deps", "-e", ".")]
        else:
            print(
                f"note: {LOCK.name} is for Python 3.11 on Linux; installing the version ranges"
                " in pyproject.toml instead",
                file=sys.stderr,
            )
            steps = [(*pip, "-e", ".[dev]")]
        if any(run(*step) != 0 for step in [(*pip, "--upgrade", "pip"), *steps]):
            sys.exit("error: installing keidesk's Python dependencies failed")
        STAMP.write_text(wanted)
    return venv_python()


def lock_applies() -> bool:
    """Whether ``requirements.lock`` was made for this interpreter and platform."""
    return LOCK.exists() and sys.platform == "linux" and sys.version_info[:2] == (3, 11)


def install_fingerprint(use_lock: bool) -> str:
    """What the installed packages were made from: set up again when any of it changes."""
    digest = hashlib.sha256(b"lock" if use_lock else b"ranges")
    for source in (ROOT / "pyproject.toml", LOCK):
        digest.update(source.read_bytes() if source.exists() else b"")
    return digest.hexdigest()


def cmd_test(extra: list[str]) -> int:
    python = ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    for check in (
        (python, "-m", "ruff", "check", "."),
        (python, "-m", "ruff", "format", "--check", "."),
        (python, "-m", "mypy"),
        (python.with_name("lint-imports"),),  # the layering contracts in pyproject.toml
    ):
        if run(*check, env=env) != 0:
            return 1
    # Spread over the cores: the suite takes minutes on one, and each worker is its own
    # process, so PySide6's occasional crash while Python shuts down (after every test has
    # passed) cannot turn a green run red.
    return run(python, "-m", "pytest", "-n", "auto", *extra, env=env)


def cmd_quick(extra: list[str]) -> int:
    """For local work: ruff and the tests that are not slow, spread over the cores. mypy, the
    slow tests and the packaging builds are left to ``test``, which stays what CI runs."""
    python = ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    for check in (
        (python, "-m", "ruff", "check", "."),
        (python, "-m", "ruff", "format", "--check", "."),
    ):
        if run(*check, env=env) != 0:
            return 1
    return run(python, "-m", "pytest", *QUICK_PYTEST_ARGS, *extra, env=env)


def cmd_app(extra: list[str]) -> int:
    python = ensure_venv()
    return run(python, "-m", "keidesk", *extra)


#: The interface's translations: one ``keidesk_<language>.ts`` (edited, e.g. in Qt Linguist)
#: and the ``.qm`` built from it, which ships in the package (keidesk/gui/kit/i18n.py).
TRANSLATIONS = ROOT / "resources" / "translations"
#: Where the texts to translate are: every tr("...") and QT_TR_NOOP("...") in the GUI, and
#: every msg("...") template of the Qt-free core (keidesk/domain/messages.py).
TRANSLATED_SOURCES = tuple(
    ROOT / "keidesk" / name
    for name in ("gui", "domain", "services", "reports", "dataio", "storage")
)


def _unfinished(message: Any) -> bool:
    """A .ts message with no finished translation (lrelease leaves it out: shown in English)."""
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
        return True
    return not (translation.text or len(translation))  # text, or plural forms


def cmd_translations(extra: list[str]) -> int:
    """Update every .ts from the GUI's and the core's sources with pyside6-lupdate
    (translations kept, new texts added as unfinished, texts no longer used dropped), list what
    still needs translating, and build each .qm with pyside6-lrelease."""
    from xml.etree import ElementTree  # noqa: PLC0415 - only this command needs it

    bin_dir = ensure_venv().parent
    status = 0
    for ts in sorted(TRANSLATIONS.glob("keidesk_*.ts")):
        lupdate = (bin_dir / "pyside6-lupdate", "-no-obsolete", "-locations", "relative")
        # msg() of keidesk.domain.messages marks a template as QT_TR_NOOP does.
        sources = (
            "-tr-function-alias",
            "QT_TR_NOOP+=msg",
            "-extensions",
            "py",
            *(folder.relative_to(ROOT) for folder in TRANSLATED_SOURCES),
        )
        if run(*lupdate, *sources, "-ts", ts.relative_to(ROOT)) != 0:
            return 1
        root = ElementTree.parse(ts).getroot()
        # tr() translates in the empty context, the one lupdate gives bare tr() calls.
        others = sorted({c.findtext("name") or "" for c in root.iter("context")} - {""})
        if others:
            print(
                f"error: {ts.name} has texts in the context(s) {others}: use tr() from "
                "keidesk.gui.kit.i18n (or QT_TR_NOOP), not self.tr() or QT_TRANSLATE_NOOP",
                file=sys.stderr,
            )
            return 1
        todo = [m.findtext("source") or "" for m in root.iter("message") if _unfinished(m)]
        if todo:
            print(f"{ts.name}: {len(todo)} text(s) still to translate:")
            for text in todo:
                print("   ", " / ".join(text.splitlines()))
            status = 1
        if run(bin_dir / "pyside6-lrelease", "-silent", ts.relative_to(ROOT)) != 0:
            return 1
    return status


def main(argv: list[str]) -> int:
    commands = {
        "app": cmd_app,
        "test": cmd_test,
        "quick": cmd_quick,
        "translations": cmd_translations,
    }
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    ensure_system_packages()
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
