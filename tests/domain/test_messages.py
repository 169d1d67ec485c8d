"""keidesk.domain.messages: a Message is its English sentence, and keeps what a translation
needs; the core's refusals and explanations are Messages with unchanged English."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from keidesk.domain.chassis import parse_chassis
from keidesk.domain.dates import PartialDate, parse_date
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.errors import GateRefused, InvalidInput, PapersMissing
from keidesk.domain.messages import Message, joined, listed, message_of, msg, word
from keidesk.domain.money import Money, Odometer
from keidesk.domain.workflow import StepKey, StepStatus, check_step_change

#: A translation as a plain lookup: what Qt's translator does for the GUI.
PSEUDO = {
    "Month {month} is not a month in {where}.": "Mes {month} inválido en {where}.",
    "{first} and {second}": "{first} y {second}",
    "Age check": "Control de antigüedad",
    "Broken {nothing}": "Roto {missing}",
}


def pseudo(text: str) -> str:
    return PSEUDO.get(text, text)


def test_a_message_is_its_english_sentence():
    message = msg("Month {month} is not a month in {where}.", month=13, where="'1999-13'")
    assert isinstance(message, str)
    assert message == "Month 13 is not a month in '1999-13'."
    assert str(message) == "Month 13 is not a month in '1999-13'."
    assert type(str(message)) is str
    assert f"{message}" == message
    assert message.template == "Month {month} is not a month in {where}."
    assert message.render(pseudo) == "Mes 13 inválido en '1999-13'."


def test_values_that_are_messages_are_translated_with_the_sentence():
    names = joined([StepKey.AGE.label, StepKey.LIEN.label])
    assert names == "Age check and Lien clearance" == " and ".join(["Age check", "Lien clearance"])
    assert names.render(pseudo) == "Control de antigüedad y Lien clearance"
    assert listed(["a", "b", "c"]) == "a; b; c"
    assert listed(["a", "b"], ", ") == "a, b"
    assert word("Age check").render(pseudo) == "Control de antigüedad"


def test_format_specs_and_conversions_work_in_both_languages():
    message = msg("{text!r} is at most {most:,}.", text="x", most=9_999_999)
    assert message == "'x' is at most 9,999,999."
    assert message.render(lambda t: t.replace("is at most", "es como máximo")) == (
        "'x' es como máximo 9,999,999."
    )


def test_a_translation_that_does_not_fit_its_values_falls_back_to_english():
    assert msg("Broken {nothing}", nothing=1).render(pseudo) == "Broken 1"


def test_a_message_survives_pickling_and_copying():
    message = msg("{first} and {second}", first=word("Age check"), second="x")
    for again in (pickle.loads(pickle.dumps(message)), copy.deepcopy(message)):
        assert isinstance(again, Message)
        assert again == message
        assert again.render(pseudo) == "Control de antigüedad y x"


def test_an_error_raised_with_a_message_gives_it_back():
    with pytest.raises(InvalidInput) as caught:
        parse_date("20.12.2026")
    assert isinstance(message_of(caught.value), Message)
    assert message_of(ValueError("plain")) == "plain"
    assert not isinstance(message_of(InvalidInput("plain")), Message)


# The English the CLI prints and the packets carry, byte for byte as before the Messages.
ENGLISH = [
    (
        lambda: parse_date("20.12.2026"),
        "'20.12.2026' is not a date keidesk can read. Use 1999, 1999-03, 1999-03-15, 1999/3, "
        "03/15/1999 (US), 1999年3月, 平成11年3月 or H11.3.",
    ),
    (
        lambda: parse_date("1999-02-30"),
        "Day 30 is not a day in '1999-02-30': February 1999 has 28 days.",
    ),
    (
        lambda: parse_date("H32.1"),
        "'H32.1' is not a Heisei date: Heisei (平成, H) ran from 1989-01-08 to 2019-04-30 "
        "(years 元–31).",
    ),
    (
        lambda: parse_chassis("DA52T-12"),
        "Serial '12' in 'DA52T-12' has 2 digits, but serials have 4 to 8 (e.g. DA52T-123456).",
    ),
    (
        lambda: parse_chassis("D-123456"),
        "Model code 'D' in 'D-123456' has 1 character, but model codes have 2 to 7 "
        "(e.g. DA52T, HA4, S510P).",
    ),
    (lambda: Money.parse("12.345", "USD"), "'12.345' has more decimals than USD allows."),
    (
        lambda: Odometer.parse("48200"),
        "'48200' is not an odometer reading; write it with its unit, like '48200 km'.",
    ),
    (
        lambda: check_step_change(
            {},
            StepKey.CUSTOMS,
            StepStatus.DONE,
            fmvss_eligible_on=None,
            age_reference=date(2026, 11, 21),
        ),
        "Customs cannot be done before Age check and Lien clearance are done.",
    ),
    (
        lambda: check_step_change(
            {},
            StepKey.AGE,
            StepStatus.DONE,
            fmvss_eligible_on=date(2030, 4, 1),
            age_reference=date(2026, 11, 21),
        ),
        "Not FMVSS-eligible until 2030-04-01 (25-year rule, checked against 2026-11-21). "
        "The age step stays blocked until then.",
    ),
]


@pytest.mark.parametrize(("call", "english"), ENGLISH)
def test_the_english_of_a_refusal_is_unchanged(call, english):
    with pytest.raises((InvalidInput, GateRefused)) as caught:
        call()
    assert str(caught.value) == english
    message = message_of(caught.value)
    assert isinstance(message, Message)
    assert message.render(lambda text: text) == english


def test_papers_missing_keeps_its_labels():
    error = PapersMissing(msg("{step} cannot be marked done.", step=word("Age check")), ("a",))
    assert str(error) == "Age check cannot be marked done."
    assert error.missing == ("a",)


def test_the_eligibility_explanation_is_unchanged_and_translatable():
    result = assess_eligibility(PartialDate(1999, 3), None, date(2026, 11, 21)).fmvss
    assert result.explanation == (
        "Built 1999-03: 25 years old from 2024-04-01 "
        "(first day of the month after the 25th anniversary month)."
    )
    assert isinstance(result.explanation, Message)
