"""A state's registration rule as staff need to read it: path, limits, papers, source."""

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


def rule_html(rule: StateRuleView) -> str:
    def row(label: str, value: str) -> str:
        return f"<tr><td style='padding-right:12px'><b>{label}</b></td><td>{value}</td></tr>"

    limits = []
    if rule.max_speed_mph is not None:
        limits.append(tr("roads up to {mph} mph").format(mph=rule.max_speed_mph))
    if rule.interstate_allowed is False:
        limits.append(tr("no interstates"))
    elif rule.interstate_allowed:
        limits.append(tr("interstates allowed"))
    limit_text = "; ".join(limits)
    if rule.road_limits:
        limit_text = (
            f"{limit_text}. {escape(rule.road_limits)}" if limit_text else escape(rule.road_limits)
        )
    documents = "".join(f"<li>{escape(d)}</li>" for d in rule.documents) or tr("(none listed)")
    as_of = rule.as_of.isoformat()
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
    parts = [
        f"<h3 style='margin:0'>{escape(rule.name)} ({rule.code})</h3>",
        f"<p style='margin-top:4px'><b style='color:{path_colour}'>{escape(rule.path.label)}</b>"
        + (f" · {tr('under review')}" if rule.under_review else "")
        + "</p>",
        "<table>",
        row(tr("Road limits"), limit_text or tr("(none on file)")),
        row(tr("Documents"), f"<ul style='margin:0'>{documents}</ul>"),
        row(tr("Citation"), escape(rule.citation)),
        row(tr("Source"), escape(rule.source)),
        row(tr("As of"), as_of),
        row(
            tr("Confidence"),
            f"<span style='color:{theme.hex_colour(confidence_kind)}'>"
            f"{escape(rule.confidence.label)}</span>",
        ),
    ]
    if rule.notes:
        parts.append(row(tr("Notes"), escape(rule.notes)))
    parts.append("</table>")
    for warning in rule.warnings:
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
