from __future__ import annotations

import pytest

from keidesk.domain.errors import InvalidInput
from keidesk.services.profile import ImporterProfile, load_profile, save_profile


def test_profile_round_trip_and_history(db):
    with db.reader() as session:
        assert load_profile(session) == ImporterProfile()
    with db.transaction("ann") as session:
        save_profile(
            session,
            ImporterProfile(business_name=" Bayou Kei Trucks ", address="1 Main St\nLafayette, LA"),
        )
    with db.reader() as session:
        profile = load_profile(session)
    assert profile.business_name == "Bayou Kei Trucks"
    assert profile.is_complete


def test_profile_needs_a_name(db):
    with pytest.raises(InvalidInput, match="business name"), db.transaction("ann") as session:
        save_profile(session, ImporterProfile(business_name="  "))
