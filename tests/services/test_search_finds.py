"""Search finds what staff type: folded as chassis numbers are (full-width, case, dashes), in
every searched field (customer's phone and e-mail, state, notes, step notes, document titles),
each word anywhere, as a substring; the same on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from keidesk.domain.dates import parse_date
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.documents import (
    StoredFile,
    add_document,
    attachment_store,
    remove_document,
)
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case, Customer, Vehicle, WorkflowStep

TODAY = date(2026, 11, 21)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A new database on each engine keidesk runs on."""
    if request.param == "sqlite":
        database = open_database(tmp_path / "cases.sqlite3")
    else:
        database = open_database(request.getfixturevalue("postgres_url"))
    yield database
    database.close()


def _found(db: Database, typed: str) -> list[str]:
    with db.reader() as session:
        rows = cases.list_cases(session, cases.CaseFilter(search=typed), today=TODAY)
    return [row.chassis for row in rows]


def _new_case(
    db: Database, chassis: str, *, customer: str, state: str | None = None, notes: str = ""
) -> int:
    """A case through the service on SQLite. On PostgreSQL the service's bulk insert does not
    run yet (it leaves the ids to SQLite), so the same rows go through the session, whose
    flush hooks make the search text as for any edit."""
    with db.transaction("tester") as session:
        if session.get_bind().dialect.name == "sqlite":
            return cases.create_case(
                session,
                chassis=chassis,
                built=parse_date("1999-03"),
                today=TODAY,
                customer=customer,
                state=state,
                notes=notes,
            )
        code = chassis.split("-", maxsplit=1)[0]
        owner = session.scalar(select(Customer).where(Customer.name == customer))
        case = Case(
            vehicle=Vehicle(chassis_number=chassis, identifier_kind="frame", model_code=code),
            customer=owner or Customer(name=customer),
            destination_state=state,
            notes=notes,
            steps=[
                WorkflowStep(key=key, position=key.position, status=StepStatus.TODO, note="")
                for key in StepKey
            ],
        )
        session.add(case)
        session.flush()
        return case.id


def _scan(db: Database, folder: Path, title: str) -> StoredFile:
    """A scan stored as keidesk stores it (beside the file, or in the server database)."""
    path = folder / f"{title}.pdf"
    path.write_bytes(b"%PDF-1.4 " + title.encode())
    return attachment_store(db).put(path)


def test_search_finds_what_staff_type(engine_db: Database) -> None:
    db = engine_db
    smith = _new_case(db, "DA71T-477512", customer="Smith Farms", state="TX", notes="Blue tarp")
    _new_case(db, "DA52T-123456", customer="Smith Hauling", state="GA")
    _new_case(db, "S110P-0123456", customer="Jolene Carter", state="TX")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            smith,
            {"customer_phone": "(512) 555-0142", "customer_email": "Dale@Example.com"},
            user="tester",
            today=TODAY,
        )
    # Full-width, upper case and any dash find the chassis as typed plainly.
    assert _found(db, "ＤＡ７１Ｔ－４７７５") == ["DA71T-477512"]
    assert _found(db, "da71t\u2013477") == ["DA71T-477512"]
    assert _found(db, "da71t-4775") == ["DA71T-477512"]
    # Part of a chassis number, part of a name.
    assert _found(db, "4775") == ["DA71T-477512"]
    assert _found(db, "jol") == ["S110P-0123456"]
    # Every word must match, each in any field.
    assert _found(db, "smith tx") == ["DA71T-477512"]
    assert _found(db, "ＳＭＩＴＨ　ＧＡ") == ["DA52T-123456"]
    assert _found(db, "smith carter") == []
    # The customer's phone (as written or as bare digits) and e-mail, the case's notes.
    assert _found(db, "555-0142") == ["DA71T-477512"]
    assert _found(db, "5125550142") == ["DA71T-477512"]
    assert _found(db, "dale@example") == ["DA71T-477512"]
    assert _found(db, "tarp") == ["DA71T-477512"]
    # Wildcards are searched literally.
    assert _found(db, "%") == []
    assert _found(db, "_") == []


def test_step_notes_and_document_titles_are_searched_and_kept_current(
    engine_db: Database, tmp_path: Path
) -> None:
    db = engine_db
    case_id = _new_case(db, "DA63T-700001", customer="Dale Fontenot")
    scan = _scan(db, tmp_path, "Export certificate Yokohama")
    with db.transaction("tester") as session:
        cases.set_step(
            session,
            case_id,
            StepKey.LIEN,
            StepStatus.BLOCKED,
            user="tester",
            today=TODAY,
            note="Credit company holds the title",
        )
        paper = add_document(session, case_id, scan, user="tester")
    assert _found(db, "credit company") == ["DA63T-700001"]
    assert _found(db, "yokohama") == ["DA63T-700001"]
    with db.transaction("tester") as session:
        cases.set_step(
            session,
            case_id,
            StepKey.LIEN,
            StepStatus.IN_PROGRESS,
            user="tester",
            today=TODAY,
            note="Released by Orico",
        )
        remove_document(session, paper.id, user="tester")  # in the trash: not searched
    assert _found(db, "credit") == []
    assert _found(db, "orico") == ["DA63T-700001"]
    assert _found(db, "yokohama") == []
    # A customer renamed, or their phone changed, is found by the new words only.
    with db.transaction("tester") as session:
        cases.update_case(
            session, case_id, {"customer_phone": "409-555-7788"}, user="tester", today=TODAY
        )
    assert _found(db, "7788") == ["DA63T-700001"]


def test_migration_0010_makes_the_search_text_again(tmp_path: Path) -> None:
    """A database searched by the old text (lower-cased chassis, customer, notes only) is
    found by the new words after the upgrade, and the trigram index follows."""
    from alembic import command  # noqa: PLC0415
    from sqlalchemy import create_engine  # noqa: PLC0415

    from keidesk.storage.database import alembic_config  # noqa: PLC0415

    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    case_id = _new_case(db, "DA71T-477512", customer="Smith Farms", state="TX", notes="Blue tarp")
    with db.transaction("tester") as session:
        session.execute(
            text("UPDATE cases SET search_text = 'da71t-477512 smith farms' WHERE id = :id"),
            {"id": case_id},
        )
    assert _found(db, "smith tx") == []
    assert _found(db, "tarp") == []
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    command.downgrade(alembic_config(engine), "0007")
    command.upgrade(alembic_config(engine), "0010")
    engine.dispose()
    db = open_database(path)
    try:
        assert _found(db, "ＳＭＩＴＨ ＴＸ") == ["DA71T-477512"]
        assert _found(db, "tarp") == ["DA71T-477512"]  # asked of the rebuilt trigram index
    finally:
        db.close()


def test_postgres_search_has_a_trigram_index(postgres_url: str) -> None:
    db = open_database(postgres_url)
    try:
        with db.reader() as session:
            found = session.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = :name"),
                {"name": "ix_cases_search_text_trgm"},
            )
        assert found is not None and "gin_trgm_ops" in found
    finally:
        db.close()


def test_one_search_text_whoever_writes_it(db: Database, today: date) -> None:
    """The demo's rows, the migration's recomputation and the flush hooks make the same text."""
    import importlib  # noqa: PLC0415

    from keidesk.services.demo import build_demo  # noqa: PLC0415
    from keidesk.storage.events import search_text_for  # noqa: PLC0415

    migration = importlib.import_module(
        "keidesk.storage.migrations.versions.0010_search_that_finds"
    )
    with db.transaction("tester") as session:
        build_demo(session, cases=60, today=today)
    with db.reader() as session:
        demo = {case.id: case.search_text for case in session.scalars(select(Case))}
        assert demo == {case.id: search_text_for(case) for case in session.scalars(select(Case))}
        assert all(" 555-" in text for text in demo.values())  # the customer's phone
    with db.transaction("tester") as session:
        migration.recompute_search_text(session.connection())
    with db.reader() as session:
        assert {case.id: case.search_text for case in session.scalars(select(Case))} == demo


@pytest.mark.sqlite_only
@pytest.mark.parametrize("typed", ["smith fa", "smith farms", "fa sm", "smith", "da52t-1 fa"])
def test_a_search_finds_the_same_cases_by_the_index_or_row_by_row(
    db: Database, make_case, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """Whether the trigram index lists the matches first or each row is tested as the list
    walks its order is a matter of speed only: both give the same cases, in the same order."""
    from keidesk.services.cases import search  # noqa: PLC0415

    for name in ("Smith Farms", "Smith Hauling", "Fay Smith", "Ann Lee", "Farrah Smithers"):
        make_case(customer=name, built="1999-03")
    found = []
    for bound in (1, 10**9):  # every search dense (row by row), then none (the index first)
        monkeypatch.setattr(search, "DENSE_MATCHES", bound)
        monkeypatch.setattr(search, "DENSE_MATCHES_WITH_SHORT_WORDS", bound)
        with db.reader() as session:
            page = cases.read_page(
                session, cases.CaseFilter(search=typed), today=TODAY, order_by="customer"
            )
            found.append([row.customer for row in page.rows])
    assert found[0] == found[1]
    assert found[0]  # each of these finds someone
