"""The one piece of build configuration pyproject.toml cannot express.

The shipped resources live in the top-level ``resources/`` folder of a checkout (beside the
package, where people edit them). Wheels and sdists carry them inside the package as
``keidesk/resources``, which is where ``keidesk.paths.resource_dir()`` looks first (the
PyInstaller spec puts them at the same place). Mapping a folder outside the package tree to a
subpackage needs ``package_dir`` plus an explicit package list, which
``[tool.setuptools.packages.find]`` cannot combine; everything else stays in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

# Namespace packages so that folders without __init__.py (Alembic's migrations/versions,
# resources/icons) are shipped whole, as Alembic and resource_dir() read them as files.
code_packages = find_namespace_packages(include=["keidesk", "keidesk.*"], exclude=["*__pycache__"])
resource_packages = [
    "keidesk.resources",
    *(f"keidesk.resources.{name}" for name in find_namespace_packages(where="resources")),
]

setup(
    packages=code_packages + resource_packages,
    package_dir={"keidesk.resources": "resources"},
    package_data={
        **{name: ["*"] for name in resource_packages},
        "keidesk.storage.migrations": ["*.mako"],
    },
)
