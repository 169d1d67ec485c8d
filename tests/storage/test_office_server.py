"""The office server: people sign in as their own roles, the database guards the history and the
state rules, and two seats working at once never overwrite or wait for each other unseen."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from keidesk.cli import main
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.cases._rows import load_case
from keidesk.services.cases.edit import CaseChanged
from keidesk.services.documents import empty_trash
from keidesk.services.reference import update_state_rule
from keidesk.storage.database import Database, open_database
from keidesk.storage.errors import CaseBusy, NotAKeideskDatabase, NotPermitted, StorageError
from keidesk.storage.models import Customer, HistoryEntry
from keidesk.storage.server import add_user
from tests.engines import TEMPLATE
from tests.postgres_server import PostgresServer

TODAY = date(2026, 11, 21)


def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def office(postgres_server: PostgresServer, postgres_keidesk_url: str) -> str:
    """The test's office database's name, with maria (staff) and ken (manager) besides tester."""
    name = postgres_keidesk_url.rpartition("/")[2]
    owner = postgres_server.url(name)
    add_user(owner, "maria", "staff", "maria-pw")
    add_user(owner, "ken", "manager", "ken-pw")
    return name


@pytest.fixture
def seat(postgres_server: PostgresServer, office: str) -> Iterator[Callable[..., Database]]:
    """Open the office database as one person: ``seat("maria")``."""
    opened: list[Database] = []

    def open_as(user: str, **kw: Any) -> Database:
        url = postgres_server.url(office, user=user, password=f"{user}-pw")
        database = open_database(url, **kw)
        opened.append(database)
        return database

    yield open_as
    for database in opened:
        database.close()


def _raw(server: PostgresServer, database: str, user: str) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host=server.host,
        port=server.port,
        user=user,
        password=f"{user}-pw",
        dbname=database,
        autocommit=True,
    )


def _new_case(database: Database, **kw: Any) -> int:
    kw.setdefault("chassis", "DA52T-123456")
    with database.transaction("whoever") as session:
        return cases.create_case(session, today=TODAY, **kw)


def test_a_staff_sign_in_cannot_change_history_or_state_rules_even_with_a_sql_client(
    postgres_server: PostgresServer, office: str, seat: Callable[..., Database]
) -> None:
    _new_case(seat("maria"))
    with _raw(postgres_server, office, "maria") as raw:
        for statement in (
            "UPDATE history SET by = 'mallory'",
            "DELETE FROM history",
            "TRUNCATE history",
            "UPDATE state_rules SET name = 'Nowhere'",
            "UPDATE state_rule_versions SET max_speed_mph = 99",
            "DELETE FROM state_rule_versions",
            "INSERT INTO state_rules (code, name, agency) VALUES ('ZZ', 'Zed', '')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                raw.execute(statement.encode())
        # Reading and adding to the history are what a seat does.
        assert raw.execute(b"SELECT count(*) FROM history").fetchone() is not None


def test_the_history_refuses_changes_even_from_the_owner(
    postgres_server: PostgresServer, office: str, seat: Callable[..., Database]
) -> None:
    _new_case(seat("maria"))
    owner = psycopg.connect(postgres_server.url(office).replace("+psycopg", ""), autocommit=True)
    with owner:
        for statement in ("UPDATE history SET by = 'mallory'", "DELETE FROM history"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                owner.execute(statement.encode())


def test_the_history_records_the_signed_in_role_not_a_typed_name(
    postgres_server: PostgresServer, office: str, seat: Callable[..., Database]
) -> None:
    maria = seat("maria")
    assert maria.signed_in_as == "maria"
    case_id = _new_case(maria)
    with maria.transaction("the owner, honestly") as session:
        cases.update_case(session, case_id, {"notes": "hello"}, user="someone", today=TODAY)
    # Even a row written with another name in it, with a SQL client: the server writes who.
    with _raw(postgres_server, office, "maria") as raw:
        raw.execute(
            b"INSERT INTO history (at, by, entity, entity_key, action)"
            b" VALUES (now(), 'ken', 'cases', '1', 'update')"
        )
    with maria.reader() as session:
        by = set(session.scalars(select(HistoryEntry.by).where(HistoryEntry.case_id == case_id)))
        everyone = set(session.scalars(select(HistoryEntry.by)))
    assert by == {"maria"}
    assert "ken" not in everyone
    code, out, _ = _run("--db", maria.location.connect_string(), "case", "history", str(case_id))
    assert code == 0 and "maria" in out


def test_staff_are_refused_manager_actions_with_a_plain_message(
    seat: Callable[..., Database], postgres_server: PostgresServer, office: str, tmp_path: Path
) -> None:
    maria = seat("maria")
    for action in (
        lambda s: update_state_rule(s, "TX", {"notes": "x"}, user="maria", today=TODAY),
        empty_trash,
    ):
        with (
            pytest.raises(NotPermitted, match=r"Only a manager may .*signed in as maria \(staff\)"),
            maria.transaction("maria") as session,
        ):
            action(session)
    ken = seat("ken")
    with ken.transaction("ken") as session:
        update_state_rule(session, "TX", {"notes": "checked by phone"}, user="ken", today=TODAY)
        assert empty_trash(session) == (0, [])
    url = postgres_server.url(office, user="maria", password="maria-pw")
    pack = tmp_path / "rules.json"
    assert _run("--db", url, "rules", "export", str(pack))[0] == 0
    code, out, err = _run("--db", url, "rules", "import", str(pack))
    assert code == 2, (out, err)
    assert err.startswith("error: Only a manager may bring in a rules pack")
    assert err.count("\n") == 1


def test_two_seats_editing_one_case_the_second_is_refused_with_who_and_when(
    seat: Callable[..., Database],
) -> None:
    maria, ken = seat("maria"), seat("ken")
    case_id = _new_case(maria)
    with ken.reader() as session:
        seen = cases.case_detail(session, case_id, today=TODAY).version
    with maria.transaction("maria") as session:
        cases.update_case(
            session, case_id, {"notes": "from maria"}, user="maria", today=TODAY, if_version=seen
        )
    changed = pytest.raises(CaseChanged, match=r"changed by maria at 2026-11-21 12:00")
    with changed as refused, ken.transaction("ken") as session:
        cases.update_case(
            session, case_id, {"notes": "from ken"}, user="ken", today=TODAY, if_version=seen
        )
    assert refused.value.changed_by == "maria"
    with ken.reader() as session:
        assert cases.case_detail(session, case_id, today=TODAY).notes == "from maria"


def test_a_seat_waiting_for_a_case_another_holds_hears_who_holds_it(
    seat: Callable[..., Database],
) -> None:
    maria = seat("maria")
    ken = seat("ken", busy_timeout_s=0.3)
    case_id = _new_case(maria)
    with maria.transaction("maria") as session:
        load_case(session, case_id)  # maria's seat is saving this case (holds its row)
        with pytest.raises(CaseBusy) as busy, ken.transaction("ken") as other:
            cases.update_case(other, case_id, {"notes": "ken"}, user="ken", today=TODAY)
        assert str(busy.value) == (
            "Another seat (maria) is saving this case; try again in a moment."
        )
    code, _, err = _run(
        "--db", ken.location.connect_string(), "case", "set", str(case_id), "notes=later"
    )
    assert code == 0, err  # once maria's save is done, ken's goes through


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as exc:  # the test looks at it
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _waiting(server: PostgresServer, user: str) -> bool:
    """Whether a session of ``user`` waits for a lock (seen as the superuser: a seat sees no
    other role's wait)."""
    return server.psql(
        f"SELECT count(*) FROM pg_stat_activity WHERE usename = '{user}'"
        " AND wait_event_type = 'Lock'"
    ).strip() not in ("", "0")


def _until(condition: Callable[[], bool]) -> None:
    for _ in range(2000):
        if condition():
            return
        threading.Event().wait(0.01)
    raise AssertionError("the other seat never started waiting")


def test_the_same_chassis_added_from_two_seats_one_wins_the_other_hears_it_plainly(
    seat: Callable[..., Database], postgres_server: PostgresServer
) -> None:
    maria, ken = seat("maria"), seat("ken")
    with maria.transaction("maria") as session:
        cases.create_case(session, chassis="DA63T-777777", today=TODAY)
        # ken adds the same truck while maria's save is not committed: he waits for it.
        thread, outcome = _in_thread(lambda: _new_case(ken, chassis="DA63T-777777"))
        _until(lambda: _waiting(postgres_server, "ken"))
    thread.join(30)
    (error,) = outcome
    assert isinstance(error, InvalidInput)
    assert "Chassis number DA63T-777777 was recorded by another keidesk" in str(error)
    with maria.reader() as session:
        assert cases.count_cases(session, cases.CaseFilter(), today=TODAY) == 1


def test_a_new_customer_added_from_two_seats_at_once_is_one_customer(
    seat: Callable[..., Database], postgres_server: PostgresServer
) -> None:
    maria, ken = seat("maria"), seat("ken")
    with maria.transaction("maria") as session:
        cases.create_case(session, chassis="DA63T-111111", customer="Reba Boudreaux", today=TODAY)
        thread, outcome = _in_thread(
            lambda: _new_case(ken, chassis="DA63T-222222", customer="reba boudreaux")
        )
        _until(lambda: _waiting(postgres_server, "ken"))
    thread.join(30)
    assert isinstance(outcome[0], int), outcome
    with maria.reader() as session:
        assert list(session.scalars(select(Customer.name))) == ["Reba Boudreaux"]


def test_a_gate_is_judged_under_the_case_lock(
    seat: Callable[..., Database], postgres_server: PostgresServer
) -> None:
    maria, ken = seat("maria"), seat("ken")
    case_id = _new_case(maria, built=cases_built())
    with maria.transaction("maria") as session:
        for key in (StepKey.AGE, StepKey.LIEN):
            cases.set_step(
                session, case_id, key, StepStatus.DONE, user="maria", today=TODAY, reason="test"
            )
    with maria.transaction("maria") as session:
        # maria reopens the lien; ken, meanwhile, marks customs done (which needs the lien).
        cases.set_step(session, case_id, StepKey.LIEN, StepStatus.TODO, user="maria", today=TODAY)

        def customs_done() -> Any:
            with ken.transaction("ken") as other:
                return cases.set_step(
                    other,
                    case_id,
                    StepKey.CUSTOMS,
                    StepStatus.DONE,
                    user="ken",
                    today=TODAY,
                    reason="checked",
                )

        thread, outcome = _in_thread(customs_done)
        _until(lambda: _waiting(postgres_server, "ken"))
    thread.join(30)
    (error,) = outcome
    assert "cannot be done before" in str(error)
    with maria.reader() as session:
        detail = cases.case_detail(session, case_id, today=TODAY)
    assert detail.step(StepKey.CUSTOMS).status is not StepStatus.DONE


def cases_built() -> Any:
    from keidesk.domain.dates import parse_date  # noqa: PLC0415

    return parse_date("H6.2")


def test_server_init_and_add_user_from_the_command_line(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    code, out, err = _run("server", "init", postgres_url, "--json")
    assert code == 0, err
    assert "test-only-password" not in out
    code, out, err = _run(
        "server",
        "add-user",
        "sam",
        "--role",
        "staff",
        "--password-stdin",
        "--db",
        postgres_url,
        stdin="sam-pw\n",
    )
    assert code == 0, err
    assert out.startswith("sam signs in to ") and "test-only-password" not in out
    sam = postgres_url.replace("keidesk_admin:test-only-password", "sam:sam-pw")
    code, out, err = _run("--db", sam, "case", "add", "--chassis", "DA52T-654321", "--json")
    assert code == 0, err
    code, out, err = _run("--db", sam, "doc", "empty-trash", "--yes")
    assert code == 2 and err.startswith("error: Only a manager may empty the trash"), err
    code, _, err = _run("server", "add-user", "Bad Name", "--role", "staff", "--db", sam)
    assert code == 2 and err.startswith("error: 'Bad Name' cannot be a sign-in name")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda u: u.replace("tester-only-password", "wrong"), "refused the sign-in"),
        (lambda u: u.rsplit(":", 1)[0] + ":1/x", "cannot be reached"),
        (lambda u: u.rsplit("/", 1)[0] + "/nothing_here", "There is no such database"),
    ],
)
def test_connection_problems_are_one_plain_line_and_exit_2(
    postgres_keidesk_url: str, change: Callable[[str], str], message: str
) -> None:
    code, _, err = _run("--db", change(postgres_keidesk_url), "case", "list")
    assert code == 2, err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert "tester-only-password" not in err


def test_a_database_of_another_program_is_refused(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    name = postgres_url.rpartition("/")[2]
    postgres_server.psql("CREATE TABLE invoices (id int)", database=name)
    with pytest.raises(NotAKeideskDatabase, match="not a keidesk database"):
        open_database(postgres_url)
    code, _, err = _run("--db", postgres_url, "case", "list")
    assert code == 2 and "not a keidesk database" in err


def test_a_staff_seat_does_not_upgrade_or_seed_the_office_database(
    seat: Callable[..., Database],
) -> None:
    maria = seat("maria")
    with maria.engine.begin() as connection:
        assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == "5s"
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "2min"
    assert maria.engine.pool._pre_ping
    assert isinstance(maria.location.connect_string(), str)
    assert "maria-pw" in maria.location.connect_string()
    assert "maria-pw" not in maria.location.label
    assert TEMPLATE  # the template the office databases are copies of


def test_demo_leaves_the_sequences_ahead(db_on_server: Database) -> None:
    from keidesk.services.demo import build_demo  # noqa: PLC0415

    with db_on_server.transaction("tester") as session:
        build_demo(session, cases=30, today=TODAY)
    case_id = _new_case(db_on_server, chassis="DA63T-999999")
    with db_on_server.reader() as session:
        assert cases.count_cases(session, cases.CaseFilter(), today=TODAY) == 31
        assert load_case(session, case_id).vehicle.chassis_number == "DA63T-999999"


@pytest.fixture
def db_on_server(postgres_keidesk_url: str) -> Iterator[Database]:
    database = open_database(postgres_keidesk_url)
    yield database
    database.close()


def test_storage_errors_are_keidesk_errors() -> None:
    assert issubclass(StorageError, Exception)


def test_a_packet_batch_workers_sign_in_as_the_seat(
    seat: Callable[..., Database], tmp_path: Path
) -> None:
    from keidesk.packets import PacketKind  # noqa: PLC0415 - the packets load reportlab
    from keidesk.packets.batch import build_batch  # noqa: PLC0415

    maria = seat("maria")
    case_ids = [_new_case(maria, chassis=f"DA63T-30000{n}", state="TX") for n in range(3)]
    result = build_batch(
        maria,
        case_ids,
        PacketKind.HANDOVER,
        tmp_path / "out",
        user="maria",
        today=TODAY,
        workers=2,
    )
    assert [item.error for item in result.items] == [None, None, None]
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 3


def test_a_seat_whose_connection_the_server_dropped_reconnects(
    seat: Callable[..., Database], postgres_server: PostgresServer
) -> None:
    maria = seat("maria")
    case_id = _new_case(maria)
    # As after a laptop's sleep: the server has closed the seat's pooled connection.
    postgres_server.psql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'maria'"
    )
    with maria.reader() as session:
        assert load_case(session, case_id).vehicle.chassis_number == "DA52T-123456"


def test_server_init_again_changes_nothing_but_keeps_working(
    postgres_keidesk_url: str, postgres_server: PostgresServer
) -> None:
    name = postgres_keidesk_url.rpartition("/")[2]
    code, out, err = _run("server", "init", postgres_server.url(name))
    assert code == 0, err
    assert "Prepared" in out and "test-only-password" not in out
    code, _, err = _run("--db", postgres_keidesk_url, "case", "list")
    assert code == 0, err


def test_a_read_only_seat_is_refused_writes_by_the_server_too(
    seat: Callable[..., Database],
) -> None:
    maria = seat("maria", read_only=True)
    with maria.reader() as session:
        assert session.connection().exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
    with pytest.raises(StorageError, match="read-only"), maria.transaction("maria"):
        pass


def test_two_seats_giving_two_cases_one_chassis_number_one_wins(
    seat: Callable[..., Database], postgres_server: PostgresServer
) -> None:
    maria, ken = seat("maria"), seat("ken")
    first = _new_case(maria, chassis="DA63T-100001")
    second = _new_case(maria, chassis="DA63T-100002")
    with maria.transaction("maria") as session:
        cases.update_case(session, first, {"chassis": "DA63T-555555"}, user="m", today=TODAY)

        def rename() -> Any:
            with ken.transaction("ken") as other:
                cases.update_case(other, second, {"chassis": "DA63T-555555"}, user="k", today=TODAY)

        thread, outcome = _in_thread(rename)
        _until(lambda: _waiting(postgres_server, "ken"))
    thread.join(30)
    (error,) = outcome
    assert isinstance(error, InvalidInput)
    assert "Chassis number DA63T-555555 was recorded by another keidesk" in str(error)
