"""The per-vehicle import workflow: its eight steps, their statuses and the gates between them.

Pure rules over plain values, so that the same gate refuses the same change in the CLI, the GUI
and any batch job.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from keidesk.domain.errors import GateRefused, InvalidInput
from keidesk.domain.messages import Message, joined, msg, word


class StepKey(StrEnum):
    """Stable keys of the workflow steps, in workflow order."""

    INTAKE = "intake"
    AGE = "age"
    LIEN = "lien"
    SHIPPING = "shipping"
    CUSTOMS = "customs"
    EMISSIONS = "emissions"
    REGISTRATION = "registration"
    HANDOVER = "handover"

    @property
    def label(self) -> str:
        return STEP_TITLES[self]

    @property
    def position(self) -> int:
        return list(StepKey).index(self)

    @classmethod
    def parse(cls, text: str) -> StepKey:
        try:
            return cls(text.strip().lower())
        except ValueError:
            keys = ", ".join(k.value for k in cls)
            raise InvalidInput(
                f"There is no workflow step {text!r}; the steps are {keys}."
            ) from None


STEP_TITLES = {
    StepKey.INTAKE: "Intake",
    StepKey.AGE: "Age check",
    StepKey.LIEN: "Lien clearance",
    StepKey.SHIPPING: "Shipping",
    StepKey.CUSTOMS: "Customs",
    StepKey.EMISSIONS: "Emissions",
    StepKey.REGISTRATION: "State registration",
    StepKey.HANDOVER: "Handover",
}

STEP_DESCRIPTIONS = {
    StepKey.INTAKE: "Truck bought at auction, chassis number and papers recorded.",
    StepKey.AGE: "FMVSS 25-year exemption (HS-7 box 1) and EPA code E (21 years).",
    StepKey.LIEN: (
        "Japanese export certificate in the exporter's name, ownership retention (所有権留保) "
        "released, translation; US lien holder and release where the customer finances."
    ),
    StepKey.SHIPPING: "Vessel, bill of lading, ETD/ETA, ports.",
    StepKey.CUSTOMS: "HS-7, EPA 3520-1, CBP 7501/3461, duty and fees, release date.",
    StepKey.EMISSIONS: "Original engine confirmed; the destination state's own rule.",
    StepKey.REGISTRATION: "Title and registration path in the customer's state.",
    StepKey.HANDOVER: "Truck and document packet handed to the customer.",
}

#: What a case's stage is once every step is done or not applicable.
STAGE_COMPLETE = "complete"


class StepStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    NOT_APPLICABLE = "n/a"

    @property
    def is_finished(self) -> bool:
        return self in (StepStatus.DONE, StepStatus.NOT_APPLICABLE)

    @classmethod
    def parse(cls, text: str) -> StepStatus:
        cleaned = text.strip().lower().replace("-", "_").replace(" ", "_")
        aliases = {"na": "n/a", "n_a": "n/a", "inprogress": "in_progress"}
        try:
            return cls(aliases.get(cleaned, cleaned))
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise InvalidInput(f"There is no step status {text!r}; use one of {names}.") from None


class BlockedBy(StrEnum):
    """What holds a blocked step when it is a rule, not a person: the rule lifts the block."""

    AGE_GATE = "age_gate"  # the truck is not 25 years old yet (FMVSS)


def stage_of(statuses: Mapping[StepKey, StepStatus]) -> str:
    """A case's stage: its first step that is neither done nor n/a."""
    for key in StepKey:
        if not statuses.get(key, StepStatus.TODO).is_finished:
            return key.value
    return STAGE_COMPLETE


#: Every stage a case can be in, in workflow order (the order lists sort and show them in).
STAGES: tuple[str, ...] = (*(key.value for key in StepKey), STAGE_COMPLETE)


def parse_stage(text: str) -> str:
    """A stage filter: a step key or ``complete``."""
    if text.strip().lower() == STAGE_COMPLETE:
        return STAGE_COMPLETE
    return StepKey.parse(text).value


#: Steps that must be done before a step may be marked done.
PREREQUISITES: Mapping[StepKey, tuple[StepKey, ...]] = {
    StepKey.CUSTOMS: (StepKey.AGE, StepKey.LIEN),
    StepKey.REGISTRATION: (StepKey.CUSTOMS,),
}

#: Steps that must be done or n/a before a step may be marked done.
FINISHED_PREREQUISITES: Mapping[StepKey, tuple[StepKey, ...]] = {
    StepKey.HANDOVER: (StepKey.REGISTRATION,),
}

#: Steps whose very purpose forbids "not applicable".
ALWAYS_APPLICABLE = frozenset({StepKey.AGE, StepKey.CUSTOMS})


def check_step_change(
    statuses: Mapping[StepKey, StepStatus],
    key: StepKey,
    new_status: StepStatus,
    *,
    fmvss_eligible_on: date | None,
    age_reference: date,
) -> None:
    """Refuse a change the gates forbid, with a reason a staff member can act on.

    ``fmvss_eligible_on`` is the truck's FMVSS 25-year date (None when no build or first
    registration date is known); ``age_reference`` is the shipment's ETA, or today without one.
    """
    if new_status is StepStatus.NOT_APPLICABLE and key in ALWAYS_APPLICABLE:
        raise GateRefused(
            msg(
                "The {step} step applies to every imported truck; it cannot be n/a.",
                step=word(key.label),
            )
        )
    if new_status is StepStatus.DONE:
        missing = [p for p in PREREQUISITES.get(key, ()) if statuses.get(p) is not StepStatus.DONE]
        if missing:
            names = joined(p.label for p in missing)
            if len(missing) > 1:
                refusal = msg(
                    "{step} cannot be done before {names} are done.",
                    step=word(key.label),
                    names=names,
                )
            else:
                refusal = msg(
                    "{step} cannot be done before {names} is done.",
                    step=word(key.label),
                    names=names,
                )
            raise GateRefused(refusal)
        unfinished = [
            p
            for p in FINISHED_PREREQUISITES.get(key, ())
            if not statuses.get(p, StepStatus.TODO).is_finished
        ]
        if unfinished:
            raise GateRefused(
                msg(
                    "{step} cannot be done before {names} is done or n/a.",
                    step=word(key.label),
                    names=joined(p.label for p in unfinished),
                )
            )
    if key is StepKey.AGE and new_status is not StepStatus.BLOCKED:
        block = age_block_reason(fmvss_eligible_on, age_reference)
        if block:
            raise GateRefused(msg("{reason} The age step stays blocked until then.", reason=block))
        if new_status is StepStatus.DONE and fmvss_eligible_on is None:
            raise GateRefused(
                msg("The age check cannot be done without a build date or first registration date.")
            )


def age_block_reason(fmvss_eligible_on: date | None, age_reference: date) -> Message | None:
    """Why the age step is blocked, or None when the truck is 25 years old by the reference."""
    if fmvss_eligible_on is None or fmvss_eligible_on <= age_reference:
        return None
    return msg(
        "Not FMVSS-eligible until {date} (25-year rule, checked against {reference}).",
        date=fmvss_eligible_on.isoformat(),
        reference=age_reference.isoformat(),
    )
