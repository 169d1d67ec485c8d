"""A bundle carries the paperwork as it is: each paper's kind and step, the trash, and why a
step was marked done without its papers; a bundle naming a kind keidesk does not know is
refused like any other bad value."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from keidesk.dataio import bundle
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases, documents
from keidesk.services.documents import attachment_store
from keidesk.storage.database import Database, open_database
from tests.conftest import TODAY
from tests.dataio.helpers import rewrite_bundle


@pytest.fixture
def exported(tmp_path: Path, db: Database, make_case) -> Path:
    case_id = make_case(chassis="DA52T-123456", built="1999-03", customer="Dale", state="TX")
    store = attachment_store(db)
    files = {}
    for name in ("BL_MSCU1.pdf", "IMG_1.jpg"):
        path = tmp_path / name
        path.write_bytes(name.encode())
        files[name] = store.put(path)
    with db.transaction("office") as session:
        documents.add_document(
            session, case_id, files["BL_MSCU1.pdf"], user="office", doc_type="bill_of_lading"
        )
        photo = documents.add_document(
            session, case_id, files["IMG_1.jpg"], user="office", doc_type="photo", step_key=None
        )
        documents.remove_document(session, photo.id, user="office")
        for key in (StepKey.INTAKE, StepKey.AGE):
            cases.set_step(session, case_id, key, StepStatus.DONE, user="office", today=TODAY)
        cases.set_step(
            session, case_id, StepKey.LIEN, StepStatus.DONE, user="office", today=TODAY, reason="r"
        )
    out = tmp_path / "case.zip"
    with db.reader() as session:
        bundle.export_bundle(session, store, [case_id], out, user="office")
    return out


def _import(tmp_path: Path, path: Path) -> Database:
    laptop = open_database(tmp_path / "laptop" / "k.sqlite3")
    contents = bundle.open_bundle(path)
    bundle.import_files_and_cases(
        laptop, attachment_store(laptop), contents, user="laptop", today=TODAY
    )
    return laptop


def test_kinds_steps_trash_and_reasons_travel(tmp_path, exported):
    laptop = _import(tmp_path, exported)
    try:
        with laptop.reader() as session:
            (case_id,) = [c.id for c in cases.list_cases(session, cases.CaseFilter(), today=TODAY)]
            live = documents.list_documents(session, case_id)
            trashed = documents.list_documents(session, case_id, removed=True)
            detail = cases.case_detail(session, case_id, today=TODAY)
        assert [(d.doc_type, d.step_key) for d in live] == [("bill_of_lading", StepKey.SHIPPING)]
        assert [(d.doc_type, d.step_key, d.removed_by) for d in trashed] == [
            ("photo", None, "office")
        ]
        assert detail.step(StepKey.LIEN).done_reason == (
            "r (done without: Japanese export certificate (輸出予定届出証明書); "
            "Export certificate translation)"
        )
    finally:
        laptop.close()


def test_an_unknown_paper_kind_is_refused(tmp_path, exported):
    document = json.loads(zipfile.ZipFile(exported).read("bundle.json"))
    case_doc = document["cases"][0]
    case_doc["documents"][0]["doc_type"] = "export_cert"
    bad = rewrite_bundle(exported, tmp_path / "bad.zip", [case_doc])
    with pytest.raises(InvalidInput, match="document 1 doc_type"):
        contents = bundle.open_bundle(bad)
        laptop = open_database(tmp_path / "laptop" / "k.sqlite3")
        try:
            bundle.import_files_and_cases(
                laptop, attachment_store(laptop), contents, user="laptop", today=TODAY
            )
        finally:
            laptop.close()
