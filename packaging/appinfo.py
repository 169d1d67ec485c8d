"""The app's name, id, version and licence, read from their one source for the build tools.

``keidesk/__init__.py`` holds ``APP_NAME``, ``APP_ID`` and ``__version__``; pyproject.toml holds
the licence. The PyInstaller spec, the Linux desktop files and the Windows version resource all
read them through here. The package is parsed, not imported, so the values come from this
source tree whatever ``keidesk`` the build's Python would import.
"""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class AppInfo:
    name: str  # "keidesk": the command, the folder, the window title
    app_id: str  # reverse-DNS id: .desktop and metainfo names, macOS bundle identifier
    version: str
    license: str  # SPDX expression

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """Four numbers for Windows version resources: "1.2.3rc1" -> (1, 2, 3, 0)."""
        numbers = [int(part) for part in re.findall(r"\d+", self.version.split("+")[0])[:3]]
        padded = [*numbers, 0, 0, 0, 0][:4]
        return (padded[0], padded[1], padded[2], padded[3])


def read_app_info(root: Path = ROOT) -> AppInfo:
    source = (root / "keidesk" / "__init__.py").read_text(encoding="utf-8")
    constants: dict[str, str] = {}
    for node in ast.parse(source).body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            constants[node.targets[0].id] = node.value.value
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return AppInfo(
        name=constants["APP_NAME"],
        app_id=constants["APP_ID"],
        version=constants["__version__"],
        license=project["license"],
    )
