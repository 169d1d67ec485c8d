"""keidesk.atomic.replacing: the target changes whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from keidesk.atomic import replacing


def test_success_replaces_the_target_privately(tmp_path: Path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with replacing(target) as temp:
        temp.write_text("new")
        assert target.read_text() == "old"  # not yet
    assert target.read_text() == "new"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_failure_leaves_the_target_and_no_temporary_file(tmp_path: Path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), replacing(target) as temp:
        temp.write_text("half")
        raise RuntimeError
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_missing_folder_is_an_oserror(tmp_path: Path):
    with pytest.raises(FileNotFoundError), replacing(tmp_path / "nowhere" / "out.csv"):
        pass
