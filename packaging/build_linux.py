#!/usr/bin/env python3
"""Build keidesk's one-folder Linux app, with its desktop integration beside it.

    .venv/bin/python packaging/build_linux.py [--dist DIR] [--work DIR] [--archive]

Runs PyInstaller on ``packaging/keidesk.spec`` into ``DIR/keidesk`` (default ``dist/``), then
renders ``DIR/keidesk/share/`` (the .desktop file, AppStream metainfo and hicolor icons; see
``linux_desktop.py``). With ``--archive`` it also packs ``keidesk-<version>-linux-<arch>.tar.gz``.
Run it with the Python that has keidesk and its dev extras installed (``python3 dev.py test``
sets that up in ``.venv``).
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from appinfo import ROOT, read_app_info
from linux_desktop import ReleaseMismatch, render

SPEC = Path(__file__).resolve().parent / "keidesk.spec"


def build(dist: Path, work: Path) -> Path:
    """Build the one-folder app; returns its folder (``dist/keidesk``)."""
    app = read_app_info()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        str(SPEC),
    ]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)
    folder = dist / app.name
    render(folder)
    return folder


def archive(folder: Path) -> Path:
    app = read_app_info()
    target = folder.parent / f"{app.name}-{app.version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:  # 9 is twice as slow, ~1% smaller
        tar.add(folder, arcname=f"{app.name}-{app.version}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--archive", action="store_true", help="also write a .tar.gz")
    args = parser.parse_args()
    started = time.monotonic()
    try:
        folder = build(args.dist.resolve(), args.work.resolve())
    except (subprocess.CalledProcessError, ReleaseMismatch) as exc:
        sys.exit(f"error: {exc}")
    print(f"built {folder} in {time.monotonic() - started:.0f} s")
    if args.archive:
        print(f"packed {archive(folder)}")


if __name__ == "__main__":
    main()
