"""The task runner: holding tasks while a window's parts are built."""

from __future__ import annotations

from collections.abc import Callable

from keidesk.gui.kit.tasks import Progress, TaskRunner


def test_tasks_given_while_holding_start_when_it_ends_in_order(qtbot):
    runner = TaskRunner()
    ran: list[str] = []
    done: list[str] = []

    def read(name: str) -> Callable[[Progress], str]:
        def work(_progress: Progress) -> str:
            ran.append(name)
            return name

        return work

    with runner.holding():
        for name in ("page", "dashboard", "agenda"):
            runner.run_task(read(name), done.append, lane="read", quiet=True)
        with runner.holding():  # a nested hold starts nothing of its own
            runner.run_task(read("rules"), done.append, lane="read")
        assert ran == []  # nothing started while building
    qtbot.waitUntil(lambda: len(done) == 4)
    assert ran == ["page", "dashboard", "agenda", "rules"]  # one read lane: in the order given
    assert done == ran


def test_a_synchronous_runner_holds_too(qtbot):
    runner = TaskRunner(synchronous=True)
    ran: list[int] = []
    with runner.holding():
        runner.run_task(lambda _p: ran.append(1), lambda _none: None)
        assert ran == []
    assert ran == [1]
