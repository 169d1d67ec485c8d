from __future__ import annotations

import pytest

from keidesk.domain.errors import InvalidInput
from keidesk.preferences import Preferences, load_preferences, preferences_file, save_preferences
from keidesk.services.staff import current_user


def test_defaults_when_nothing_saved():
    assert load_preferences() == Preferences()


def test_round_trip_and_user_name(monkeypatch):
    save_preferences(Preferences(staff_name="Tammy", paper="a4"))
    assert load_preferences() == Preferences(staff_name="Tammy", paper="a4")
    monkeypatch.delenv("KEIDESK_USER")
    assert current_user(None) == "Tammy"
    assert current_user(" Bob ") == "Bob"


@pytest.mark.parametrize(
    "content", ["{not json", "[1, 2]", '{"paper": "tabloid"}', '{"staff_name": 5}']
)
def test_damaged_file_falls_back_to_defaults(content):
    preferences_file().parent.mkdir(parents=True, exist_ok=True)
    preferences_file().write_text(content)
    assert load_preferences().paper == "letter"


def test_bad_paper_refused():
    with pytest.raises(InvalidInput, match="letter or a4"):
        Preferences(paper="tabloid")


def test_user_name_order(monkeypatch):
    """--user, then KEIDESK_USER, then the saved staff name, then the login name."""
    save_preferences(Preferences(staff_name="Tammy"))
    monkeypatch.setenv("KEIDESK_USER", "Env")
    assert current_user("Flag") == "Flag"
    assert current_user(None) == "Env"
    monkeypatch.delenv("KEIDESK_USER")
    assert current_user("  ") == "Tammy"
    save_preferences(Preferences())
    assert current_user(None) not in {"", "Tammy"}


def test_language_round_trip_and_refusal():
    assert Preferences().language == "system"
    save_preferences(Preferences(staff_name="Tammy", language="es"))
    assert load_preferences() == Preferences(staff_name="Tammy", language="es")
    with pytest.raises(InvalidInput, match="system, en, es"):
        Preferences(language="fr")


def test_unknown_language_keeps_the_other_preferences():
    """A language this keidesk does not offer (written by a newer one) falls back to the
    system's; the name and the paper stay."""
    preferences_file().parent.mkdir(parents=True, exist_ok=True)
    preferences_file().write_text('{"staff_name": "Tammy", "paper": "a4", "language": "fr"}')
    assert load_preferences() == Preferences(staff_name="Tammy", paper="a4")
