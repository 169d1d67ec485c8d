"""Every word the GUI shows with ``tr(value)`` from a value (a step title, a document kind, a
field label, a status…) is listed as a literal in keidesk.gui.kit.domain_words, so that
``dev.py translations`` extracts it: a new label added anywhere fails here until it is listed."""

from __future__ import annotations

import calendar
import importlib
import pkgutil

import keidesk.gui
from keidesk import clock
from keidesk.dataio.backup import BackupKind
from keidesk.dataio.importer import RowOutcome
from keidesk.dataio.mapping import FIELDS as IMPORT_FIELDS
from keidesk.domain import eligibility
from keidesk.domain.costs import CostKind
from keidesk.domain.dates import PartialDate
from keidesk.domain.documents import DocumentKind
from keidesk.domain.eligibility import Basis
from keidesk.domain.kei_class import KEI_ERAS, check_kei_class
from keidesk.domain.messages import Message
from keidesk.domain.reference import PathKind
from keidesk.domain.sources import Confidence
from keidesk.domain.workflow import STAGES, STEP_DESCRIPTIONS, StepKey
from keidesk.gui.kit.domain_words import DOMAIN_WORDS
from keidesk.gui.kit.shortcuts import SHORTCUTS
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.packets import PacketKind
from keidesk.reports.model import ReportKind
from keidesk.services import dashboard, history_text
from keidesk.services.agenda import AgendaKind
from keidesk.services.case_fields import FIELDS
from keidesk.storage.database import Database


def _import_every_gui_module() -> None:
    for module in pkgutil.walk_packages(keidesk.gui.__path__, "keidesk.gui."):
        importlib.import_module(module.name)


def shown_words(db: Database) -> dict[str, set[str]]:
    """The English texts the GUI passes to tr() as values, by where they come from."""
    _import_every_gui_module()
    from keidesk.gui.agenda import feature, view  # noqa: PLC0415
    from keidesk.gui.case_workspace import documents_panel  # noqa: PLC0415
    from keidesk.gui.data import backup_dialog, bundle_dialog, import_dialog  # noqa: PLC0415
    from keidesk.gui.kit import dialogs, step_status  # noqa: PLC0415
    from keidesk.gui.shell import desk  # noqa: PLC0415

    with db.reader() as session:
        board = dashboard.build_dashboard(session, today=clock.today())
    stages = {dashboard.stage_title(stage) for stage in STAGES}
    models = RowsTableModel.__subclasses__()
    return {
        "step titles and stages": stages | {key.label for key in StepKey},
        "step descriptions": set(STEP_DESCRIPTIONS.values()),
        "next actions": set(dashboard.NEXT_ACTIONS.values())
        | {f"Blocked: {title}" for title in stages},  # next_action() of a blocked case
        "dashboard": {item.title for group in (board.attention, board.shipments) for item in group},
        "document kinds": {kind.label for kind in DocumentKind},
        "packet kinds": {kind.label for kind in PacketKind},
        "registration paths": {kind.label for kind in PathKind},
        "confidence": {mark.label for mark in Confidence},
        "field labels": {spec.label for spec in FIELDS.values()},
        "field hints": {spec.hint for spec in FIELDS.values() if spec.hint},
        "import fields": set(IMPORT_FIELDS.values()),
        "import outcomes": {outcome.value for outcome in RowOutcome},
        "step statuses": set(step_status.STATUS_TEXT.values()),
        "table headers": {h for model in models for h in model.HEADERS}
        | set(documents_panel.DocumentsModel.TRASH_HEADERS),
        "file filters": {
            dialogs.DATABASE_FILTER,
            desk.EXPORT_FILTER,
            bundle_dialog.BUNDLE_FILTER,
            import_dialog.SPREADSHEET_FILTER,
            backup_dialog.BACKUP_FILTER,
            backup_dialog.BACKUP_FILE_FILTER,
        },
        "bundle choices": {label for _choice, label in bundle_dialog.CHOICES},
        "backup kinds": {kind.value for kind in BackupKind},
        "eligibility rules": set(eligibility._TITLES.values()),
        "eligibility basis": {basis.value.replace("_", " ") for basis in Basis},
        "chassis bodies": BODIES,  # the editor's choices, a literal tuple in a method
        "words in the core's sentences": sentence_words(),
        "keyboard shortcuts": {s.what for s in SHORTCUTS} | {s.scope for s in SHORTCUTS},
        "file types": set(documents_panel.FILE_TYPES.values()),
        "agenda kinds": {kind.label for kind in AgendaKind},
        "snooze choices": {label for label, _days in view.SNOOZE_CHOICES},
        "calendar file filter": {feature.ICS_FILTER},
        "cost kinds": {kind.label for kind in CostKind},
        "report kinds": {kind.label for kind in ReportKind},
        "history words": history_words(),
    }


def history_words() -> set[str]:
    """The words keidesk.services.history_text puts into its sentences with word(): the
    tables, the step statuses and the column labels (a "… unit" label by its field's label)."""
    words = set(history_text.ENTITY_NAMES.values()) | set(history_text.STATUS_WORDS.values())
    for label, _show in history_text._COLUMNS.values():
        if isinstance(label, Message) and label.values:
            words.add(str(label.values["label"]))
        elif label:
            words.add(str(label))
    return words


def sentence_words() -> set[str]:
    """The words the core puts into its sentences with keidesk.domain.messages.word(), beyond
    the ones above (step titles, document kinds, field labels): month names, kei eras, the
    kei-class items (capitalised and in lower case)."""
    items = check_kei_class(PartialDate(2000), engine_cc=1, length_mm=1, width_mm=1, height_mm=1)
    labels = {item.label for item in items.items}
    return (
        set(calendar.month_name[1:])
        | {era.name for era in KEI_ERAS}
        | labels
        | {label.lower() for label in labels}
    )


#: The body types the chassis-code editor offers (keidesk.gui.rules.chassis).
BODIES = {"truck", "van", "dumper"}


def test_every_word_shown_from_a_value_is_listed(db: Database) -> None:
    missing = {
        source: sorted(words - DOMAIN_WORDS)
        for source, words in shown_words(db).items()
        if words - DOMAIN_WORDS
    }
    assert not missing, (
        "Add these to keidesk/gui/kit/domain_words.py (then run python3 dev.py translations): "
        f"{missing}"
    )


def test_the_list_holds_nothing_else(db: Database) -> None:
    """A word no longer shown anywhere leaves the list (and so the .ts file)."""
    shown = set().union(*shown_words(db).values())
    assert sorted(DOMAIN_WORDS - shown) == []
