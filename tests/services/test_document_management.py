"""Managing a case's papers: what each is, where it is filed, the trash, and the papers each
step expects before it is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from keidesk.domain.documents import DocumentKind
from keidesk.domain.errors import InvalidInput, NotFound, PapersMissing
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases, documents
from keidesk.services.documents import AttachmentStore, attachment_store
from keidesk.storage.database import Database
from tests.conftest import TODAY


def attach(db: Database, case_id: int, path: Path, kind: DocumentKind | None = None, **kw) -> int:
    store = attachment_store(db)
    stored = store.put(path)
    chosen = kind or documents.guessed_kind(stored)
    with db.transaction("ann") as session:
        return documents.add_document(
            session, case_id, stored, user="ann", doc_type=chosen.value, **kw
        ).id


@pytest.fixture
def scan(tmp_path: Path):
    def make(name: str, content: bytes | None = None) -> Path:
        path = tmp_path / name
        path.write_bytes(content if content is not None else name.encode())
        return path

    return make


def history(db: Database, case_id: int) -> list[tuple[str, str | None, str | None, str | None]]:
    with db.reader() as session:
        return [
            (e.action, e.field, e.old_value, e.new_value)
            for e in cases.case_history(session, case_id)
            if e.entity == "documents"
        ]


def test_a_paper_is_filed_under_its_kinds_step_unless_told(db, make_case, scan):
    case_id = make_case()
    bl = attach(db, case_id, scan("BL_MSCU1.pdf"))
    photo = attach(db, case_id, scan("side.png"), DocumentKind.PHOTO, step_key=StepKey.HANDOVER)
    whole = attach(db, case_id, scan("BL_2.pdf"), step_key=None)  # the case as a whole
    with db.reader() as session:
        views = {v.id: v for v in documents.list_documents(session, case_id)}
    assert (views[bl].doc_type, views[bl].step_key) == ("bill_of_lading", StepKey.SHIPPING)
    assert (views[photo].doc_type, views[photo].step_key) == ("photo", StepKey.HANDOVER)
    assert (views[whole].doc_type, views[whole].step_key) == ("bill_of_lading", None)


@pytest.mark.typed_names
def test_kind_step_and_title_change_and_the_history_says_who(db, make_case, scan):
    case_id = make_case()
    doc = attach(db, case_id, scan("scan 1.pdf"))
    with db.transaction("bob") as session:
        view = documents.update_document(
            session,
            doc,
            user="bob",
            case_id=case_id,
            kind=DocumentKind.BILL_OF_LADING,
            step_key=StepKey.SHIPPING,
            title="  B/L   MSCU 1  ",
        )
    assert (view.doc_type, view.step_key, view.title) == (
        "bill_of_lading",
        StepKey.SHIPPING,
        "B/L MSCU 1",
    )
    changes = history(db, case_id)
    assert ("update", "doc_type", "other", "bill_of_lading") in changes
    assert ("update", "title", "scan 1", "B/L MSCU 1") in changes
    with db.reader() as session:
        who = {e.by for e in cases.case_history(session, case_id) if e.field == "doc_type"}
    assert who == {"bob"}


def test_the_trash_keeps_a_paper_out_of_the_case_until_restored(db, make_case, scan):
    case_id = make_case()
    doc = attach(db, case_id, scan("BL.pdf"))
    with db.transaction("ann") as session:
        documents.remove_document(session, doc, user="ann")
    with db.reader() as session:
        assert documents.list_documents(session, case_id) == []
        assert [v.id for v in documents.list_documents(session, case_id, removed=True)] == [doc]
        assert cases.case_detail(session, case_id, today=TODAY).documents == ()
    with db.transaction("ann") as session, pytest.raises(InvalidInput, match="restore it first"):
        documents.update_document(session, doc, user="ann", title="x")
    with db.transaction("ann") as session:
        documents.restore_document(session, doc, user="ann")
    with db.reader() as session:
        assert [v.id for v in documents.list_documents(session, case_id)] == [doc]


def test_emptying_the_trash_deletes_only_files_nothing_else_uses(db, make_case, scan):
    first, second = make_case(), make_case()
    shared = scan("same.pdf", b"%PDF shared")
    kept = attach(db, first, shared)
    gone = attach(db, second, shared)
    alone = attach(db, second, scan("alone.pdf", b"%PDF alone"))
    store = attachment_store(db)
    with db.reader() as session:
        by_id = {v.id: v for v in documents.list_documents(session, second)}
    with db.transaction("ann") as session:
        documents.remove_document(session, gone, user="ann")
        documents.remove_document(session, alone, user="ann")
    with db.transaction("ann") as session:
        deleted, unused = documents.empty_trash(session, case_id=second)
    assert deleted == 2
    assert unused == [by_id[alone].sha256]
    assert store.discard(unused) == 1
    assert not store.path_for(by_id[alone].sha256).exists()
    assert store.path_for(by_id[gone].sha256).exists()  # the first case still has it
    with db.reader() as session:
        assert [v.id for v in documents.list_documents(session, first)] == [kept]
        assert documents.list_documents(session, second, removed=True) == []
    assert ("delete", None, "other: alone", None) in history(db, second)


@pytest.mark.parametrize("call", ["update", "remove", "restore"])
def test_a_document_of_another_case_or_none_at_all_is_refused(db, make_case, scan, call):
    mine, theirs = make_case(), make_case()
    doc = attach(db, theirs, scan("x.pdf"))
    action = {
        "update": lambda s, d, c: documents.update_document(s, d, user="a", case_id=c, title="t"),
        "remove": lambda s, d, c: documents.remove_document(s, d, user="a", case_id=c),
        "restore": lambda s, d, c: documents.restore_document(s, d, user="a", case_id=c),
    }[call]
    with db.transaction("ann") as session:
        with pytest.raises(NotFound, match="belongs to case"):
            action(session, doc, mine)
        with pytest.raises(NotFound, match="no attached document 999"):
            action(session, 999, None)


def test_the_store_refuses_folders_and_huge_files(db, tmp_path):
    store = AttachmentStore(db.folder, max_bytes=10)
    with pytest.raises(InvalidInput, match="is a folder"):
        store.put(tmp_path)
    assert documents.MAX_ATTACHMENT_BYTES == 100 * 1024 * 1024
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 11)
    with pytest.raises(InvalidInput, match="at most"):
        store.put(big)
    assert not store.root.exists()  # nothing was stored


def test_a_step_counts_the_papers_it_expects(db, make_case, scan):
    case_id = make_case()
    attach(db, case_id, scan("7501.pdf"))
    attach(db, case_id, scan("hs7.pdf"))
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=TODAY)
    papers = documents.step_papers(detail.documents, StepKey.CUSTOMS)
    assert papers.describe() == "2 of 3 papers on file"
    assert papers.missing == (DocumentKind.EPA_3520_1,)
    assert documents.step_papers(detail.documents, StepKey.EMISSIONS).describe() == ""


def test_done_without_papers_needs_a_reason_which_the_history_keeps(db, make_case, scan):
    case_id = make_case(built="1999-03")
    attach(db, case_id, scan("export certificate.pdf"))
    with db.transaction("ann") as session:
        for key in (StepKey.INTAKE, StepKey.AGE):
            cases.set_step(session, case_id, key, StepStatus.DONE, user="ann", today=TODAY)
    with db.transaction("ann") as session, pytest.raises(PapersMissing, match="translation is not"):
        cases.set_step(session, case_id, StepKey.LIEN, StepStatus.DONE, user="a", today=TODAY)
    with db.transaction("ann") as session:
        step = cases.set_step(
            session,
            case_id,
            StepKey.LIEN,
            StepStatus.DONE,
            user="ann",
            today=TODAY,
            reason="  translator sends it Monday ",
        )
    assert step.status is StepStatus.DONE
    assert step.done_reason == (
        "translator sends it Monday (done without: Export certificate translation)"
    )
    with db.reader() as session:
        fields = [e.field for e in cases.case_history(session, case_id)]
    assert "done_reason" in fields


def test_done_with_every_paper_on_file_needs_no_reason(db, make_case, scan):
    case_id = make_case(built="1999-03")
    attach(db, case_id, scan("BL_1.pdf"))
    with db.transaction("ann") as session:
        for key in (StepKey.INTAKE, StepKey.AGE):
            cases.set_step(session, case_id, key, StepStatus.DONE, user="ann", today=TODAY)
        cases.set_step(
            session, case_id, StepKey.LIEN, StepStatus.NOT_APPLICABLE, user="ann", today=TODAY
        )
        step = cases.set_step(
            session, case_id, StepKey.SHIPPING, StepStatus.DONE, user="ann", today=TODAY
        )
    assert (step.status, step.done_reason) == (StepStatus.DONE, None)


def test_a_trashed_paper_does_not_count(db, make_case, scan):
    case_id = make_case(built="1999-03")
    doc = attach(db, case_id, scan("BL_1.pdf"))
    with db.transaction("ann") as session:
        documents.remove_document(session, doc, user="ann")
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=TODAY)
    assert documents.step_papers(detail.documents, StepKey.SHIPPING).missing == (
        DocumentKind.BILL_OF_LADING,
    )
