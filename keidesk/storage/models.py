"""The database schema as typed SQLAlchemy 2.0 models.

One module so the whole schema can be read in one place. Domain value types (partial dates,
money, odometer readings, enums) are mapped here, so the rest of the code never sees raw
columns. Every schema change comes with an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from keidesk import clock
from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType
from keidesk.domain.eligibility import Basis
from keidesk.domain.money import DistanceUnit, Money, Odometer
from keidesk.domain.reference import PathKind
from keidesk.domain.sources import Confidence
from keidesk.domain.workflow import BlockedBy, StepKey, StepStatus


class PartialDateType(TypeDecorator[PartialDate]):
    """A date with its precision, stored as ``1999``, ``1999-03`` or ``1999-03-15``.

    The text form sorts correctly and keeps what the papers said, no more.
    """

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: PartialDate | None, dialect: Dialect) -> str | None:
        return None if value is None else value.iso()

    def process_result_value(self, value: str | None, dialect: Dialect) -> PartialDate | None:
        return None if value is None else PartialDate.from_iso(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and returned timezone-aware (SQLite keeps no zone)."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum(cls: type[Any]) -> Enum:
    """Enums stored by value (``"n/a"``, ``"in_progress"``), as text, portable across databases."""
    return Enum(
        cls,
        native_enum=False,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        length=24,
    )


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        PartialDate: PartialDateType(),
        datetime: UTCDateTime(),
        date: Date(),
        str: String(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
        StepKey: _enum(StepKey),
        StepStatus: _enum(StepStatus),
        BlockedBy: _enum(BlockedBy),
        PathKind: _enum(PathKind),
        Confidence: _enum(Confidence),
        Basis: _enum(Basis),
        BodyType: _enum(BodyType),
        DistanceUnit: _enum(DistanceUnit),
    }


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    phone: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    state_code: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    cases: Mapped[list[Case]] = relationship(back_populates="customer")


class Vehicle(Base):
    """The truck itself: what its papers say and what we derived from them."""

    __tablename__ = "vehicles"

    id: Mapped[int] = mapped_column(primary_key=True)
    chassis_number: Mapped[str] = mapped_column(String(32), unique=True)
    identifier_kind: Mapped[str] = mapped_column(String(8))  # "frame" or "vin"
    model_code: Mapped[str | None] = mapped_column(String(12), index=True)
    make: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(120))
    body_type: Mapped[BodyType] = mapped_column(default=BodyType.TRUCK)
    built: Mapped[PartialDate | None] = mapped_column(index=True)
    first_registered: Mapped[PartialDate | None]
    # Derived from built/first_registered by the case service; stored for indexed filtering.
    eligibility_basis: Mapped[Basis | None]
    fmvss_eligible_on: Mapped[date | None] = mapped_column(index=True)
    epa_eligible_on: Mapped[date | None]
    engine: Mapped[str | None] = mapped_column(String(40))
    engine_cc: Mapped[int | None]
    drive: Mapped[str | None] = mapped_column(String(8))
    colour: Mapped[str | None] = mapped_column(String(40))
    length_mm: Mapped[int | None]
    width_mm: Mapped[int | None]
    height_mm: Mapped[int | None]
    odometer_value: Mapped[int | None]
    odometer_unit: Mapped[DistanceUnit | None]
    purchase_price_minor: Mapped[int | None]
    purchase_currency: Mapped[str | None] = mapped_column(String(3))

    case: Mapped[Case] = relationship(back_populates="vehicle")

    # Value objects over their column pairs (both columns NULL means "not recorded").
    @property
    def odometer(self) -> Odometer | None:
        if self.odometer_value is None or self.odometer_unit is None:
            return None
        return Odometer(self.odometer_value, self.odometer_unit)

    @odometer.setter
    def odometer(self, reading: Odometer | None) -> None:
        self.odometer_value = None if reading is None else reading.value
        self.odometer_unit = None if reading is None else reading.unit

    @property
    def purchase_price(self) -> Money | None:
        if self.purchase_price_minor is None or self.purchase_currency is None:
            return None
        return Money(self.purchase_price_minor, self.purchase_currency)

    @purchase_price.setter
    def purchase_price(self, price: Money | None) -> None:
        self.purchase_price_minor = None if price is None else price.minor
        self.purchase_currency = None if price is None else price.currency


class Case(Base):
    """One truck's import, from auction to the customer's driveway."""

    __tablename__ = "cases"

    #: The stored sort keys of the case list (see ``storage.events.sort_keys_for``).
    SORT_KEY_COLUMNS: ClassVar[tuple[str, ...]] = (
        "sort_chassis",
        "sort_vehicle",
        "sort_model",
        "sort_built",
        "sort_eligible_on",
        "sort_customer",
        "sort_state",
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), unique=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    destination_state: Mapped[str | None] = mapped_column(
        ForeignKey("state_rules.code"), index=True
    )
    # The first step that is neither done nor n/a; kept by the case service for indexed lists.
    stage: Mapped[str] = mapped_column(String(16), index=True, default=StepKey.INTAKE.value)
    stage_since: Mapped[datetime] = mapped_column(default=clock.now, index=True)
    # Shipping
    vessel: Mapped[str | None] = mapped_column(String(120))
    bill_of_lading: Mapped[str | None] = mapped_column(String(60))
    port_of_loading: Mapped[str | None] = mapped_column(String(80))
    port_of_entry: Mapped[str | None] = mapped_column(String(80))
    etd: Mapped[date | None]
    eta: Mapped[date | None] = mapped_column(index=True)
    # Customs
    entry_number: Mapped[str | None] = mapped_column(String(40))
    # With ``eta`` and ``stage`` in ``ix_cases_release_date_eta`` (0008): the agenda's arrivals
    # and pending releases ("no release yet, ETA in a range") are one index range.
    release_date: Mapped[date | None]
    customs_value_cents: Mapped[int | None]
    freight_cents: Mapped[int | None]
    duty_paid_cents: Mapped[int | None]
    # The sale to the customer (the bill of sale prints it)
    sale_price_cents: Mapped[int | None]
    sale_date: Mapped[date | None]
    payment_terms: Mapped[str | None] = mapped_column(Text)
    # The day the truck is to be registered: the state rule in force then applies (else today).
    planned_registration: Mapped[date | None]
    # When staff acknowledged a change to the state rule made after the last packet (0006).
    rule_change_acknowledged_at: Mapped[datetime | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    # What search looks in, folded as a typed query is (``events.compose_search_text``):
    # FTS5 trigram index on SQLite, a pg_trgm GIN index on PostgreSQL (migration 0010).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The case list's sort keys, normalised (lower-cased, "" for none) and kept on the case
    # (``events.sort_keys_for``), so one index per column serves "ORDER BY key, id" and the
    # keyset paging after any row: a sort on a joined column sorted every row for every page.
    sort_chassis: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    sort_vehicle: Mapped[str] = mapped_column(
        String(200), default="", server_default="", index=True
    )
    sort_model: Mapped[str] = mapped_column(String(120), default="", server_default="", index=True)
    sort_built: Mapped[str] = mapped_column(String(10), default="", server_default="", index=True)
    sort_eligible_on: Mapped[str] = mapped_column(
        String(10), default="", server_default="", index=True
    )
    sort_customer: Mapped[str] = mapped_column(
        String(200), default="", server_default="", index=True
    )
    sort_state: Mapped[str] = mapped_column(String(2), default="", server_default="", index=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now, onupdate=clock.now)
    # Bumped once per transaction that changes the case, its vehicle, its customer's fields,
    # its steps or its documents (:mod:`keidesk.storage.events`): a save made from an older
    # version is refused or merged, never silently laid over a newer one.
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))

    __table_args__ = (Index("ix_cases_release_date_eta", "release_date", "eta", "stage"),)

    vehicle: Mapped[Vehicle] = relationship(back_populates="case", lazy="joined")
    customer: Mapped[Customer | None] = relationship(back_populates="cases", lazy="joined")
    steps: Mapped[list[WorkflowStep]] = relationship(
        back_populates="case", order_by="WorkflowStep.position", cascade="all, delete-orphan"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="case", order_by="Document.id", cascade="all, delete-orphan"
    )
    state_rule: Mapped[StateRule | None] = relationship(lazy="joined")
    costs: Mapped[list[Cost]] = relationship(
        back_populates="case", order_by="Cost.id", cascade="all, delete-orphan"
    )

    @property
    def number(self) -> str:
        """The case number staff say and write: ``KD-000042``."""
        return case_number(self.id)

    # US-dollar amounts over their cent columns (NULL means "not recorded").
    @property
    def customs_value(self) -> Money | None:
        return _dollars(self.customs_value_cents)

    @customs_value.setter
    def customs_value(self, amount: Money | None) -> None:
        self.customs_value_cents = _cents(amount)

    @property
    def freight(self) -> Money | None:
        return _dollars(self.freight_cents)

    @freight.setter
    def freight(self, amount: Money | None) -> None:
        self.freight_cents = _cents(amount)

    @property
    def sale_price(self) -> Money | None:
        return _dollars(self.sale_price_cents)

    @sale_price.setter
    def sale_price(self, amount: Money | None) -> None:
        self.sale_price_cents = _cents(amount)

    @property
    def duty_paid(self) -> Money | None:
        return _dollars(self.duty_paid_cents)

    @duty_paid.setter
    def duty_paid(self, amount: Money | None) -> None:
        self.duty_paid_cents = _cents(amount)


def _dollars(cents: int | None) -> Money | None:
    return None if cents is None else Money(cents, "USD")


def _cents(amount: Money | None) -> int | None:
    if amount is not None and amount.currency != "USD":
        raise ValueError(f"{amount} is not in US dollars")
    return None if amount is None else amount.minor


def case_number(case_id: int) -> str:
    return f"KD-{case_id:06d}"


class WorkflowStep(Base):
    __tablename__ = "workflow_steps"
    __table_args__ = (
        UniqueConstraint("case_id", "key", name="uq_workflow_steps_case_key"),
        # Serves both "is this case blocked?" per row and "all blocked cases" as a filter.
        Index("ix_workflow_steps_status_case_id", "status", "case_id"),
        # The agenda's due and overdue steps: a due-date range in the agenda's order (date,
        # case), answered from the index alone (the status, and the case and key its handled
        # or snoozed marks are found by).
        Index("ix_workflow_steps_agenda", "due_on", "case_id", "key", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    key: Mapped[StepKey]
    position: Mapped[int]
    status: Mapped[StepStatus] = mapped_column(default=StepStatus.TODO)
    # A blocked step held by a rule (the age gate), which lifts it; None: held by a person.
    blocked_by: Mapped[BlockedBy | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # Why the step was marked done without papers it expects (and which); None otherwise.
    done_reason: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(index=True)
    updated_by: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="steps")


class Document(Base):
    """A file kept with a case: an attached scan or photo, or a generated packet.

    The bytes live in the managed attachment folder beside the database, named by their
    SHA-256, so a document survives its original being moved or deleted.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    step_key: Mapped[StepKey | None]
    kind: Mapped[str] = mapped_column(String(12))  # "attachment" | "packet"
    doc_type: Mapped[str] = mapped_column(String(40))  # e.g. "export_certificate", "handover"
    title: Mapped[str] = mapped_column(String(200))
    original_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(default=clock.now)
    added_by: Mapped[str] = mapped_column(String(80))
    # In the trash since (None: in use). A removed document keeps its file until the trash is
    # emptied, so it can be restored.
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(80))

    case: Mapped[Case] = relationship(back_populates="documents")


class Cost(Base):
    """One cost of a truck (:mod:`keidesk.domain.costs`): its kind, the amount in its currency
    (integer yen or cents), for yen the rate used on the day paid (yen per US dollar, as exact
    decimal text) and the US-cent value worked out from it when recorded (half up), which the
    totals and reports add up in SQL."""

    __tablename__ = "costs"
    __table_args__ = (Index("ix_costs_kind_paid_on", "kind", "paid_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[str | None] = mapped_column(String(24))
    usd_cents: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[date] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    created_by: Mapped[str] = mapped_column(String(80))

    case: Mapped[Case] = relationship(back_populates="costs")


class StateRule(Base):
    """A state (or DC): its name, its motor vehicle agency, and the versions of its rule.

    The rule itself lives in :class:`StateRuleVersion` rows, seeded from ``resources/`` and
    editable by staff; ``rule_changed_at`` is when any of them last changed (an edit, a rules
    pack, a refreshed shipped copy), which flags cases whose packet was printed before.
    """

    __tablename__ = "state_rules"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    agency: Mapped[str] = mapped_column(String(120), default="")
    agency_phone: Mapped[str | None] = mapped_column(String(40))
    agency_web: Mapped[str | None] = mapped_column(String(200))
    rule_changed_at: Mapped[datetime | None]

    versions: Mapped[list[StateRuleVersion]] = relationship(
        back_populates="state",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="StateRuleVersion.effective_from.asc().nulls_first()",
    )


class StateRuleVersion(Base):
    """One version of a state's rule, in force from ``effective_from`` (NULL: from the
    beginning) until the next version of the same state starts."""

    __tablename__ = "state_rule_versions"
    __table_args__ = (
        UniqueConstraint("state_code", "effective_from", name="uq_state_rule_versions_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state_code: Mapped[str] = mapped_column(ForeignKey("state_rules.code"), index=True)
    effective_from: Mapped[date | None]
    path: Mapped[PathKind]
    under_review: Mapped[bool] = mapped_column(default=False)
    max_speed_mph: Mapped[int | None]
    interstate_allowed: Mapped[bool | None]
    road_limits: Mapped[str] = mapped_column(Text)
    customer_text: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[list[str]] = mapped_column(default=list)
    citation: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    as_of: Mapped[date]
    as_of_note: Mapped[str] = mapped_column(Text)
    confidence: Mapped[Confidence]
    notes: Mapped[str] = mapped_column(Text, default="")
    locally_verified_on: Mapped[date | None]
    updated_by: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[datetime | None]

    state: Mapped[StateRule] = relationship(back_populates="versions")


class ChassisCode(Base):
    """A kei model code and what it decodes to, with its source and confidence."""

    __tablename__ = "chassis_codes"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    make: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(String(20))
    drive: Mapped[str | None] = mapped_column(String(8))
    first_year: Mapped[int | None]
    first_month: Mapped[int | None]
    last_year: Mapped[int | None]
    last_month: Mapped[int | None]
    in_production: Mapped[bool] = mapped_column(default=False)
    engine: Mapped[str | None] = mapped_column(String(40))
    engine_cc: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[Confidence]
    updated_by: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[datetime | None]


class HistoryEntry(Base):
    """One recorded change. Append-only: triggers in the database refuse updates and deletes."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity", "entity", "entity_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed (0008): the backup reminder asks when the data were first entered (the oldest
    # entry), and the agenda asks the backup reminder each time it is read.
    at: Mapped[datetime] = mapped_column(default=clock.now, index=True)
    by: Mapped[str] = mapped_column(String(80))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    entity: Mapped[str] = mapped_column(String(24))  # table name: "cases", "workflow_steps", ...
    entity_key: Mapped[str] = mapped_column(String(40))  # the row's primary key as text
    action: Mapped[str] = mapped_column(String(8))  # "create" | "update" | "delete"
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """Shared settings that belong with the data (the importer's profile used on packets)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AttachmentBlob(Base):
    """A file's bytes kept in the database, by SHA-256, when the database is a server (see
    :mod:`keidesk.services.documents`): written once, never changed, in 1 MB chunks."""

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int]
    stored_at: Mapped[datetime] = mapped_column(default=clock.now)


class AttachmentChunk(Base):
    """One chunk (at most 1 MB) of an :class:`AttachmentBlob`, numbered from 0."""

    __tablename__ = "attachment_chunks"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("attachment_blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    part: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AgendaMark(Base):
    """What staff did with one agenda item: marked it handled, or snoozed it until a day.

    An item is named by what it is about and its date (``topic``, ``case_id``, ``subject``,
    ``item_date``: a step's due date, an ETA, a rule's re-verification day), so a new date is
    a new item and a handled one does not hide the next. Items of no case (a state's rule, a
    backup) have ``case_id`` 0. Not in the history: it records what a person saw, not data.
    """

    __tablename__ = "agenda_marks"
    __table_args__ = (
        UniqueConstraint("topic", "case_id", "subject", "item_date", name="uq_agenda_marks_item"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(16))  # "step", "arrival", "release", ...
    case_id: Mapped[int] = mapped_column(Integer, index=True)
    subject: Mapped[str] = mapped_column(String(16), default="")  # a step key, a state code
    item_date: Mapped[date]
    handled_at: Mapped[datetime | None]
    snoozed_until: Mapped[date | None]
    marked_by: Mapped[str] = mapped_column(String(80))
    marked_at: Mapped[datetime] = mapped_column(default=clock.now)
