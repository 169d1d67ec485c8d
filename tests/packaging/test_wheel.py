"""The wheel and sdist carry the whole package, its resources and migrations, and run."""

from __future__ import annotations

import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from keidesk import __version__
from tests.packaging.conftest import ROOT, app_env, run

pytestmark = pytest.mark.slow


def source_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_wheel_holds_every_module_resource_and_migration(dists: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(dists[0]) as wheel:
        names = set(wheel.namelist())
    package = {f"keidesk/{name}" for name in source_files(ROOT / "keidesk")}
    resources = {f"keidesk/resources/{name}" for name in source_files(ROOT / "resources")}
    assert package - names == set()
    assert resources - names == set()
    assert {
        "keidesk/storage/migrations/env.py",
        "keidesk/storage/migrations/script.py.mako",
        "keidesk/storage/migrations/versions/0001_initial_schema.py",
        "keidesk/resources/state_rules.csv",
        "keidesk/resources/chassis_codes.csv",
        "keidesk/resources/icons/keidesk.svg",
    } <= names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert not [name for name in names if name.startswith(("tests/", "packaging/", "resources/"))]


def test_sdist_rebuilds_the_same_content(dists: tuple[Path, Path]) -> None:
    with tarfile.open(dists[1]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"setup.py", "pyproject.toml", "README.md"} <= names
    assert {f"resources/{name}" for name in source_files(ROOT / "resources")} <= names
    assert "keidesk/storage/migrations/script.py.mako" in names


def test_installed_wheel_runs_the_command_line(installed_venv: Path, tmp_path: Path) -> None:
    env = app_env(tmp_path / "data")
    version = run(installed_venv / "keidesk", "--version", cwd=tmp_path, env=env)
    assert version.stdout.strip() == f"keidesk {__version__}"

    decoded = run(
        installed_venv / "keidesk", "decode", "DA52T-123456", "--json", cwd=tmp_path, env=env
    )
    assert json.loads(decoded.stdout)["make"] == "Suzuki"


def test_installed_wheel_finds_resources_and_migrates_a_database(
    installed_venv: Path, tmp_path: Path
) -> None:
    """Run from outside the source tree: resources and migrations come from site-packages."""
    script = (
        "import json, sys\n"
        "from keidesk import clock, paths\n"
        "from keidesk.services import reference\n"
        "from keidesk.storage.database import open_database\n"
        "db = open_database(sys.argv[1])\n"
        "with db.reader() as session:\n"
        "    states = reference.list_state_rules(session, today=clock.today())\n"
        "db.close()\n"
        "print(json.dumps({'resources': str(paths.resource_dir()), 'states': len(states)}))\n"
    )
    db_file = tmp_path / "installed.sqlite3"
    result = run(
        installed_venv / "python", "-c", script, db_file, cwd=tmp_path, env=app_env(tmp_path)
    )
    report = json.loads(result.stdout)
    resources = Path(report["resources"])
    assert resources.parts[-2:] == ("keidesk", "resources")
    assert "site-packages" in resources.parts
    assert report["states"] == 51
    assert db_file.stat().st_size > 0
