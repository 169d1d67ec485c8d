"""The GUI tests' ``qtbot.waitUntil`` under the frozen clock every test runs with."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot


def test_a_condition_never_met_times_out_although_the_clock_is_frozen(qtbot: QtBot) -> None:
    with pytest.raises(TimeoutError, match="timed out in 50 milliseconds"):
        qtbot.waitUntil(lambda: False, timeout=50)


def test_a_failing_assertion_times_out_too(qtbot: QtBot) -> None:
    def never() -> None:
        raise AssertionError("not yet")

    with pytest.raises(TimeoutError):
        qtbot.wait_until(never, timeout=50)


def test_a_condition_met_returns_at_once(qtbot: QtBot) -> None:
    calls: list[int] = []

    def third_call() -> bool:
        calls.append(1)
        return len(calls) == 3

    qtbot.waitUntil(third_call, timeout=5000)
    assert len(calls) == 3
