"""Realistic sample data: the demo database and the data behind the benchmarks.

Cases are spread over every stage consistently with the gates (a truck past customs is
25 years old, a too-young truck sits blocked at the age check), across many states, with real
model codes built within their production years.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.costs import CostKind, rate_text, usd_cents
from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType, estimate_duty
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.money import Money
from keidesk.domain.workflow import BlockedBy, StepKey, StepStatus, age_block_reason
from keidesk.storage.bulk import insert_rows, reserve_ids, search_index_deferred
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


def _build_date(rng: random.Random, code: ChassisCode, today: date, young: bool) -> PartialDate:
    first = code.first_year or 1990
    # A generation whose end is not on file is taken to run about eight years, as kei ones do.
    last = code.last_year or (today.year - 1 if code.in_production else first + 8)
    last = min(last, today.year - 1)
    if young:
        # A truck that will come of age soon: built within the last 25 years.
        year = min(max(first, today.year - 25), last)
    else:
        year = rng.randint(first, min(last, today.year - 26))
    month = rng.randint(1, 12)
    if year == code.first_year and code.first_month:
        month = max(month, code.first_month)
    if year == code.last_year and code.last_month:
        month = min(month, code.last_month)
    return PartialDate(year, month)


def _month_after(built: PartialDate) -> PartialDate:
    """Kei trucks are first inspected soon after they are built: here, the month after."""
    month = built.month or 12
    return PartialDate(built.year + (month == 12), month % 12 + 1)


def _names(rng: random.Random) -> Iterator[str]:
    while True:
        if rng.random() < 0.15:
            yield f"{rng.choice(LAST_NAMES)} {rng.choice(FARM_WORDS)}"
        else:
            yield f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


#: Cases generated and written at a time: the memory a demo holds does not grow with its size.
BATCH_CASES = 5_000


def _table(mapped: type[Any]) -> Table:
    return cast(Table, mapped.__table__)


def _insert(session: Session, mapped: type[Any], rows: list[dict[str, Any]]) -> None:
    insert_rows(session, _table(mapped), rows)
    rows.clear()


def build_demo(
    session: Session, *, cases: int, today: date, user: str = "demo", seed: int = 2026
) -> DemoResult:
    """Add ``cases`` realistic cases in bulk, written in batches of :data:`BATCH_CASES` so
    memory stays bounded (1,000,000 cases in a few hundred megabytes)."""
    with search_index_deferred(session):
        return _build(session, cases=cases, today=today, user=user, seed=seed)


def _build(session: Session, *, cases: int, today: date, user: str, seed: int) -> DemoResult:
    rng = random.Random(seed)
    codes = [
        c
        for c in session.scalars(select(ChassisCode).order_by(ChassisCode.code))
        if c.first_year is not None and c.first_year <= today.year - 26
    ]
    eligible_states = list(session.scalars(select(StateRule.code)))
    states = [s for s in STATE_WEIGHTS if s in eligible_states]
    weights = [STATE_WEIGHTS[s] for s in states]
    now = clock.now()

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
    # each kept once), the phone and the state.
    customer_names: list[str] = []
    customer_states: list[str] = []
    customer_phones: list[str] = []
    distinct: dict[str, str] = {}
    customer_rows: list[dict[str, Any]] = []
    names = _names(rng)
    for i in range(customer_count):
        state = rng.choices(states, weights)[0]
        name = next(names)
        name = distinct.setdefault(name, name)
        customer_names.append(name)
        customer_states.append(state)
        phone = f"({rng.randint(201, 989)}) 555-{rng.randint(0, 9999):04d}"
        customer_phones.append(phone)
        customer_rows.append(
            {
                "id": customer_ids[i],
                "name": name,
                "phone": phone,
                "email": None,
                "address": f"{rng.randint(10, 9999)} County Road {rng.randint(1, 400)}",
                "state_code": state,
                "created_at": now,
            }
        )
        if len(customer_rows) >= BATCH_CASES:
            _insert(session, Customer, customer_rows)
    _insert(session, Customer, customer_rows)

    vehicle_rows: list[dict[str, Any]] = []
    case_rows: list[dict[str, Any]] = []
    step_rows: list[dict[str, Any]] = []
    history_rows: list[dict[str, Any]] = []
    cost_rows: list[dict[str, Any]] = []
    # Costs and sales draw on their own generator, so the cases stay those of the seed.
    money_rng = random.Random(seed * 7919 + 14)
    step_keys = list(StepKey)
    code_index = {code.code: number for number, code in enumerate(codes)}
    positions = [(key, key.position) for key in step_keys]
    for i in range(cases):
        case_id = case_ids[i]
        vehicle_id = vehicle_ids[i]
        code = rng.choice(codes)
        stage_index = rng.choices(range(9), STAGE_WEIGHTS)[0]
        young = stage_index <= 1 and rng.random() < 0.4
        built = _build_date(rng, code, today, young)
        first_registered = _month_after(built)
        while True:
            serial = rng.randint(100000, 9999999)
            chassis = f"{code.code}-{serial}"
            packed = code_index[code.code] * 10_000_000 + serial
            if packed not in taken and chassis not in existing:
                taken.add(packed)
                break
        result = assess_eligibility(built, first_registered, today)
        customer = rng.randrange(customer_count)
        customer_name, customer_state = customer_names[customer], customer_states[customer]
        eta: date | None = None
        etd: date | None = None
        release: date | None = None
        if stage_index >= 3:
            etd = today - timedelta(days=rng.randint(-10, 120))
            eta = etd + timedelta(days=rng.randint(18, 35))
        if stage_index >= 5:
            release = (eta or today) + timedelta(days=rng.randint(2, 12))
        stage = step_keys[stage_index].value if stage_index < 8 else "complete"
        stage_since = now - timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
        make, model = code.make, code.model
        notes = rng.choice(
            (
                "",
                "",
                "",
                "Customer wants dump bed.",
                "Paid deposit.",
                "Rust on rear frame noted at auction.",
                "Needs new tires.",
            )
        )
        vehicle_rows.append(
            {
                "id": vehicle_id,
                "chassis_number": chassis,
                "identifier_kind": "frame",
                "model_code": code.code,
                "make": make,
                "model": model,
                "body_type": "van" if code.body == "van" else "truck",
                "built": built,
                "first_registered": first_registered,
                "eligibility_basis": result.basis,
                "fmvss_eligible_on": result.fmvss.eligible_on,
                "epa_eligible_on": result.epa.eligible_on,
                "engine": code.engine,
                "engine_cc": code.engine_cc or 656,
                "drive": code.drive,
                "colour": rng.choice(COLOURS),
                "length_mm": 3395,
                "width_mm": 1475,
                "height_mm": rng.choice((1765, 1780, 1890)),
                "odometer_value": rng.randint(8_000, 95_000),
                "odometer_unit": "km",
                "purchase_price_minor": rng.randrange(180_000, 900_000, 10_000),
                "purchase_currency": "JPY",
            }
        )
        case_rows.append(
            {
                "id": case_id,
                "uid": f"00000000-demo-4000-8000-{case_id:012d}",
                "vehicle_id": vehicle_id,
                "customer_id": customer_ids[customer],
                "destination_state": customer_state,
                "stage": stage,
                "stage_since": stage_since,
                "vessel": rng.choice(VESSELS) if eta else None,
                "bill_of_lading": f"NYKS{rng.randint(10**8, 10**9 - 1)}" if eta else None,
                "port_of_loading": rng.choice(PORTS_JP) if eta else None,
                "port_of_entry": rng.choice(PORTS_US) if eta else None,
                "etd": etd,
                "eta": eta,
                "entry_number": f"ABC-{rng.randint(10**6, 10**7 - 1)}-{rng.randint(0, 9)}"
                if release
                else None,
                "release_date": release,
                "customs_value_cents": rng.randrange(150_000, 600_000, 100),
                "freight_cents": rng.randrange(120_000, 220_000, 100),
                "duty_paid_cents": None,
                "notes": notes,
                "search_text": "",  # below, with the steps' notes
                "sort_chassis": chassis.lower(),
                "sort_vehicle": " ".join(p for p in (make, model) if p).lower(),
                "sort_model": (model or "").lower(),
                "sort_built": built.iso(),
                "sort_eligible_on": result.fmvss.eligible_on.isoformat()
                if result.fmvss.eligible_on
                else "",
                "sort_customer": customer_name.lower(),
                "sort_state": customer_state,
                "created_at": stage_since - timedelta(days=rng.randint(5, 90)),
                "updated_at": stage_since,
            }
        )
        _demo_money(
            money_rng,
            case_rows[-1],
            vehicle_rows[-1],
            stage_index=stage_index,
            today=today,
            user=user,
            costs=cost_rows,
        )
        for key, position in positions:
            note = ""
            blocked_by: BlockedBy | None = None
            due: date | None = None
            if position < stage_index:
                status = StepStatus.DONE
                if key is StepKey.EMISSIONS and rng.random() < 0.2:
                    status = StepStatus.NOT_APPLICABLE
            elif position == stage_index:
                status = rng.choice(
                    (StepStatus.TODO, StepStatus.IN_PROGRESS, StepStatus.IN_PROGRESS)
                )
                if rng.random() < 0.08:
                    status = StepStatus.BLOCKED
                    note = rng.choice(
                        (
                            "Waiting on export certificate from auction house.",
                            "Ownership retention not yet released by credit company.",
                            "Broker needs corrected invoice.",
                        )
                    )
                # Most current steps are due soon; about one in eight has slipped past its date.
                due = today + timedelta(
                    days=rng.randint(1, 30) if rng.random() > 0.12 else -rng.randint(1, 14)
                )
            else:
                status = StepStatus.TODO
            gate = age_block_reason(result.fmvss.eligible_on, eta or today)
            if key is StepKey.AGE and gate is not None:
                status = StepStatus.BLOCKED
                blocked_by = BlockedBy.AGE_GATE
                note = str(gate)
            step_rows.append(
                {
                    "case_id": case_id,
                    "key": key,
                    "position": position,
                    "status": status,
                    "blocked_by": blocked_by,
                    "note": note,
                    "due_on": due,
                    "updated_by": user if status is not StepStatus.TODO else None,
                    "updated_at": stage_since if status is not StepStatus.TODO else None,
                }
            )
        case_rows[-1]["search_text"] = compose_search_text(
            chassis=chassis,
            model_code=code.code,
            make=make,
            model=model,
            customer=customer_name,
            phone=customer_phones[customer],
            email=None,
            state=customer_state,
            notes=notes,
            step_notes=[row["note"] for row in step_rows[-len(positions) :]],
        )
        history_rows.append(
            {
                "at": now,
                "by": user,
                "case_id": case_id,
                "entity": "cases",
                "entity_key": str(case_id),
                "action": "create",
                "field": None,
                "old_value": None,
                "new_value": chassis,
            }
        )
        if len(case_rows) >= BATCH_CASES:
            _write_batch(session, vehicle_rows, case_rows, step_rows, history_rows, cost_rows)
    _write_batch(session, vehicle_rows, case_rows, step_rows, history_rows, cost_rows)
    return DemoResult(cases=cases, customers=customer_count)


def _demo_money(
    rng: random.Random,
    case: dict[str, Any],
    vehicle: dict[str, Any],
    *,
    stage_index: int,
    today: date,
    user: str,
    costs: list[dict[str, Any]],
) -> None:
    """Costs as far as the truck has come (the auction once bought, freight once shipped,
    duty and fees once released), and a sale price for trucks being handed over or done."""
    case["sale_price_cents"] = None
    case["sale_date"] = None
    if stage_index < 2:
        return
    bought = clock.local_date(case["created_at"])
    if case["etd"] is not None:  # bought at auction before it sailed
        bought = min(bought, case["etd"] - timedelta(days=rng.randint(14, 40)))
    rate = Decimal(rng.randrange(14_000, 15_900)) / 100

    def cost(kind: CostKind, amount: Money, paid_on: date, note: str = "") -> None:
        costs.append(
            {
                "case_id": case["id"],
                "kind": kind.value,
                "amount_minor": amount.minor,
                "currency": amount.currency,
                "rate": rate_text(rate) if amount.currency == "JPY" else None,
                "usd_cents": usd_cents(amount, rate),
                "paid_on": min(paid_on, today),
                "note": note,
                "created_at": case["created_at"],
                "created_by": user,
            }
        )

    cost(CostKind.AUCTION_PRICE, Money(vehicle["purchase_price_minor"], "JPY"), bought)
    cost(CostKind.AUCTION_FEES, Money(rng.randrange(30_000, 80_000, 1_000), "JPY"), bought)
    if stage_index >= 3 and case["etd"] is not None:
        cost(CostKind.INLAND_TRANSPORT, Money(rng.randrange(15_000, 45_000, 500), "JPY"), bought)
        cost(CostKind.OCEAN_FREIGHT, Money(case["freight_cents"], "USD"), case["etd"])
    release = case["release_date"]
    if stage_index >= 5 and release is not None:
        estimate = estimate_duty(
            body=BodyType(vehicle["body_type"]),
            customs_value_cents=case["customs_value_cents"],
            built=vehicle["built"],
            entry_date=release,
        )
        cost(CostKind.DUTY, Money(estimate.duty_cents + estimate.section232_cents, "USD"), release)
        cost(CostKind.MPF, Money(estimate.mpf_cents, "USD"), release)
        cost(CostKind.HMF, Money(estimate.hmf_cents, "USD"), release)
        cost(CostKind.CUSTOMS_BROKER, Money(rng.randrange(25_000, 45_000, 500), "USD"), release)
        if rng.random() < 0.3:
            cost(CostKind.PORT_STORAGE, Money(rng.randrange(5_000, 40_000, 500), "USD"), release)
    if stage_index >= 7:
        sold = today - timedelta(days=rng.randint(0, 330))
        case["sale_price_cents"] = rng.randrange(650_000, 1_150_000, 5_000)
        case["sale_date"] = sold


def _write_batch(session: Session, *batches: list[dict[str, Any]]) -> None:
    """Write a batch of vehicles, cases, steps, history and costs (in that order) and empty
    them."""
    for rows, mapped in zip(
        batches, (Vehicle, Case, WorkflowStep, HistoryEntry, Cost), strict=True
    ):
        _insert(session, mapped, rows)
