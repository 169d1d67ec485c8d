"""Fixtures for packet tests: an importer profile, a case with everything, one with little."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from keidesk.storage.database import Database
from tests.packets import samples


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    return folder


@pytest.fixture
def profile(db: Database, scans: Path) -> None:
    samples.set_profile(db, scans)


@pytest.fixture
def rich_case(db: Database, make_case: Callable[..., int], scans: Path, profile: None) -> int:
    return samples.rich_case(db, make_case, scans)


@pytest.fixture
def bare_rich_case(db: Database, make_case: Callable[..., int], scans: Path, profile: None) -> int:
    """Every field filled, no documents attached."""
    return samples.rich_case(db, make_case, scans, attachments=False)


@pytest.fixture
def sparse_case(make_case: Callable[..., int]) -> int:
    return samples.sparse_case(make_case)
