#!/usr/bin/env python3
"""Set up a development environment and run keidesk or its checks, on a fresh machine.

    python3 dev.py app      # set up, then start the desktop app on the default database
    python3 dev.py test     # set up, then run ruff, mypy and the whole pytest suite

Setting up means: on Debian/Ubuntu as root, install the system libraries Qt and the PDF checks
need (apt-get); create ``.venv`` and install keidesk with its development extras into it (again
only when ``pyproject.toml`` changed). Extra arguments after ``test`` go to pytest.
Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".keidesk-installed"

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
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        python = venv_python()
        if (
            run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip") != 0
            or run(python, "-m", "pip", "install", "--quiet", "-e", ".[dev]") != 0
        ):
            sys.exit("error: installing keidesk's Python dependencies failed")
        STAMP.write_text(wanted)
    return venv_python()


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
    return run(python, "-m", "pytest", *extra, env=env)


def cmd_app(extra: list[str]) -> int:
    python = ensure_venv()
    return run(python, "-m", "keidesk", *extra)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test"}:
        print(__doc__)
        return 2
    ensure_system_packages()
    return {"app": cmd_app, "test": cmd_test}[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
