"""keidesk opens no network connection while it works: any attempt fails the test."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from keidesk.dataio import backup, bundle, integrity
from keidesk.dataio.export import export_cases
from keidesk.dataio.importer import DuplicatePolicy, check_import, run_import
from keidesk.dataio.mapping import guess_mapping
from keidesk.dataio.sheets import read_sheet
from keidesk.services import cases
from keidesk.services.demo import build_demo
from keidesk.services.documents import AttachmentStore, add_document
from keidesk.storage.database import open_database


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args))
        raise AssertionError(f"keidesk tried to open a network connection: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_core_workload_opens_no_socket(no_network, tmp_path: Path, today, cli):
    database = open_database(tmp_path / "k.sqlite3")
    try:
        with database.transaction("t") as session:
            build_demo(session, cases=200, today=today)
        sheet_path = tmp_path / "in.csv"
        sheet_path.write_text("Chassis No.,Year,Customer,State\nDA52T-654321,H11.3,Dale,TX\n")
        sheet = read_sheet(sheet_path)
        with database.transaction("t") as session:
            check = check_import(session, sheet, guess_mapping(sheet.headers), today=today)
            report = run_import(
                session, check, duplicates=DuplicatePolicy.SKIP, user="t", today=today
            )
        case_id = report.rows[0].case_id or 0
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4")
        stored = AttachmentStore(database.folder).put(scan)
        with database.transaction("t") as session:
            add_document(session, case_id, stored, user="t")
            cases.list_cases(session, cases.CaseFilter(search="dale"), today=today)
            export_cases(session, cases.CaseFilter(), tmp_path / "out.xlsx", today=today)
            bundle.export_bundle(
                session, AttachmentStore(database.folder), [case_id], tmp_path / "b.zip", user="t"
            )
        made = backup.make_backup(database, kind=backup.BackupKind.MANUAL, user="t")
        backup.restore_backup(database, made.path, user="t")
        assert integrity.check(database).ok
        contents = bundle.open_bundle(tmp_path / "b.zip")
        bundle.store_files(AttachmentStore(database.folder), contents)
        with database.transaction("t") as session:
            bundle.import_bundle(
                session, AttachmentStore(database.folder), contents, user="t", today=today
            )
    finally:
        database.close()
    assert cli("case", "list", "--json").code == 0
    assert cli("check").code == 0
    assert no_network == []
