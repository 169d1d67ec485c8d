"""The frozen one-folder Linux app runs headless: commands, a fresh database, the main window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from keidesk import APP_ID, __version__
from tests.packaging.conftest import ROOT, app_env, run

pytestmark = pytest.mark.slow


def test_frozen_version_and_decode(frozen_app: Path, tmp_path: Path) -> None:
    env = app_env(tmp_path / "data")
    version = run(frozen_app / "keidesk", "--version", cwd=tmp_path, env=env)
    assert version.stdout.strip() == f"keidesk {__version__}"

    decoded = run(frozen_app / "keidesk", "decode", "DA52T-123456", "--json", cwd=tmp_path, env=env)
    result = json.loads(decoded.stdout)
    assert (result["normalized"], result["make"], result["known"]) == (
        "DA52T-123456",
        "Suzuki",
        True,
    )


def test_frozen_app_creates_and_seeds_a_database(frozen_app: Path, tmp_path: Path) -> None:
    """Migrations (Alembic reads them as files) and seed data ship inside the frozen app."""
    db_file = tmp_path / "frozen.sqlite3"
    env = app_env(tmp_path / "data", KEIDESK_DB=str(db_file))
    listed = run(frozen_app / "keidesk", "states", "--json", cwd=tmp_path, env=env)
    states = json.loads(listed.stdout)
    assert len(states) == 51
    assert {"AK", "DC", "WY"} <= {state["code"] for state in states}
    assert db_file.stat().st_size > 0


def test_frozen_app_carries_resources_and_desktop_files(frozen_app: Path) -> None:
    internal = frozen_app / "_internal"
    assert (internal / "keidesk" / "resources" / "state_rules.csv").is_file()
    assert (internal / "keidesk" / "storage" / "migrations" / "script.py.mako").is_file()
    assert not list(internal.rglob("__pycache__"))
    share = frozen_app / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "imageformats/libqsvg.so"):
        assert (plugins / plugin).is_file(), plugin
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    assert not list(internal.rglob("libQt6Quick.so*"))


def test_frozen_app_builds_a_packet_with_japanese_text(frozen_app: Path, tmp_path: Path) -> None:
    """reportlab (with its QR code) and the embedded Japanese font ship inside the frozen app."""
    env = app_env(tmp_path / "data", KEIDESK_DB=str(tmp_path / "packets.sqlite3"))
    added = run(
        frozen_app / "keidesk",
        "case",
        "add",
        "--chassis",
        "HA4-1234567",
        "--built",
        "平成8年6月",
        "--state",
        "TX",
        "--json",
        cwd=tmp_path,
        env=env,
    )
    case_id = str(json.loads(added.stdout)["id"])
    out = tmp_path / "handover.pdf"
    built = run(
        frozen_app / "keidesk",
        "packet",
        case_id,
        "--kind",
        "handover",
        "--out",
        str(out),
        "--json",
        cwd=tmp_path,
        env=env,
    )
    assert json.loads(built.stdout)["pages"] >= 5
    assert out.read_bytes().startswith(b"%PDF")
    assert b"IPAexGothic" in out.read_bytes()


@pytest.mark.skipif(
    not (ROOT / "keidesk" / "gui" / "launch.py").exists(), reason="no GUI in this build"
)
def test_frozen_app_opens_the_main_window_offscreen(frozen_app: Path, tmp_path: Path) -> None:
    """No command opens the desktop app; KEIDESK_SMOKE_TEST closes it once the window is up."""
    env = app_env(
        tmp_path / "data",
        KEIDESK_DB=str(tmp_path / "smoke.sqlite3"),
        KEIDESK_SMOKE_TEST="1",
        QT_QPA_PLATFORM="offscreen",
    )
    result = run(frozen_app / "keidesk", cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0
