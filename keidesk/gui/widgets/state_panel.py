"""A state's registration rule as staff need to read it: the plain summary customers get,
then the research notes (source, as-of, confidence)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from keidesk.domain.reference import PathKind
from keidesk.domain.sources import Confidence
from keidesk.gui.kit import theme
from keidesk.gui.kit.i18n import tr
from keidesk.services.views import StateRuleView

PATH_KIND = {
    PathKind.STANDARD: theme.GOOD,
    PathKind.RESTRICTED: theme.SOON,
    PathKind.OFFROAD_ONLY: theme.BAD,
    PathKind.NONE: theme.BAD,
    PathKind.UNDER_REVIEW: theme.SOON,
    PathKind.UNKNOWN: theme.MUTED,
}


def never_researched(rule: StateRuleView) -> bool:
    """No rule on file and none verified here: its as-of date is when the blank was written,
    not a check of the state, and must not read as one."""
    return rule.path is PathKind.UNKNOWN and not rule.locally_verified_on


def rule_html(rule: StateRuleView) -> str:
    """The rule in its two voices: what customers and clerks read (the plain summary), then
    the research notes for staff (limits as researched, source, as-of, confidence, notes)."""

    def row(label: str, value: str) -> str:
        return f"<tr><td style='padding-right:12px'><b>{label}</b></td><td>{value}</td></tr>"

    as_of = rule.as_of.isoformat()
    if never_researched(rule):
        # No rule on file: the date is when the blank was written, not a check of the state.
        as_of = "<span style='color:{}'>{}</span>".format(
            theme.hex_colour(theme.MUTED), tr("never researched")
        )
    if rule.as_of_note:
        as_of += f" ({escape(rule.as_of_note)})"
    if rule.locally_verified_on:
        as_of += "<br>" + tr("Verified locally on {date} by {who}").format(
            date=rule.locally_verified_on.isoformat(), who=escape(rule.updated_by or "?")
        )
    confidence_kind = theme.GOOD if rule.confidence is Confidence.PRIMARY else theme.SOON
    if rule.confidence is Confidence.UNCERTAIN:
        confidence_kind = theme.BAD
    path_colour = theme.hex_colour(PATH_KIND[rule.path])
    start = rule.effective_from.isoformat() if rule.effective_from else tr("the beginning")
    in_force = tr("In force from {start}").format(start=start)
    if rule.effective_to:
        in_force += tr(" to {end}").format(end=rule.effective_to.isoformat())
    parts = [
        f"<h3 style='margin:0'>{escape(rule.name)} ({rule.code})</h3>",
        f"<p style='margin-top:4px'><b style='color:{path_colour}'>"
        f"{escape(tr(rule.path.label))}</b>"
        + (" · " + tr("under review") if rule.under_review else "")
        + f" · {escape(in_force)}</p>",
    ]
    if rule.next_change is not None:
        parts.append(
            f"<p style='color:{theme.hex_colour(theme.SOON)}'><b>"
            f"{escape(rule.next_change.text)}</b></p>"
        )
    parts.append("<p style='margin-bottom:2px'><b>" + tr("For customers and clerks") + "</b></p>")
    parts.extend(f"<p style='margin:2px 0 4px 0'>{escape(p)}</p>" for p in rule.summary)
    parts += [
        "<p style='margin-bottom:2px'><b>" + tr("Research notes (staff only)") + "</b></p>",
        "<table>",
        row(tr("Road limits"), escape(rule.road_limits) or tr("(none on file)")),
        row(tr("Source"), escape(rule.source)),
        row(tr("As of"), as_of),
        row(
            tr("Confidence"),
            f"<span style='color:{theme.hex_colour(confidence_kind)}'>"
            f"{escape(rule.confidence.value)}: {escape(rule.confidence.label)}</span>",
        ),
    ]
    if rule.notes:
        parts.append(row(tr("Notes"), escape(rule.notes)))
    parts.append("</table>")
    for warning in rule.warnings:
        if rule.next_change is not None and warning == rule.next_change.text:
            continue
        parts.append(f"<p style='color:{theme.hex_colour(theme.SOON)}'>⚠ {escape(warning)}</p>")
    return "".join(parts)


class StateRulePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.show_rule(None)

    def show_rule(self, rule: StateRuleView | None, empty_text: str = "") -> None:
        if rule is None:
            self.label.setText(
                empty_text or tr("Enter the destination state to see its registration path.")
            )
            return
        self.label.setText(rule_html(rule))
