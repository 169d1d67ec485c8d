"""The work-arounds for the Qt bindings' reference-count bugs, in a process of their own: the
bug they guard against aborts the interpreter, which no test could report from inside."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from keidesk.gui.kit import qt_compat

#: What a long day at the desk does many thousands of times: background tasks (three signals
#: each), and void Qt calls (every paint makes hundreds).
A_LONG_DAY = textwrap.dedent(
    """
    import sys
    import keidesk.gui
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication
    from keidesk.gui.kit.tasks import TaskRunner

    app = QApplication([])
    runner = TaskRunner(synchronous=True)
    done = []
    for _ in range(int(sys.argv[1])):
        runner.run_task(lambda progress: 1, done.append, quiet=True)
    thing = QObject()
    for _ in range(int(sys.argv[2])):
        thing.setObjectName("x")
    print(len(done), flush=True)
    """
)


def run(tasks: int, void_calls: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", A_LONG_DAY, str(tasks), str(void_calls)],
        check=False,  # the test reads the exit code and what was printed
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=300,
    )


def test_a_long_day_of_tasks_and_qt_calls_does_not_abort_the_app() -> None:
    # More tasks than True has references in a started app (about 10,000 / 3), more void
    # calls than None has: with PySide6 6.12.0 on Python 3.11, unguarded, this aborted with
    # "deallocating True or False".
    finished = run(tasks=8_000, void_calls=200_000)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert finished.stdout.strip() == "8000"
    assert "Fatal Python error" not in finished.stderr


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal on 3.12+")
def test_what_the_bindings_over_release_is_kept_alive() -> None:
    # keidesk.gui, imported by these tests, has run the guard: the probes find nothing more to
    # lose, and whatever they found has a reference count that cannot reach zero.
    for constant in (None, True):
        if sys.getrefcount(constant) < 1 << 39:  # not made immortal: the probe found no bug
            assert constant not in qt_compat.over_released_constants()
