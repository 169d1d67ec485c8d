#!/usr/bin/env python3
"""Render keidesk's Linux desktop integration into a ``share/`` tree.

    .venv/bin/python packaging/linux_desktop.py PREFIX

writes, under ``PREFIX/share``:

- ``applications/<APP_ID>.desktop``            from ``linux/keidesk.desktop.in``
- ``metainfo/<APP_ID>.metainfo.xml``           from ``linux/keidesk.metainfo.xml.in``
- ``icons/hicolor/<N>x<N>/apps/<APP_ID>.png``  and ``scalable/apps/<APP_ID>.svg``

The templates hold ``${name}``, ``${app_id}``, ``${version}`` and ``${license}``, filled in from
``keidesk/__init__.py`` and pyproject.toml at build time, so no generated copy is committed
that could drift. The metainfo's release history is written by hand (it is release notes);
rendering refuses when its newest release is not the package version, so a version bump
cannot ship without its release entry.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from string import Template

from appinfo import ROOT, AppInfo, read_app_info

TEMPLATES = Path(__file__).resolve().parent / "linux"
ICONS = ROOT / "resources" / "icons"


class ReleaseMismatch(Exception):
    pass


def render_text(template: Path, app: AppInfo) -> str:
    return Template(template.read_text(encoding="utf-8")).substitute(
        name=app.name, app_id=app.app_id, version=app.version, license=app.license
    )


def check_releases(metainfo: str, app: AppInfo) -> None:
    releases = ET.fromstring(metainfo).findall("./releases/release")
    newest = releases[0].get("version") if releases else None
    if newest != app.version:
        raise ReleaseMismatch(
            f"the newest <release> in {TEMPLATES / 'keidesk.metainfo.xml.in'} is {newest}, "
            f"but keidesk/__init__.py says {app.version}: add a release entry first"
        )


def render(prefix: Path, app: AppInfo | None = None) -> list[Path]:
    """Write the share/ tree under ``prefix``; returns the files written."""
    app = app or read_app_info()
    share = prefix / "share"
    metainfo = render_text(TEMPLATES / "keidesk.metainfo.xml.in", app)
    check_releases(metainfo, app)
    outputs = {
        share / "applications" / f"{app.app_id}.desktop": render_text(
            TEMPLATES / "keidesk.desktop.in", app
        ),
        share / "metainfo" / f"{app.app_id}.metainfo.xml": metainfo,
    }
    written = []
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    hicolor = share / "icons" / "hicolor"
    icons = {hicolor / "scalable" / "apps" / f"{app.app_id}.svg": ICONS / "keidesk.svg"}
    for png in sorted(ICONS.glob("keidesk-*.png")):
        size = png.stem.removeprefix("keidesk-")
        icons[hicolor / f"{size}x{size}" / "apps" / f"{app.app_id}.png"] = png
    for target, source in icons.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefix", type=Path, help="folder to write share/... into")
    args = parser.parse_args()
    try:
        for path in render(args.prefix):
            print(path)
    except ReleaseMismatch as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
