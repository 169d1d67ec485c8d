"""Linux desktop files and icons: valid, and fed by the package's one name, id and version."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from keidesk import APP_ID, APP_NAME, __version__
from tests.packaging.conftest import PACKAGING, ROOT, run

ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prefix = tmp_path_factory.mktemp("prefix") / "usr"
    run(sys.executable, PACKAGING / "linux_desktop.py", prefix, cwd=ROOT)
    return prefix / "share"


def read_desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign] # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_names_the_app_by_its_id(share: Path) -> None:
    entry = read_desktop_entry(share / "applications" / f"{APP_ID}.desktop")
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == APP_NAME
    assert entry["Type"] == "Application"


def test_metainfo_takes_id_version_and_licence_from_the_package(share: Path) -> None:
    component = ET.parse(share / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/binary") == APP_NAME
    assert component.findtext("project_license") == project["license"]
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__


def test_icons_are_installed_in_every_hicolor_size(share: Path) -> None:
    hicolor = share / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_appstream_metainfo_validates(share: Path) -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed (apt package appstream; dev.py installs it)")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", share / "metainfo" / f"{APP_ID}.metainfo.xml"],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    problems = [line for line in output.splitlines() if line.lstrip().startswith(("E:", "W:"))]
    assert problems == [], output


def test_desktop_entry_validates(share: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (apt package desktop-file-utils)")
    result = subprocess.run(
        [validator, share / "applications" / f"{APP_ID}.desktop"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_a_version_without_its_release_entry_is_refused(tmp_path: Path) -> None:
    """Bumping __version__ without writing the metainfo release fails the build, writing nothing."""
    tree = tmp_path / "tree"
    shutil.copytree(PACKAGING, tree / "packaging", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ICONS, tree / "resources" / "icons")
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    (tree / "keidesk").mkdir()
    init = (ROOT / "keidesk" / "__init__.py").read_text(encoding="utf-8")
    bumped = init.replace(f'__version__ = "{__version__}"', '__version__ = "9.9.9"')
    assert bumped != init
    (tree / "keidesk" / "__init__.py").write_text(bumped, encoding="utf-8")

    prefix = tmp_path / "prefix"
    result = subprocess.run(
        [sys.executable, tree / "packaging" / "linux_desktop.py", prefix],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: the newest <release> in ")
    assert f"is {__version__}, but keidesk/__init__.py says 9.9.9" in result.stderr
    assert not prefix.exists()


def test_committed_icons_match_the_svg(tmp_path: Path) -> None:
    """The PNGs were rendered from the current SVG (re-run packaging/icons.py after editing)."""
    run(sys.executable, PACKAGING / "icons.py", "--out", tmp_path, cwd=ROOT)
    for size in PNG_SIZES:
        committed = QImage(str(ICONS / f"keidesk-{size}.png"))
        fresh = QImage(str(tmp_path / f"keidesk-{size}.png"))
        assert (committed.width(), committed.height()) == (size, size)
        a = bytes(committed.convertToFormat(QImage.Format.Format_ARGB32).constBits())
        b = bytes(fresh.convertToFormat(QImage.Format.Format_ARGB32).constBits())
        mean_difference = sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)
        assert mean_difference < 1.0, f"keidesk-{size}.png is stale: run packaging/icons.py"


def test_windows_and_macos_icons_hold_the_rendered_sizes() -> None:
    ico = (ICONS / "keidesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, 7)
    icns = (ICONS / "keidesk.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack_from(">I", icns, 4)[0] == len(icns)
    for element in (b"icp4", b"ic07", b"ic09", b"ic10"):
        assert element in icns
