"""Builds shared by the packaging tests: the wheel and sdist, a clean venv, the frozen app.

Each is built once per test session in a temporary folder, from this source tree, with the
same commands a release uses (``python -m build``, ``packaging/build_linux.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def run(
    *command: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when it fails."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, command))} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
        )
    return result


def app_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A clean environment for running keidesk outside the test process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEIDESK_")}
    env.update(KEIDESK_DATA_DIR=str(data_dir), KEIDESK_USER="tester", **extra)
    return env


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(wheel, sdist) from ``python -m build``, the wheel built from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=ROOT)
    (wheel,) = out.glob("keidesk-*.whl")
    (sdist,) = out.glob("keidesk-*.tar.gz")
    return wheel, sdist


@pytest.fixture(scope="session")
def installed_venv(dists: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel and its dependencies; returns its bin folder."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(home / "venv")
    bin_dir = home / "venv" / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    # The test environment's pip installs into the new venv (pip >= 22.3), from the pip cache.
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", dists[0], cwd=home)
    return bin_dir


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder Linux app built by ``packaging/build_linux.py``; returns its folder."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-app test builds the Linux app")
    out = tmp_path_factory.mktemp("frozen")
    dist, work = out / "dist", out / "work"
    run(sys.executable, PACKAGING / "build_linux.py", "--dist", dist, "--work", work, cwd=ROOT)
    return out / "dist" / "keidesk"
