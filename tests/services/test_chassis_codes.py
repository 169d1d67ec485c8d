"""Chassis codes are data staff can correct: added and edited in the app, audited, each with a
source and a confidence mark; a bad value changes nothing."""

from __future__ import annotations

import pytest

from keidesk.domain.errors import InvalidInput
from keidesk.domain.sources import Confidence
from keidesk.services.reference import decode_chassis, list_chassis_codes, save_chassis_code
from keidesk.storage.models import HistoryEntry

NEW = {
    "make": "Suzuki",
    "model": "Carry truck",
    "body": "truck",
    "drive": "2WD",
    "first_year": 1991,
    "source": "Owner's manual seen 2026-11-30",
    "confidence": "S",
}


@pytest.mark.typed_names
def test_add_and_correct_a_code_is_audited(db, today):
    with db.transaction("carol") as s:
        added = save_chassis_code(s, "dc51t", NEW, user="carol", today=today)
    assert added.code == "DC51T" and added.confidence is Confidence.SECONDARY
    with db.transaction("dave") as s:
        fixed = save_chassis_code(
            s, "DC51T", {"last_year": 1998, "confidence": "P"}, user="dave", today=today
        )
        decoded = decode_chassis(s, "DC51T-123456")
    assert (fixed.first_year, fixed.last_year, fixed.confidence) == (1991, 1998, Confidence.PRIMARY)
    assert decoded.code is not None and decoded.code.make == "Suzuki"
    with db.reader() as s:
        entries = [
            (h.by, h.action, h.field)
            for h in s.query(HistoryEntry).filter(HistoryEntry.entity == "chassis_codes")
        ]
        codes = {info.code for info in list_chassis_codes(s)}
    assert ("dave", "update", "last_year") in entries
    assert ("dave", "update", "confidence") in entries
    assert ("carol", "create", None) in entries
    assert {"U14T", "DC51T", "DA52T"} <= codes


@pytest.mark.parametrize(
    ("code", "values", "message"),
    [
        ("DA 52", NEW, "not a model code"),
        ("ZZ1T", {**NEW, "source": " "}, "needs a source"),
        ("ZZ1T", {**NEW, "confidence": "Q"}, "confidence mark"),
        ("ZZ1T", {**NEW, "first_year": 1999, "last_year": 1990}, "before it starts"),
        ("ZZ1T", {**NEW, "first_month": 13}, "not a month"),
        ("ZZ1T", {**NEW, "drive": "AWD"}, "not a drive"),
    ],
)
def test_bad_codes_change_nothing(db, today, code, values, message):
    with db.reader() as s:
        before = list_chassis_codes(s)
    with pytest.raises(InvalidInput, match=message), db.transaction("carol") as s:
        save_chassis_code(s, code, values, user="carol", today=today)
    with db.reader() as s:
        assert list_chassis_codes(s) == before
