"""A case's history in words a person uses, every field included (the customer's too)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from keidesk.domain.messages import Message
from keidesk.domain.money import Money, Odometer
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.case_fields import EDITABLE
from keidesk.services.documents import add_document, attachment_store, remove_document
from keidesk.services.history_text import HistoryNames, describe
from keidesk.services.views import HistoryView
from keidesk.storage.database import Database
from tests.conftest import CliResult

TODAY = date(2026, 11, 21)


def _texts(db: Database, case_id: int) -> list[str]:
    with db.reader() as session:
        return [entry.text for entry in cases.case_history(session, case_id)]


def test_history_reads_as_words(
    db: Database, make_case: Callable[..., int], tmp_path: Path
) -> None:
    scan = tmp_path / "export.pdf"
    scan.write_bytes(b"%PDF-1.4 export")
    stored = attachment_store(db).put(scan)  # beside the file, or in the server database
    case_id = make_case(chassis="DA52T-123456", built="1999-03", customer="Dale Fontenot")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            {
                "customs_value": Money.parse("3200", "USD"),
                "odometer": Odometer.parse("48200 km"),
                "purchase_price": Money.parse("450000", "JPY"),
                "built": None,
                "first_registered": None,
                "eta": date(2026, 12, 20),
                "customer_phone": "(337) 555-0101",
                "customer_email": "dale@example.com",
                "customer_address": "12 Bayou Rd",
            },
            user="tester",
            today=TODAY,
        )
    with db.transaction("tester") as session:
        cases.set_step(
            session, case_id, StepKey.INTAKE, StepStatus.IN_PROGRESS, user="tester", today=TODAY
        )
        paper = add_document(session, case_id, stored, user="tester", title="Export certificate")
    with db.transaction("tester") as session:
        remove_document(session, paper.id, user="tester")
        cases.update_case(
            session, case_id, {"customer_name": "Smith Farms"}, user="tester", today=TODAY
        )
    texts = _texts(db, case_id)
    for line in (
        "Customs value: — → $3,200.00",
        "Odometer: — → 48,200",
        "Odometer unit: — → km",
        "Purchase price: — → ¥450,000",
        "ETA: — → 2026-12-20",
        "Phone: — → (337) 555-0101",  # the customer's details are in the case's history
        "Email: — → dale@example.com",
        "Address: — → 12 Bayou Rd",
        "Intake: to do → in progress",
        "Document added: “Export certificate” (Other paper)",
        "Document “Export certificate”: moved to the trash",
        "Customer: Dale Fontenot → Smith Farms",
    ):
        assert line in texts, (line, texts)
    assert not any("cents" in text or "_" in text for text in texts), texts


def test_every_stored_field_has_a_label() -> None:
    """No field of the registry is shown by its column name."""
    for spec in EDITABLE.values():
        entity = {"vehicle": "vehicles", "customer": "customers", "case": "cases"}[str(spec.owner)]
        for column in spec.bundled:
            entry = HistoryView(
                at=datetime(2026, 11, 21, tzinfo=UTC),
                by="t",
                entity=entity,
                entity_key="1",
                action="update",
                field=column.attr,
                old_value=None,
                new_value="1",
            )
            words = describe(entry)
            assert "_" not in words.what and words.what, (column.attr, words)


def test_cli_history_in_words_and_json_keeps_raw_fields(
    cli: Callable[..., CliResult], make_case: Callable[..., int]
) -> None:
    case_id = make_case(built="1999-03")
    assert cli("case", "set", str(case_id), "customs_value=3200").code == 0
    assert cli("step", str(case_id), "customs", "in_progress").code in (0, 2)
    shown = cli("case", "history", str(case_id))
    assert shown.code == 0
    assert "Customs value" in shown.out and "$3,200.00" in shown.out
    assert "cents" not in shown.out
    entries = cli("case", "history", str(case_id), "--json").json
    change = next(e for e in entries if e["field"] == "customs_value_cents")
    assert change["new_value"] == "320000"  # the raw fields stay
    assert change["text"] == "Customs value: — → $3,200.00"


def test_history_words_are_messages_the_gui_translates() -> None:
    """describe() keeps its English str() and gives the GUI the template and the words to
    translate (keidesk.domain.messages): here with a little dictionary for a language."""
    spanish = {
        "{what}: {old} → {new}": "{what}: {old} → {new}",
        "{subject} {label}": "{subject}, {label}",
        "Customs": "Aduana",
        "to do": "pendiente",
        "in progress": "en curso",
        "Customs value": "Valor en aduana",
        "Document “{title}”": "Documento “{title}”",
        "{what}: {detail}": "{what}: {detail}",
        "moved to the trash": "enviado a la papelera",
    }

    def language(text: str) -> str:
        return spanish.get(text, text)

    def entry(entity: str, field: str, old: str | None, new: str | None) -> HistoryView:
        at = datetime(2026, 11, 21, tzinfo=UTC)
        return HistoryView(at, "t", entity, "7", "update", field, old, new)

    step = describe(
        entry("workflow_steps", "status", "todo", "in_progress"),
        HistoryNames(steps={7: "Customs"}),
    )
    assert step.text == "Customs: to do → in progress"
    assert isinstance(step.text, Message)
    assert step.text.render(language) == "Aduana: pendiente → en curso"
    value = describe(entry("cases", "customs_value_cents", None, "320000"))
    assert value.text == "Customs value: — → $3,200.00"
    assert isinstance(value.text, Message)
    assert value.text.render(language) == "Valor en aduana: — → $3,200.00"
    trashed = describe(
        entry("documents", "removed_at", None, "2026-11-21"), HistoryNames(documents={7: "Scan"})
    )
    assert trashed.text == "Document “Scan”: moved to the trash"
    assert isinstance(trashed.text, Message)
    assert trashed.text.render(language) == "Documento “Scan”: enviado a la papelera"
