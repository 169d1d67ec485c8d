"""after_next_paint: start-up work waits for the window's first paint, never forever."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from keidesk.gui.kit.painted import after_next_paint


class Canvas(QWidget):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def paintEvent(self, event: QPaintEvent) -> None:
        self.events.append("paint")


def test_the_call_comes_once_just_after_the_paint(qtbot):
    events: list[str] = []
    canvas = Canvas(events)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    events.clear()
    after_next_paint(canvas, lambda: events.append("call"))
    assert events == []  # never at once
    qtbot.waitUntil(lambda: "call" in events)
    assert events[0] == "paint" and events.count("call") == 1
    canvas.update()
    qtbot.waitUntil(lambda: events.count("paint") >= 2)
    assert events.count("call") == 1


def test_a_window_that_never_paints_gets_the_call_anyway(qtbot):
    events: list[str] = []
    hidden = Canvas(events)
    qtbot.addWidget(hidden)
    after_next_paint(hidden, lambda: events.append("call"), wait_ms=10)
    qtbot.waitUntil(lambda: events == ["call"])
