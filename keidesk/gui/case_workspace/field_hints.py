"""Live feedback under a field while it is typed: the decoded chassis, the date as read, km
with miles, the amount as money, or the plain reason it cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

from keidesk.domain.dates import parse_date
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_error, tr_message
from keidesk.gui.widgets.state_panel import PATH_KIND
from keidesk.services.case_fields import FIELDS, Feedback
from keidesk.services.reference import decode_chassis, get_state_rule
from keidesk.services.views import DecodedChassis


@dataclass(frozen=True, slots=True)
class Hint:
    text: str
    kind: str  # theme.GOOD, theme.SOON (check this), theme.BAD (cannot be read), theme.MUTED

    def html(self) -> str:
        return f'<span style="color:{theme.hex_colour(self.kind)}">{self.text}</span>'


def decoded_text(decoded: DecodedChassis) -> str:
    chassis = decoded.chassis
    if decoded.code is not None:
        info = decoded.code
        parts = [f"{info.make} {info.model}", tr_message(info.production_text)]
        if info.drive:
            parts.append(info.drive)
        if info.engine:
            parts.append(f"{info.engine} {info.engine_cc or ''}cc".replace(" cc", ""))
        return f"{chassis.normalized}: " + ", ".join(parts)
    if chassis.kind.value == "vin":
        return tr("{number}: a 17-character VIN").format(number=chassis.normalized)
    return chassis.normalized


def chassis_hint(context: AppContext, text: str) -> Hint:
    if not text.strip():
        return Hint(tr("Type the chassis (frame) number from the export certificate."), theme.MUTED)
    try:  # a lookup in the fixed table of chassis codes as it is typed: small, read at once
        decoded = context.read(lambda s: decode_chassis(s, text))
    except KeideskError as exc:
        return Hint(tr_error(exc), theme.BAD)
    line = decoded_text(decoded)
    if decoded.warnings:
        return Hint(
            line + "<br>" + "<br>".join(tr_message(w) for w in decoded.warnings), theme.SOON
        )
    return Hint(line, theme.GOOD)


def date_hint(text: str, today_iso: str) -> Hint | None:
    if not text.strip():
        return None
    try:
        parsed = parse_date(text)
    except KeideskError as exc:
        return Hint(tr_error(exc), theme.BAD)
    shown = tr("Read as {date}").format(date=parsed.iso())
    if parsed.iso() > today_iso:
        return Hint(shown + " " + tr("(in the future)"), theme.BAD)
    return Hint(shown, theme.GOOD)


def field_hint(context: AppContext, name: str, text: str) -> Hint | None:
    """The hint for a field of a case, or None when the field has nothing to say."""
    spec = FIELDS[name]
    if spec.feedback is Feedback.CHASSIS:
        return chassis_hint(context, text)
    if spec.feedback is Feedback.DATE:
        return date_hint(text, context.today.isoformat())
    if not text.strip() or spec.feedback is None:
        return None
    try:
        if spec.feedback is Feedback.READING:
            return Hint(str(spec.kind.read(text.strip(), spec.label)), theme.GOOD)
        if spec.feedback is Feedback.AMOUNT:
            amount = str(spec.kind.read(text.strip(), spec.label))
            return None if amount == text.strip() else Hint(amount, theme.GOOD)
        # One of 51 state rules by its code, as it is typed: small, read at once.
        rule = context.read(lambda s: get_state_rule(s, text, today=context.today))
        path = tr(rule.path.label)
        said = (
            tr("{state}: {path} today; {change}").format(
                state=rule.name, path=path, change=tr_message(rule.next_change.text)
            )
            if rule.next_change
            else tr("{state}: {path}").format(state=rule.name, path=path)
        )
        # Feedback.STATE: coloured by what the path means (a state with no data is no success)
        return Hint(said, PATH_KIND[rule.path])
    except KeideskError as exc:
        return Hint(tr_error(exc), theme.BAD)
