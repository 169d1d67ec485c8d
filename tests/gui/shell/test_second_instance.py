"""A second keidesk on the same database file is told so, and offered to bring the first to
the front or to open read-only (which writes nothing)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from keidesk.gui.shell.controller import READ_ONLY, SHOW_FIRST, AppController
from keidesk.gui.shell.single_instance import InstanceGuard
from keidesk.storage.database import open_database


def _controller(dialogs, settings, runner) -> AppController:
    return AppController(dialogs=dialogs, settings=settings, runner=runner, user="tester")


def _files(folder: Path) -> dict[str, str]:
    """Every file beside the database (its -wal, backups, attachments), with its content's
    hash; not the -shm, SQLite's shared-memory index, where every reader of a WAL database
    marks what it reads, nor the test's settings file (window sizes, not data)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm") and p.parent.name != "settings"
    }


def test_the_second_copy_can_bring_the_first_to_the_front(
    dialogs, settings, runner, qtbot, make_case, db_path
):
    make_case()
    first = _controller(dialogs, settings, runner)
    window = first.start(str(db_path))
    assert window is not None
    qtbot.addWidget(window)
    assert first.guard is not None and first.guard.held
    shown: list[bool] = []
    first.guard.show_requested.connect(lambda: shown.append(True))
    dialogs.startup_answers = [SHOW_FIRST]
    second = _controller(dialogs, settings, runner)
    assert second.start(str(db_path)) is None  # the second copy closes
    assert "already open in keidesk" in dialogs.problems[-1]
    qtbot.waitUntil(lambda: shown == [True])
    assert dialogs.errors == []  # the first took the request
    window.close()
    first.close()
    second.close()
    # Once the first has closed, the file opens normally again.
    third = _controller(dialogs, settings, runner)
    again = third.start(str(db_path))
    assert again is not None
    qtbot.addWidget(again)
    assert not again.desk.context.read_only
    assert len(dialogs.problems) == 1
    again.close()
    third.close()


def test_the_second_copy_can_open_read_only_and_writes_nothing(
    dialogs, settings, runner, qtbot, make_case, db_path, db
):
    make_case()
    db.close()
    first = _controller(dialogs, settings, runner)
    window = first.start(str(db_path))
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil((db_path.parent / "backups").is_dir)  # its daily backup
    qtbot.wait(50)
    runner.wait_for()
    before = _files(db_path.parent)
    dialogs.startup_answers = [READ_ONLY]
    second = _controller(dialogs, settings, runner)
    other = second.start(str(db_path))
    assert other is not None
    qtbot.addWidget(other)
    assert other.desk.context.read_only
    assert "read-only" in other.windowTitle()
    assert second.guard is None  # the lock stays with the first
    qtbot.wait(50)
    runner.wait_for()
    other.close()
    second.close()
    runner.wait_for()
    assert _files(db_path.parent) == before  # no backup, no write, nothing beside it
    window.close()
    first.close()


def test_a_lock_left_by_a_crashed_keidesk_does_not_stop_the_next(tmp_path, qapp):
    database = tmp_path / "cases.sqlite3"
    open_database(database).close()
    lock = InstanceGuard(database)
    assert lock.acquire()
    # Another process id that no longer runs, as a crashed keidesk leaves it.
    lock_file = lock.lock_path
    content = lock_file.read_text().splitlines()
    lock.release()
    lock_file.write_text("\n".join(["999999999", *content[1:]]) + "\n")
    again = InstanceGuard(database)
    assert again.acquire()
    again.release()
