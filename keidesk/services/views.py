"""Plain, immutable views of cases and rules, built from ORM rows inside a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from keidesk.domain.chassis import ChassisNumber
from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType, DutyEstimate
from keidesk.domain.eligibility import Eligibility
from keidesk.domain.kei_class import KeiClassCheck
from keidesk.domain.money import Money, Odometer
from keidesk.domain.reference import ChassisCodeInfo, PathKind
from keidesk.domain.sources import Confidence
from keidesk.domain.workflow import StepKey, StepStatus

#: A state rule older than this is shown with a warning to verify it with the state.
RULE_STALE_AFTER_DAYS = 180


@dataclass(frozen=True, slots=True)
class DecodedChassis:
    chassis: ChassisNumber
    code: ChassisCodeInfo | None  # None when the model code is not in the table (or a VIN)
    warnings: tuple[str, ...]

    @property
    def known(self) -> bool:
        return self.code is not None


@dataclass(frozen=True, slots=True)
class NextChange:
    """A later version of a state's rule that is on file."""

    effective_from: date
    path: PathKind
    under_review: bool

    @property
    def text(self) -> str:
        review = " (under review)" if self.under_review else ""
        return f"Changes on {self.effective_from.isoformat()} to {self.path.label}{review}."


@dataclass(frozen=True, slots=True)
class StateRuleView:
    """The version of a state's rule in force on ``on``, in two voices.

    For customers and clerks: ``summary`` (plain paragraphs: path, limits, what to bring, the
    statute or agency document, last verified, confirm with the agency; built by
    :func:`keidesk.services.reference.customer_summary`), ``customer_text``, ``documents``,
    ``citation``, the agency and ``questions``. For staff only: ``road_limits``, ``source``,
    ``as_of_note``, ``confidence``, ``notes`` and ``warnings``.
    """

    code: str
    name: str
    path: PathKind
    under_review: bool
    max_speed_mph: int | None
    interstate_allowed: bool | None
    road_limits: str
    documents: tuple[str, ...]
    citation: str
    source: str
    as_of: date
    as_of_note: str
    confidence: Confidence
    notes: str
    locally_verified_on: date | None
    updated_by: str | None
    warnings: tuple[str, ...]  # why staff must verify this rule with the state
    on: date = date.min  # the day this version was chosen for
    effective_from: date | None = None  # None: in force since the beginning
    effective_to: date | None = None  # None: no later version on file
    customer_text: str = ""
    agency: str = ""
    agency_phone: str | None = None
    agency_web: str | None = None
    questions: tuple[str, ...] = ()  # to ask the agency: unknown or under-review rules
    next_change: NextChange | None = None
    summary: tuple[str, ...] = ()  # plain paragraphs for customers and clerks

    @property
    def verified_on(self) -> date:
        """The last date the rule was checked: by staff, or the source's as-of date."""
        if self.locally_verified_on and self.locally_verified_on > self.as_of:
            return self.locally_verified_on
        return self.as_of


@dataclass(frozen=True, slots=True)
class StepView:
    key: StepKey
    title: str
    status: StepStatus
    note: str
    due_on: date | None
    updated_by: str | None
    updated_at: datetime | None
    overdue: bool
    done_reason: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: int
    kind: str
    doc_type: str
    title: str
    original_name: str
    sha256: str
    size_bytes: int
    media_type: str
    step_key: StepKey | None
    added_at: datetime
    added_by: str
    removed_at: datetime | None = None
    removed_by: str | None = None

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


@dataclass(frozen=True, slots=True)
class HistoryView:
    at: datetime
    by: str
    entity: str
    entity_key: str
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    #: In words (:mod:`keidesk.services.history_text`): what changed ("Customs value"), the
    #: old and new values as shown ("—", "$3,200.00"), and the whole line.
    what: str = ""
    old_text: str = ""
    new_text: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class CustomerView:
    id: int
    name: str
    phone: str | None
    email: str | None
    address: str | None
    state_code: str | None


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    number: str
    chassis: str
    make: str | None
    model: str | None
    built: PartialDate | None
    fmvss_eligible_on: date | None
    customer: str | None
    state: str | None
    stage: str
    stage_since: datetime
    blocked: bool
    eta: date | None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything about one case that the faces show and packets print."""

    id: int
    uid: str
    number: str
    # vehicle
    chassis: str
    identifier_kind: str
    model_code: str | None
    make: str | None
    model: str | None
    body_type: BodyType
    built: PartialDate | None
    first_registered: PartialDate | None
    engine: str | None
    engine_cc: int | None
    drive: str | None
    colour: str | None
    length_mm: int | None
    width_mm: int | None
    height_mm: int | None
    odometer: Odometer | None
    purchase_price: Money | None
    decoded: DecodedChassis | None
    eligibility: Eligibility | None
    kei_class: KeiClassCheck
    # customer and destination
    customer: CustomerView | None
    destination_state: str | None
    state_rule: StateRuleView | None
    # shipping and customs
    vessel: str | None
    bill_of_lading: str | None
    port_of_loading: str | None
    port_of_entry: str | None
    etd: date | None
    eta: date | None
    entry_number: str | None
    release_date: date | None
    customs_value: Money | None
    freight: Money | None
    duty_paid: Money | None
    sale_price: Money | None
    sale_date: date | None
    payment_terms: str | None
    duty_estimate: DutyEstimate | None
    landed_cost_estimate: Money | None
    notes: str
    # workflow
    stage: str
    stage_since: datetime
    steps: tuple[StepView, ...]
    documents: tuple[DocumentView, ...]
    created_at: datetime
    updated_at: datetime
    warnings: tuple[str, ...] = field(default=())
    # The day the truck is to be registered: the state rule shown is the one in force then.
    planned_registration: date | None = None
    # The state's rule changed after the case's last packet, and nobody has acknowledged it.
    rule_changed_since_packet: bool = False
    #: Bumped by every saved change to the case (its vehicle, customer, steps, documents): a
    #: save from an older version is refused or merged (``update_case(if_version=...)``).
    version: int = 1

    def step(self, key: StepKey) -> StepView:
        return next(s for s in self.steps if s.key is key)
