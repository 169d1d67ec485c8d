"""Garbage collection on the GUI thread only: a worker that allocates never collects (it could
destroy a Qt object held in a cycle, off the GUI thread, and crash)."""

from __future__ import annotations

import gc
import threading
import weakref

from keidesk.gui.kit.collector import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def _a_cycle() -> weakref.ref[Node]:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_worker_allocating_collects_nothing_the_gui_thread_does(qapp):
    collector = GuiThreadCollector()
    collector.start()
    try:
        cycle = _a_cycle()
        kept: list[list[object]] = []

        def allocate() -> None:  # far past every threshold, as a big read does
            kept.append([[] for _ in range(20 * gc.get_threshold()[0])])

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert cycle() is not None  # nothing collected on the worker
        assert collector.check() > 0  # the GUI thread's check finds the threshold passed
        assert cycle() is None
        assert collector.check() == 0  # nothing due right after a collection
    finally:
        collector.stop()
    assert gc.isenabled()  # stop() turns automatic collection back on


def test_the_timer_runs_the_check(qtbot, qapp):
    collector = GuiThreadCollector()
    collector.start()
    try:
        started = collector.running
        assert started and not gc.isenabled()
        cycle = _a_cycle()
        allocated: list[list[int]] = [[] for _ in range(20 * gc.get_threshold()[0])]
        qtbot.waitUntil(lambda: cycle() is None, timeout=5_000)
        assert allocated
    finally:
        collector.stop()
    assert not collector.running and gc.isenabled()
