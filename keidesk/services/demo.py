"""Realistic sample data: the demo database and the data behind the benchmarks.

Cases are spread over every stage consistently with the gates (a truck past customs is
25 years old, a too-young truck sits blocked at the age check), across many states, with real
model codes built within their production years.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from itertools import accumulate
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.costs import CostKind, rate_text, usd_cents
from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType, estimate_duty
from keidesk.domain.eligibility import Eligibility, assess_eligibility
from keidesk.domain.money import Money
from keidesk.domain.workflow import BlockedBy, StepKey, StepStatus, age_block_reason
from keidesk.storage.bulk import driver_value, indexes_deferred, insert_rows, reserve_ids
from keidesk.storage.events import compose_search_text
from keidesk.storage.models import (
    Case,
    ChassisCode,
    Cost,
    Customer,
    HistoryEntry,
    StateRule,
    Vehicle,
    WorkflowStep,
)

FIRST_NAMES = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Carlos",
    "Maria",
    "Wei",
    "Yuki",
    "Hiroshi",
    "Aiko",
    "Dale",
    "Tammy",
    "Earl",
    "Loretta",
    "Wyatt",
    "Dolly",
    "Bubba",
    "Darlene",
    "Hank",
    "Jolene",
    "Cody",
    "Shelby",
    "Tucker",
    "Reba",
]
LAST_NAMES = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Tanaka",
    "Sato",
    "Nakamura",
    "Boudreaux",
    "Hebert",
    "Landry",
    "Guidry",
    "Fontenot",
]
FARM_WORDS = ("Farms", "Ranch", "Orchards", "Hunting Club", "Vineyards", "Landscaping", "Acres")
COLOURS = ("white", "white", "white", "silver", "red", "blue", "green")
VESSELS = (
    "Morning Celesta",
    "Trans Future 7",
    "Glovis Sirius",
    "Hoegh Tracer",
    "Dream Jasmine",
    "Silver Queen",
    "Century Highway 2",
)
PORTS_JP = ("Yokohama", "Kobe", "Nagoya", "Osaka", "Hakata")
PORTS_US = (
    "Port of Baltimore",
    "Port of Jacksonville",
    "Port of Houston",
    "Port of Tacoma",
    "Port of Long Beach",
    "Port of Brunswick",
    "Port of Charleston",
)
#: Buyers' states, weighted towards where kei trucks sell (farm and hunting states).
STATE_WEIGHTS = {
    "TX": 14,
    "LA": 8,
    "FL": 7,
    "TN": 6,
    "MI": 6,
    "WA": 5,
    "AL": 5,
    "AR": 5,
    "MA": 4,
    "NC": 4,
    "GA": 3,
    "CO": 3,
    "KS": 3,
    "MO": 3,
    "KY": 3,
    "IN": 3,
    "PA": 3,
    "OH": 3,
    "VA": 3,
    "SC": 3,
    "MN": 2,
    "NE": 2,
    "NH": 2,
    "ME": 2,
    "OR": 2,
    "CA": 2,
    "IL": 2,
    "NY": 2,
    "WI": 2,
}
#: How a demo database spreads its cases over the workflow (index into the steps, 8 = done).
STAGE_WEIGHTS = (6, 10, 10, 14, 12, 10, 14, 9, 15)


@dataclass(frozen=True, slots=True)
class DemoResult:
    cases: int
    customers: int


def _names(rng: random.Random, below: Callable[[int], int]) -> Iterator[str]:
    while True:
        if rng.random() < 0.15:
            yield f"{LAST_NAMES[below(len(LAST_NAMES))]} {FARM_WORDS[below(len(FARM_WORDS))]}"
        else:
            yield f"{FIRST_NAMES[below(len(FIRST_NAMES))]} {LAST_NAMES[below(len(LAST_NAMES))]}"


def draws(rng: random.Random) -> Callable[[int], int]:
    """``rng``'s own draw of a whole number in ``[0, n)``, the one its ``randrange``,
    ``randint`` and ``choice`` make (``a + below(b - a + 1)`` is ``randint(a, b)``,
    ``seq[below(len(seq))]`` is ``choice(seq)``): the same numbers, one call deep rather than
    three or four (forty draws a case). tests/services/test_demo.py holds it to the random
    module's own, so a new Python that draws otherwise is noticed."""
    getrandbits = rng.getrandbits

    def below(n: int) -> int:
        if n <= 0:
            raise ValueError("empty range for a random draw")
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    return below


def _weighted(weights: Sequence[int]) -> Callable[[float], int]:
    """The index ``rng.choices(range(len(weights)), weights)[0]`` picks, given that call's one
    ``rng.random()``."""
    cumulative = list(accumulate(weights))
    total = cumulative[-1] + 0.0
    hi = len(cumulative) - 1
    return lambda r: bisect(cumulative, r * total, 0, hi)


#: Cases generated and written at a time: the memory a demo holds does not grow with its size.
BATCH_CASES = 5_000

_NOTES = (
    "",
    "",
    "",
    "Customer wants dump bed.",
    "Paid deposit.",
    "Rust on rear frame noted at auction.",
    "Needs new tires.",
)
_BLOCKED_NOTES = (
    "Waiting on export certificate from auction house.",
    "Ownership retention not yet released by credit company.",
    "Broker needs corrected invoice.",
)
_HEIGHTS = (1765, 1780, 1890)
_CURRENT = (StepStatus.TODO, StepStatus.IN_PROGRESS, StepStatus.IN_PROGRESS)


def _table(mapped: type[Any]) -> Table:
    return cast(Table, mapped.__table__)


class _Rows:
    """New rows of one table, as tuples of the values of ``names`` (see
    :func:`~keidesk.storage.bulk.driver_value`), written a batch at a time."""

    def __init__(self, mapped: type[Any], names: str) -> None:
        self.table = _table(mapped)
        self.names = tuple(names.split())
        self.rows: list[tuple[Any, ...]] = []

    def write(self, session: Session) -> None:
        insert_rows(session, self.table, self.names, self.rows)
        self.rows.clear()


def build_demo(
    session: Session, *, cases: int, today: date, user: str = "demo", seed: int = 2026
) -> DemoResult:
    """Add ``cases`` realistic cases in bulk, written in batches of :data:`BATCH_CASES` so
    memory stays bounded (1,000,000 cases in a few hundred megabytes), their indexes built
    at the end."""
    tables = (Customer, Vehicle, Case, WorkflowStep, HistoryEntry, Cost)
    with indexes_deferred(session, [_table(mapped) for mapped in tables]):
        return _build(session, cases=cases, today=today, user=user, seed=seed)


def _build(session: Session, *, cases: int, today: date, user: str, seed: int) -> DemoResult:
    rng = random.Random(seed)
    below = draws(rng)
    chance = rng.random
    codes = [
        c
        for c in session.scalars(select(ChassisCode).order_by(ChassisCode.code))
        if c.first_year is not None and c.first_year <= today.year - 26
    ]
    eligible_states = list(session.scalars(select(StateRule.code)))
    states = [s for s in STATE_WEIGHTS if s in eligible_states]
    pick_state = _weighted([STATE_WEIGHTS[s] for s in states])
    pick_stage = _weighted(STAGE_WEIGHTS)
    now = clock.now()
    # Each distinct instant and date is converted to its stored form once (every timestamp
    # column has the one UTC type, every date column the one date type).
    instant = cache(driver_value(session, _table(Case).c.stage_since))
    day = cache(driver_value(session, _table(Case).c.eta))
    now_stored = instant(now)

    existing = set(session.scalars(select(Vehicle.chassis_number)))
    # Chassis numbers made here, as (code index, serial) packed in an int: a tenth of the memory
    # of a million strings.
    taken: set[int] = set()

    customer_count = max(1, cases // 3)
    # Ids the database gives (on a server, from each table's sequence, which so stays ahead).
    customer_ids = reserve_ids(session, _table(Customer), customer_count)
    case_ids = reserve_ids(session, _table(Case), cases)
    vehicle_ids = reserve_ids(session, _table(Vehicle), cases)
    # What a case needs of its customer, kept compact: the name (a few thousand distinct ones,
    # each kept once, with its sort key), the phone and the state.
    customer_names: list[str] = []
    customer_states: list[str] = []
    customer_phones: list[str] = []
    sort_names: dict[str, str] = {}
    customers = _Rows(Customer, "id name phone email address state_code created_at")
    names = _names(rng, below)
    for i in range(customer_count):
        state = states[pick_state(chance())]
        name = next(names)
        if name not in sort_names:
            sort_names[name] = name.lower()
        customer_names.append(name)
        customer_states.append(state)
        phone = f"({201 + below(789)}) 555-{below(10_000):04d}"
        customer_phones.append(phone)
        address = f"{10 + below(9990)} County Road {1 + below(400)}"
        customers.rows.append((customer_ids[i], name, phone, None, address, state, now_stored))
        if len(customers.rows) >= BATCH_CASES:
            customers.write(session)
    customers.write(session)

    vehicles = _Rows(
        Vehicle,
        "id chassis_number identifier_kind model_code make model body_type built"
        " first_registered eligibility_basis fmvss_eligible_on epa_eligible_on engine engine_cc"
        " drive colour length_mm width_mm height_mm odometer_value odometer_unit"
        " purchase_price_minor purchase_currency",
    )
    case_table = _Rows(
        Case,
        "id uid vehicle_id customer_id destination_state stage stage_since vessel"
        " bill_of_lading port_of_loading port_of_entry etd eta entry_number release_date"
        " customs_value_cents freight_cents duty_paid_cents notes search_text sort_chassis"
        " sort_vehicle sort_model sort_built sort_eligible_on sort_customer sort_state"
        " created_at updated_at sale_price_cents sale_date",
    )
    steps = _Rows(
        WorkflowStep, "case_id key position status blocked_by note due_on updated_by updated_at"
    )
    history = _Rows(
        HistoryEntry,
        "at by case_id entity entity_key action field old_value new_value",
    )
    costs = _Rows(
        Cost,
        "case_id kind amount_minor currency rate usd_cents paid_on note created_at created_by",
    )
    money = _Money(random.Random(seed * 7919 + 14), today=today, user=user, day=day)
    step_column = _table(WorkflowStep).c
    status_stored = {s: driver_value(session, step_column.status)(s) for s in StepStatus}
    age_gate = driver_value(session, step_column.blocked_by)(BlockedBy.AGE_GATE)
    step_keys = [
        (key, key.position, driver_value(session, step_column.key)(key)) for key in StepKey
    ]
    stages = [key.value for key, _, _ in step_keys] + ["complete"]
    todo = StepStatus.TODO
    done = StepStatus.DONE
    kinds = [_Kind.of(session, number, code, today) for number, code in enumerate(codes)]
    months: dict[tuple[int, int], _Built] = {}
    gates: dict[tuple[date | None, date], str | None] = {}
    write_vehicle = vehicles.rows.append
    write_case = case_table.rows.append
    write_step = steps.rows.append
    write_history = history.rows.append
    for i in range(cases):
        case_id = case_ids[i]
        vehicle_id = vehicle_ids[i]
        kind = kinds[below(len(kinds))]
        stage_index = pick_stage(chance())
        young = stage_index <= 1 and chance() < 0.4
        # The build month: a truck that will come of age soon was built within the last 25
        # years, the others in the model's years and 25 years ago or more.
        year = kind.young_year if young else kind.first + below(kind.old_span)
        month = 1 + below(12)
        if year == kind.first_year and kind.first_month:
            month = max(month, kind.first_month)
        if year == kind.last_year and kind.last_month:
            month = min(month, kind.last_month)
        built = months.get((year, month))
        if built is None:
            built = months[year, month] = _Built.of(session, PartialDate(year, month), today)
        while True:
            serial = 100_000 + below(9_900_000)
            packed = kind.number * 10_000_000 + serial
            if packed in taken:
                continue
            chassis = f"{kind.code}-{serial}"
            if chassis not in existing:
                taken.add(packed)
                break
        customer = below(customer_count)
        customer_name, customer_state = customer_names[customer], customer_states[customer]
        eta: date | None = None
        etd: date | None = None
        release: date | None = None
        if stage_index >= 3:
            etd = today - timedelta(days=below(131) - 10)
            eta = etd + timedelta(days=18 + below(18))
        if stage_index >= 5:
            release = (eta or today) + timedelta(days=2 + below(11))
        stage_since = now - timedelta(days=below(61), hours=below(24))
        notes = _NOTES[below(7)]
        colour = COLOURS[below(len(COLOURS))]
        height = _HEIGHTS[below(3)]
        odometer = 8_000 + below(87_001)
        purchase = 180_000 + 10_000 * below(72)
        write_vehicle(
            (
                vehicle_id,
                chassis,
                *kind.vehicle,
                *built.vehicle,
                kind.engine,
                kind.engine_cc,
                kind.drive,
                colour,
                3395,
                1475,
                height,
                odometer,
                kind.km,
                purchase,
                "JPY",
            )
        )
        vessel = VESSELS[below(len(VESSELS))] if eta else None
        bill_of_lading = f"NYKS{100_000_000 + below(900_000_000)}" if eta else None
        port_of_loading = PORTS_JP[below(len(PORTS_JP))] if eta else None
        port_of_entry = PORTS_US[below(len(PORTS_US))] if eta else None
        entry_number = f"ABC-{1_000_000 + below(9_000_000)}-{below(10)}" if release else None
        customs_value = 150_000 + 100 * below(4500)
        freight = 120_000 + 100 * below(1000)
        created_at = stage_since - timedelta(days=5 + below(86))
        created_stored = instant(created_at)
        sale_price, sale_date = money.add(
            costs.rows.append,
            case_id,
            stage_index=stage_index,
            created_at=created_at,
            created_stored=created_stored,
            etd=etd,
            release=release,
            purchase=purchase,
            freight=freight,
            customs_value=customs_value,
            body=kind.body,
            built=built.built,
        )
        eligible_on = built.eligibility.fmvss.eligible_on
        reference = eta or today
        gate = gates.get((eligible_on, reference), "")
        if gate == "":
            found = age_block_reason(eligible_on, reference)
            gate = gates[eligible_on, reference] = None if found is None else str(found)
        stage_stored = instant(stage_since)
        step_notes = []
        for key, position, key_stored in step_keys:
            note = ""
            blocked_by = None
            due = None
            if position < stage_index:
                status = done
                if key is StepKey.EMISSIONS and chance() < 0.2:
                    status = StepStatus.NOT_APPLICABLE
            elif position == stage_index:
                status = _CURRENT[below(3)]
                if chance() < 0.08:
                    status = StepStatus.BLOCKED
                    note = _BLOCKED_NOTES[below(3)]
                # Most current steps are due soon; about one in eight has slipped past its date.
                due = day(
                    today + timedelta(days=1 + below(30) if chance() > 0.12 else -1 - below(14))
                )
            else:
                status = todo
            if key is StepKey.AGE and gate is not None:
                status = StepStatus.BLOCKED
                blocked_by = age_gate
                note = gate
            step_notes.append(note)
            acted = status is not todo
            write_step(
                (case_id, key_stored, position, status_stored[status], blocked_by, note, due)
                + ((user, stage_stored) if acted else (None, None))
            )
        search_text = compose_search_text(
            chassis=chassis,
            model_code=kind.code,
            make=kind.make,
            model=kind.model,
            customer=customer_name,
            phone=customer_phones[customer],
            email=None,
            state=customer_state,
            notes=notes,
            step_notes=step_notes,
        )
        write_case(
            (
                case_id,
                f"00000000-demo-4000-8000-{case_id:012d}",
                vehicle_id,
                customer_ids[customer],
                customer_state,
                stages[stage_index],
                stage_stored,
                vessel,
                bill_of_lading,
                port_of_loading,
                port_of_entry,
                day(etd),
                day(eta),
                entry_number,
                day(release),
                customs_value,
                freight,
                None,
                notes,
                search_text,
                chassis.lower(),
                kind.sort_vehicle,
                kind.sort_model,
                built.sort_built,
                built.sort_eligible_on,
                sort_names[customer_name],
                customer_state,
                created_stored,
                stage_stored,
                sale_price,
                day(sale_date),
            )
        )
        write_history(
            (now_stored, user, case_id, "cases", str(case_id), "create", None, None, chassis)
        )
        if len(case_table.rows) >= BATCH_CASES:
            for table in (vehicles, case_table, steps, history, costs):
                table.write(session)
    for table in (vehicles, case_table, steps, history, costs):
        table.write(session)
    return DemoResult(cases=cases, customers=customer_count)


@dataclass(frozen=True, slots=True)
class _Kind:
    """A chassis code as the demo uses it, worked out once: the vehicle's fixed columns, its
    sort keys and the range of its build years."""

    number: int
    code: str
    make: str | None
    model: str | None
    body: BodyType
    vehicle: tuple[Any, ...]  # identifier_kind, model_code, make, model, body_type
    engine: str | None
    engine_cc: int
    drive: str | None
    km: Any
    sort_vehicle: str
    sort_model: str
    first: int
    old_span: int  # how many years an old truck's build year is drawn from
    young_year: int
    first_year: int | None
    first_month: int | None
    last_year: int | None
    last_month: int | None

    @classmethod
    def of(cls, session: Session, number: int, code: ChassisCode, today: date) -> _Kind:
        first = code.first_year or 1990
        # A generation whose end is not on file is taken to run about eight years, as kei
        # ones do.
        last = code.last_year or (today.year - 1 if code.in_production else first + 8)
        last = min(last, today.year - 1)
        body = BodyType.VAN if code.body == "van" else BodyType.TRUCK
        column = _table(Vehicle).c
        return cls(
            number=number,
            code=code.code,
            make=code.make,
            model=code.model,
            body=body,
            vehicle=(
                "frame",
                code.code,
                code.make,
                code.model,
                driver_value(session, column.body_type)(body.value),
            ),
            engine=code.engine,
            engine_cc=code.engine_cc or 656,
            drive=code.drive,
            km=driver_value(session, column.odometer_unit)("km"),
            sort_vehicle=" ".join(p for p in (code.make, code.model) if p).lower(),
            sort_model=(code.model or "").lower(),
            first=first,
            old_span=min(last, today.year - 26) - first + 1,
            young_year=min(max(first, today.year - 25), last),
            first_year=code.first_year,
            first_month=code.first_month,
            last_year=code.last_year,
            last_month=code.last_month,
        )


@dataclass(frozen=True, slots=True)
class _Built:
    """What a build month gives a truck, worked out once per month: its eligibility and the
    dates in their stored forms."""

    built: PartialDate
    eligibility: Eligibility
    vehicle: tuple[Any, ...]  # built, first_registered, basis, fmvss and EPA eligible on
    sort_built: str
    sort_eligible_on: str

    @classmethod
    def of(cls, session: Session, built: PartialDate, today: date) -> _Built:
        # Kei trucks are first inspected soon after they are built: here, the month after.
        month = built.month or 12
        first_registered = PartialDate(built.year + (month == 12), month % 12 + 1)
        result = assess_eligibility(built, first_registered, today)
        column = _table(Vehicle).c
        fmvss_on = result.fmvss.eligible_on
        return cls(
            built=built,
            eligibility=result,
            vehicle=(
                driver_value(session, column.built)(built),
                driver_value(session, column.first_registered)(first_registered),
                driver_value(session, column.eligibility_basis)(result.basis),
                driver_value(session, column.fmvss_eligible_on)(fmvss_on),
                driver_value(session, column.epa_eligible_on)(result.epa.eligible_on),
            ),
            sort_built=built.iso(),
            sort_eligible_on=fmvss_on.isoformat() if fmvss_on else "",
        )


class _Money:
    """Costs as far as the truck has come (the auction once bought, freight once shipped,
    duty and fees once released), and a sale price for trucks being handed over or done. They
    draw on their own generator, so the cases stay those of the seed."""

    def __init__(
        self, rng: random.Random, *, today: date, user: str, day: Callable[[Any], Any]
    ) -> None:
        self.below = draws(rng)
        self.chance = rng.random
        self.today = today
        self.user = user
        self.day = day
        self.rates: dict[int, tuple[Decimal, str]] = {}
        self.bought_on: dict[datetime, date] = {}

    def add(
        self,
        write: Callable[[tuple[Any, ...]], None],
        case_id: int,
        *,
        stage_index: int,
        created_at: datetime,
        created_stored: Any,
        etd: date | None,
        release: date | None,
        purchase: int,
        freight: int,
        customs_value: int,
        body: BodyType,
        built: PartialDate,
    ) -> tuple[int | None, date | None]:
        """Write the case's costs; its sale price and date (or None)."""
        if stage_index < 2:
            return None, None
        below = self.below
        today = self.today
        bought = self.bought_on.get(created_at)
        if bought is None:
            bought = self.bought_on[created_at] = clock.local_date(created_at)
        if etd is not None:  # bought at auction before it sailed
            bought = min(bought, etd - timedelta(days=14 + below(27)))
        hundredths = 14_000 + below(1900)
        rate = self.rates.get(hundredths)
        if rate is None:
            value = Decimal(hundredths) / 100
            rate = self.rates[hundredths] = (value, rate_text(value))

        def cost(kind: CostKind, amount: Money, paid_on: date) -> None:
            write(
                (
                    case_id,
                    kind.value,
                    amount.minor,
                    amount.currency,
                    rate[1] if amount.currency == "JPY" else None,
                    usd_cents(amount, rate[0]),
                    self.day(min(paid_on, today)),
                    "",
                    created_stored,
                    self.user,
                )
            )

        cost(CostKind.AUCTION_PRICE, Money(purchase, "JPY"), bought)
        cost(CostKind.AUCTION_FEES, Money(30_000 + 1_000 * below(50), "JPY"), bought)
        if stage_index >= 3 and etd is not None:
            cost(CostKind.INLAND_TRANSPORT, Money(15_000 + 500 * below(60), "JPY"), bought)
            cost(CostKind.OCEAN_FREIGHT, Money(freight, "USD"), etd)
        if stage_index >= 5 and release is not None:
            estimate = estimate_duty(
                body=body, customs_value_cents=customs_value, built=built, entry_date=release
            )
            cost(
                CostKind.DUTY,
                Money(estimate.duty_cents + estimate.section232_cents, "USD"),
                release,
            )
            cost(CostKind.MPF, Money(estimate.mpf_cents, "USD"), release)
            cost(CostKind.HMF, Money(estimate.hmf_cents, "USD"), release)
            cost(CostKind.CUSTOMS_BROKER, Money(25_000 + 500 * below(40), "USD"), release)
            if self.chance() < 0.3:
                cost(CostKind.PORT_STORAGE, Money(5_000 + 500 * below(70), "USD"), release)
        if stage_index >= 7:
            sold = today - timedelta(days=below(331))
            return 650_000 + 5_000 * below(100), sold
        return None, None
