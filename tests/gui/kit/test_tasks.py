"""The task runner: holding tasks while a window's parts are built and first painted."""

from __future__ import annotations

from collections.abc import Callable

from keidesk.gui.kit.tasks import Progress, TaskRunner


def test_tasks_given_during_a_hold_start_on_its_release_in_order(qtbot):
    runner = TaskRunner()
    ran: list[str] = []
    done: list[str] = []

    def read(name: str) -> Callable[[Progress], str]:
        def work(_progress: Progress) -> str:
            ran.append(name)
            return name

        return work

    release = runner.hold()
    for name in ("page", "dashboard", "agenda"):
        runner.run_task(read(name), done.append, lane="read", quiet=True)
    runner.hold()()  # a nested hold releases nothing of its own
    runner.run_task(read("rules"), done.append, lane="read")
    qtbot.wait(20)
    assert ran == []  # nothing started while building
    release()
    release()  # once only
    qtbot.waitUntil(lambda: len(done) == 4)
    assert ran == ["page", "dashboard", "agenda", "rules"]  # one read lane: in the order given
    assert done == ran


def test_a_synchronous_runner_holds_too(qtbot):
    runner = TaskRunner(synchronous=True)
    ran: list[int] = []
    release = runner.hold()
    runner.run_task(lambda _p: ran.append(1), lambda _none: None)
    assert ran == []
    release()
    assert ran == [1]
    runner.run_task(lambda _p: ran.append(2), lambda _none: None)
    assert ran == [1, 2]  # released: no longer held
