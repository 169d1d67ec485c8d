"""Case bundles: round trip, conflicts with both histories kept, idempotence, hostile zips."""

from __future__ import annotations

import json
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from keidesk.dataio import bundle, integrity
from keidesk.dataio.bundle import BundleConflict, BundleRefused, Choice
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.demo import build_demo
from keidesk.services.documents import add_document, attachment_store
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case
from tests.dataio.helpers import fingerprint, rewrite_bundle
from tests.write_lock import WriteLockProbe


def _export(db: Database, ids: list[int], out: Path) -> Path:
    with db.reader() as session:
        bundle.export_bundle(session, attachment_store(db), ids, out, user="office")
    return out


def _import(db: Database, path: Path, today: date, **kw) -> bundle.BundleImport:
    contents = bundle.open_bundle(path)
    store = attachment_store(db)
    return bundle.import_files_and_cases(db, store, contents, user="laptop", today=today, **kw)


@pytest.fixture
def office(tmp_path: Path, make_case, db: Database, today) -> tuple[Database, int, Path]:
    """The office database with one case that has an attachment, a packet and some history."""
    case_id = make_case(chassis="DA52T-123456", built="1999-03", customer="Dale", state="TX")
    scan = tmp_path / "export-cert.pdf"
    scan.write_bytes(b"%PDF-1.4 export certificate")
    packet = tmp_path / "handover.pdf"
    packet.write_bytes(b"%PDF-1.4 handover packet")
    store = attachment_store(db)
    scan_file, packet_file = store.put(scan), store.put(packet)
    with db.transaction("office") as session:
        add_document(session, case_id, scan_file, user="office", title="Export certificate")
        add_document(session, case_id, packet_file, user="office", kind="packet")
        cases.set_step(
            session,
            case_id,
            StepKey.LIEN,
            StepStatus.DONE,
            user="office",
            today=today,
            note="ok",
            reason="papers seen",
        )
        cases.update_case(session, case_id, {"vessel": "Hoegh Osaka"}, user="office", today=today)
    return db, case_id, _export(db, [case_id], tmp_path / "case.zip")


def test_bundle_round_trip_into_another_database(office, tmp_path, today):
    db, case_id, path = office
    names = set(zipfile.ZipFile(path).namelist())
    assert {"bundle.json", "manifest.json"} <= names and len(names) == 4
    laptop = open_database(tmp_path / "laptop" / "k.sqlite3")
    try:
        result = _import(laptop, path, today)
        assert [c.outcome for c in result.cases] == ["created"]
        assert result.cases[0].documents_added == 2
        with db.reader() as session:
            mine = cases.case_detail(session, case_id, today=today)
            mine_history = cases.case_history(session, case_id)
        with laptop.reader() as session:
            new_id = session.scalars(select(Case.id)).one()
            theirs = cases.case_detail(session, new_id, today=today)
            history = cases.case_history(session, new_id)
        assert theirs.uid == mine.uid
        assert theirs.vessel == "Hoegh Osaka" and theirs.customer and theirs.customer.name == "Dale"
        assert theirs.step(StepKey.LIEN).status is StepStatus.DONE
        assert theirs.step(StepKey.LIEN).note == "ok"
        assert {d.title for d in theirs.documents} == {"Export certificate", "handover"}
        # The office's history came along (by "office"), beside the laptop's own entries.
        office_entries = {(h.at, h.by, h.field, h.new_value) for h in mine_history}
        assert office_entries <= {(h.at, h.by, h.field, h.new_value) for h in history}
        store = attachment_store(laptop)
        assert all(store.path_for(d.sha256).is_file() for d in theirs.documents)
        # Importing the same bundle again changes nothing.
        before = fingerprint(laptop)
        again = _import(laptop, path, today)
        assert [c.outcome for c in again.cases] == ["unchanged"]
        assert fingerprint(laptop) == before
    finally:
        laptop.close()


def test_conflicts_are_shown_and_resolved_per_item(office, tmp_path, today):
    db, case_id, path = office
    with db.transaction("office") as session:
        cases.update_case(
            session, case_id, {"vessel": "Glovis Sun", "notes": "mine"}, user="office", today=today
        )
        cases.set_step(
            session, case_id, StepKey.SHIPPING, StepStatus.IN_PROGRESS, user="o", today=today
        )
    # The bundle (exported before) says vessel Hoegh Osaka, notes "", shipping todo.
    before = fingerprint(db)
    with pytest.raises(BundleConflict) as conflict:
        _import(db, path, today)
    assert "choose for each difference" in str(conflict.value)
    diffs = {(d.item, d.field) for d in conflict.value.result.cases[0].differences}
    assert ("details", "vessel") in diffs and ("step:shipping", "status") in diffs
    assert fingerprint(db) == before  # nothing written

    with db.reader() as session:
        uid = cases.case_detail(session, case_id, today=today).uid
    result = _import(
        db,
        path,
        today,
        choices={uid: {"details": Choice.THEIRS, "step:shipping": Choice.MINE}},
    )
    assert result.cases[0].outcome == "updated"
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=today)
        history = cases.case_history(session, case_id)
    assert detail.vessel == "Hoegh Osaka"
    assert detail.notes == ""
    assert detail.step(StepKey.SHIPPING).status is StepStatus.IN_PROGRESS
    # My change and the import's change back are both in the history.
    vessel_changes = [h.new_value for h in history if h.field == "vessel"]
    assert vessel_changes == ["Hoegh Osaka", "Glovis Sun", "Hoegh Osaka"]


def test_files_are_stored_before_the_transaction_and_a_refused_import_takes_them_out(
    office, tmp_path, today
):
    """No write lock is held while the bundle's files are copied; when the import is then
    refused, the files it brought in are removed again: nothing is left behind."""
    _db, _case_id, path = office
    laptop_file = tmp_path / "laptop" / "k.sqlite3"
    laptop = open_database(laptop_file)
    try:
        with laptop.transaction("laptop") as session:  # the same truck, entered here too
            cases.create_case(session, chassis="DA52T-123456", today=today)
        probe = WriteLockProbe(laptop.folder, laptop_file)
        contents = bundle.open_bundle(path)
        before = fingerprint(laptop)
        with pytest.raises(BundleConflict):
            bundle.import_files_and_cases(laptop, probe, contents, user="laptop", today=today)
        assert probe.writable == [True, True]  # both files copied with no write lock held
        assert list(probe.root.glob("*/*")) == []  # and taken out again
        assert fingerprint(laptop) == before
        report = integrity.check(laptop)
        assert report.ok and report.documents_checked == 0
        assert len(bundle.store_files(probe, contents)) == 2
        assert bundle.store_files(probe, contents) == ()  # already there: nothing copied again
    finally:
        laptop.close()


def test_importing_before_the_files_are_stored_is_refused_as_a_bug(office, tmp_path, today):
    _db, _case_id, path = office
    laptop = open_database(tmp_path / "laptop" / "k.sqlite3")
    try:
        store = attachment_store(laptop)
        contents = bundle.open_bundle(path)
        with (
            pytest.raises(RuntimeError, match="store_files"),
            laptop.transaction("laptop") as session,
        ):
            bundle.import_bundle(session, store, contents, user="laptop", today=today)
        with laptop.reader() as session:
            assert session.scalars(select(Case.id)).all() == []
    finally:
        laptop.close()


def test_keep_both_fills_gaps_joins_notes_and_is_idempotent(office, tmp_path, today):
    db, case_id, path = office
    with db.transaction("office") as session:
        cases.update_case(
            session, case_id, {"vessel": None, "notes": "mine"}, user="office", today=today
        )
        cases.set_step(session, case_id, StepKey.LIEN, StepStatus.TODO, user="o", today=today)
    theirs = json.loads(zipfile.ZipFile(path).read("bundle.json"))["cases"][0]
    theirs["details"]["notes"] = "theirs"
    edited = rewrite_bundle(path, tmp_path / "edited.zip", [theirs])
    _import(db, edited, today, default_choice=Choice.BOTH)
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=today)
    assert detail.vessel == "Hoegh Osaka"  # my empty field filled from theirs
    assert detail.notes == "mine\ntheirs"
    assert detail.step(StepKey.LIEN).status is StepStatus.DONE  # the further of the two
    before = fingerprint(db)
    again = _import(db, edited, today, default_choice=Choice.BOTH)
    assert again.cases[0].outcome == "unchanged"
    assert fingerprint(db) == before


# --- hostile bundles -----------------------------------------------------------------------


def _hostile(
    tmp_path: Path,
    source: Path,
    name: str,
    extra: tuple[str, bytes] | None = None,
    info: zipfile.ZipInfo | None = None,
) -> Path:
    out = tmp_path / name
    original = zipfile.ZipFile(source)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in original.namelist():
            archive.writestr(member, original.read(member))
        if extra is not None:
            archive.writestr(info or extra[0], extra[1])
    return out


def _refused(db: Database, path: Path, today: date, message: str) -> None:
    before = fingerprint(db)
    store_files = sorted(p.name for p in (db.folder / "attachments").rglob("*") if p.is_file())
    with pytest.raises(BundleRefused, match=message) as refused:
        _import(db, path, today)
    assert "Nothing was changed" in str(refused.value)
    assert fingerprint(db) == before
    assert sorted(p.name for p in (db.folder / "attachments").rglob("*") if p.is_file()) == (
        store_files
    )


def test_traversal_absolute_and_unknown_members_are_refused(office, tmp_path, today):
    db, _case_id, path = office
    for i, member in enumerate(
        ("../evil.txt", "files/../../evil", "/etc/cron.d/evil", "C:/evil.txt", "..\\evil")
    ):
        hostile = _hostile(tmp_path, path, f"t{i}.zip", (member, b"x"))
        _refused(db, hostile, today, "outside the bundle|unexpected file")
    _refused(db, _hostile(tmp_path, path, "u.zip", ("run.sh", b"x")), today, "unexpected file")
    assert not (tmp_path / "evil.txt").exists()


def test_links_are_refused(office, tmp_path, today):
    db, _case_id, path = office
    info = zipfile.ZipInfo("files/" + "a" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    hostile = _hostile(tmp_path, path, "link.zip", ("files/" + "a" * 64, b"/etc/passwd"), info)
    _refused(db, hostile, today, "contains a link")


def test_bombs_and_too_many_members_are_refused(office, tmp_path, today, monkeypatch):
    db, _case_id, path = office
    bomb = _hostile(tmp_path, path, "bomb.zip", ("files/" + "b" * 64, b"\0" * (20 * 1024 * 1024)))
    _refused(db, bomb, today, "compression bomb")
    monkeypatch.setattr(bundle, "MAX_MEMBERS", 3)
    _refused(db, path, today, "members")
    monkeypatch.setattr(bundle, "MAX_MEMBERS", 2000)
    monkeypatch.setattr(bundle, "MAX_MEMBER_BYTES", 10)
    _refused(db, path, today, "too large")


def test_tampered_manifest_or_files_are_refused(office, tmp_path, today):
    db, _case_id, path = office
    original = zipfile.ZipFile(path)
    document = json.loads(original.read("bundle.json"))
    document["cases"][0]["details"]["vessel"] = "Tampered"
    out = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out, "w") as archive:
        for name in original.namelist():
            data = json.dumps(document).encode() if name == "bundle.json" else original.read(name)
            archive.writestr(name, data)
    _refused(db, out, today, "does not match its manifest")
    missing = tmp_path / "missing.zip"
    with zipfile.ZipFile(missing, "w") as archive:
        for name in original.namelist():
            if not name.startswith("files/"):
                archive.writestr(name, original.read(name))
    _refused(db, missing, today, "do not match its manifest")
    notzip = tmp_path / "not.zip"
    notzip.write_text("hello")
    _refused(db, notzip, today, "not a zip file")


def test_cli_bundle_export_and_import(office, tmp_path, cli):
    _db, case_id, _path = office
    out = tmp_path / "cli.zip"
    exported = cli("bundle", "export", str(case_id), "--out", str(out), "--json")
    assert exported.code == 0, exported.err
    assert exported.json["cases"] == 1 and exported.json["files"] == 2
    again = cli("bundle", "import", str(out), "--json")
    assert again.code == 0, again.err
    assert again.json["cases"][0]["outcome"] == "unchanged"
    assert cli("bundle", "export", "999", "--out", str(out)).code == 2
    other = tmp_path / "other.sqlite3"
    created = cli("bundle", "import", str(out), db=other)
    assert created.code == 0 and "created" in created.out
    cli("case", "set", "1", "vessel=Other", db=other)
    conflict = cli("bundle", "import", str(out), db=other)
    assert conflict.code == 2 and "--prefer" in conflict.err
    assert "vessel" in conflict.out
    taken = cli("bundle", "import", str(out), "--prefer", "theirs", db=other)
    assert taken.code == 0 and "updated" in taken.out


def test_an_age_gate_block_travels_as_data_and_old_bundles_are_read(tmp_path, make_case, db, today):
    """A young truck's age step stays the gate's in the other database, so the gate lifts it
    there; a bundle from before steps said who holds a block is read by the gate's note."""
    young = make_case(chassis="DA63T-123456", built="2002-05")  # eligible 2027-06-01
    out = _export(db, [young], tmp_path / "young.zip")
    document = json.loads(zipfile.ZipFile(out).read("bundle.json"))
    (age,) = [s for s in document["cases"][0]["steps"] if s["key"] == "age"]
    assert age["blocked_by"] == "age_gate"
    for step in document["cases"][0]["steps"]:
        del step["blocked_by"]
    old = rewrite_bundle(out, tmp_path / "old.zip", document["cases"])
    for path in (out, old):
        other = open_database(tmp_path / path.stem / "cases.sqlite3")
        try:
            _import(other, path, today)
            with other.transaction("system") as session:
                assert cases.refresh_age_gates(session, today=date(2027, 6, 1)) == 1
        finally:
            other.close()


def test_a_bundle_from_another_seat_imports_once_whoever_signs_in(db, tmp_path, today):
    """On an office server the history names the signed-in person, not the bundle's: the same
    bundle imported again must still find every history line it brought."""
    (tmp_path / "laptop").mkdir()
    laptop = open_database(tmp_path / "laptop" / "keidesk.sqlite3")
    try:
        with laptop.transaction("mia") as session:
            build_demo(session, cases=1, today=today)
        with laptop.reader() as session:
            ids = list(session.scalars(select(Case.id)))
        path = _export(laptop, ids, tmp_path / "from-the-laptop.zip")
    finally:
        laptop.close()
    first = _import(db, path, today)
    assert first.cases[0].outcome == "created"
    before = fingerprint(db)
    again = _import(db, path, today)
    assert again.cases[0].outcome == "unchanged"
    assert fingerprint(db) == before
