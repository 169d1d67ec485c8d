"""The data of each report, asked of the database: counts and sums in SQL, long lists streamed a
keyset page at a time (never every ORM object at once)."""

from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.costs import DUTY_AND_FEES, CostKind, margin_percent
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import Message, msg
from keidesk.domain.workflow import STAGE_COMPLETE, STAGES
from keidesk.reports.model import BarChart, Column, Period, Report, ReportKind, Table
from keidesk.services import cases
from keidesk.services.dashboard import days_in_stage, next_action, stage_title
from keidesk.services.views import CaseSummary
from keidesk.storage.models import Case, Cost, Customer, Vehicle, case_number

#: Rows read per query when a list is streamed.
PAGE = 5_000


# --- the case list ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class CaseColumn:
    """A column of the case list as the app shows it (the same keys as its table)."""

    column: Column
    value: Callable[[CaseSummary, date], Any]


@functools.cache
def _stage_shown(stage: str, blocked: bool) -> str:
    """A stage as the list shows it (asked once per stage, not once per row)."""
    return stage_title(stage) + (" (blocked)" if blocked else "")


CASE_COLUMNS: dict[str, CaseColumn] = {
    "number": CaseColumn(Column("Case", "text", 0.8), lambda s, _t: s.number),
    "chassis": CaseColumn(Column("Chassis number", "text", 1.2), lambda s, _t: s.chassis),
    "vehicle": CaseColumn(
        Column("Make / model", "text", 1.6),
        lambda s, _t: " ".join(p for p in (s.make, s.model) if p),
    ),
    "built": CaseColumn(
        Column("Built", "text", 0.7), lambda s, _t: s.built.iso() if s.built else ""
    ),
    "fmvss": CaseColumn(Column("FMVSS eligible", "date", 0.9), lambda s, _t: s.fmvss_eligible_on),
    "customer": CaseColumn(Column("Customer", "text", 1.4), lambda s, _t: s.customer or ""),
    "state": CaseColumn(Column("State", "text", 0.45), lambda s, _t: s.state or ""),
    "stage": CaseColumn(
        Column("Stage", "text", 1.15), lambda s, _t: _stage_shown(s.stage, s.blocked)
    ),
    "next": CaseColumn(Column("Next action", "text", 1.6), lambda s, _t: next_action(s)),
    "days": CaseColumn(Column("Days in stage", "int", 0.75), days_in_stage),
}


@dataclasses.dataclass(frozen=True, slots=True)
class CaseListShown:
    """The case list as a person sees it: its filter (and how to say it), its sort, and its
    visible columns in their order (keys of :data:`CASE_COLUMNS`; None: all)."""

    case_filter: cases.CaseFilter = dataclasses.field(default_factory=cases.CaseFilter)
    order_by: str = "number"
    descending: bool = False
    columns: tuple[str, ...] | None = None
    description: str = "all cases"


def _stage_chart(per_stage: dict[str, int], title: str) -> BarChart:
    return BarChart(
        title,
        tuple(stage_title(stage) for stage in STAGES),
        tuple(per_stage.get(stage, 0) for stage in STAGES),
    )


def cases_report(session: Session, shown: CaseListShown, *, today: date) -> Report:
    """The case list as shown: its filter, its visible columns in their order, its sort."""
    case_filter, order_by, descending = shown.case_filter, shown.order_by, shown.descending
    keys = list(shown.columns) if shown.columns else list(CASE_COLUMNS)
    unknown = [key for key in keys if key not in CASE_COLUMNS]
    if unknown:
        raise InvalidInput(
            f"The case list has no column {unknown[0]!r}; columns: {', '.join(CASE_COLUMNS)}."
        )
    chosen = [CASE_COLUMNS[key] for key in keys]
    count = cases.count_cases(session, case_filter, today=today)
    per_stage = {
        stage: cases.count_cases(
            session, dataclasses.replace(case_filter, stage=stage), today=today
        )
        for stage in STAGES
        if case_filter.stage in (None, stage)
    }

    def rows() -> Iterator[list[Any]]:
        for summary in cases.iter_cases(
            session,
            case_filter,
            today=today,
            order_by=order_by,
            descending=descending,
            batch=PAGE,
        ):
            yield [column.value(summary, today) for column in chosen]

    order = order_by.replace("_", " ") + (", descending" if descending else "")
    return Report(
        ReportKind.CASES,
        ReportKind.CASES.label,
        f"{shown.description}; sorted by {order}; {count:,} cases; as of {today.isoformat()}",
        charts=(_stage_chart(per_stage, "Cases per stage"),),
        tables=(Table("Cases", tuple(c.column for c in chosen), rows, count),),
    )


# --- stock aging ------------------------------------------------------------------------------

#: Days-in-stage brackets: (first day, last day or None, title).
AGE_BRACKETS: tuple[tuple[int, int | None, str], ...] = (
    (0, 7, "0–7 days"),
    (8, 30, "8–30"),
    (31, 60, "31–60"),
    (61, 90, "61–90"),
    (91, None, "over 90"),
)
#: The cases longest in their stage listed by name in the aging report.
OLDEST = 25


def _days(stage_since: datetime, today: date) -> int:
    return max(0, (today - clock.local_date(stage_since)).days)


def aging_report(session: Session, *, today: date) -> Report:
    """How long the open trucks have sat in their stage: per stage, the count, average and
    longest, and how many in each bracket of days; then the trucks waiting longest."""
    open_stages = [stage for stage in STAGES if stage != STAGE_COMPLETE]
    counts: dict[str, list[int]] = {stage: [0] * len(AGE_BRACKETS) for stage in open_stages}
    total_days: dict[str, int] = defaultdict(int)
    longest: dict[str, int] = defaultdict(int)
    query = select(Case.stage, Case.stage_since).where(Case.stage != STAGE_COMPLETE)
    # Streamed as plain tuples: the days are local dates, which SQL cannot portably tell.
    for stage, since in session.connection().execute(query.execution_options(yield_per=PAGE)):
        if stage not in counts:
            continue
        days = _days(since, today)
        total_days[stage] += days
        longest[stage] = max(longest[stage], days)
        for index, (first, last, _title) in enumerate(AGE_BRACKETS):
            if days >= first and (last is None or days <= last):
                counts[stage][index] += 1
                break
    summary_rows: list[list[Any]] = []
    for stage in open_stages:
        number = sum(counts[stage])
        average = round(total_days[stage] / number) if number else None
        summary_rows.append(
            [stage_title(stage), number, average, longest[stage] if number else None]
            + counts[stage]
        )
    all_counts = [sum(counts[s][i] for s in open_stages) for i in range(len(AGE_BRACKETS))]
    all_number = sum(all_counts)
    totals = [
        "All open",
        all_number,
        round(sum(total_days.values()) / all_number) if all_number else None,
        max(longest.values(), default=0) if all_number else None,
        *all_counts,
    ]
    oldest = list(
        session.connection().execute(
            select(Case.id, Vehicle.chassis_number, Customer.name, Case.stage, Case.stage_since)
            .join(Vehicle, Vehicle.id == Case.vehicle_id)
            .outerjoin(Customer, Customer.id == Case.customer_id)
            .where(Case.stage != STAGE_COMPLETE)
            .order_by(Case.stage_since, Case.id)
            .limit(OLDEST)
        )
    )
    oldest_rows = [
        [case_number(row[0]), row[1], row[2] or "", stage_title(row[3]), _days(row[4], today)]
        for row in oldest
    ]
    return Report(
        ReportKind.AGING,
        ReportKind.AGING.label,
        f"Open trucks by days in their current stage; {all_number:,} open; "
        f"as of {today.isoformat()}",
        notes=("Days in stage count from the day the truck entered its current stage.",),
        charts=(
            BarChart(
                "Open trucks by days in stage",
                tuple(title for _first, _last, title in AGE_BRACKETS),
                tuple(all_counts),
            ),
        ),
        tables=(
            Table(
                "Days in stage, per stage",
                (
                    Column("Stage", "text", 1.4),
                    Column("Trucks", "int", 0.7),
                    Column("Average days", "int", 0.8),
                    Column("Longest", "int", 0.7),
                    *(Column(title, "int", 0.7) for _f, _l, title in AGE_BRACKETS),
                ),
                lambda: summary_rows,
                len(summary_rows),
                totals,
            ),
            Table(
                f"The {OLDEST} trucks longest in their stage",
                (
                    Column("Case", "text", 0.8),
                    Column("Chassis number", "text", 1.2),
                    Column("Customer", "text", 1.5),
                    Column("Stage", "text", 1.0),
                    Column("Days in stage", "int", 0.7),
                ),
                lambda: oldest_rows,
                len(oldest_rows),
            ),
        ),
    )


# --- trucks by state and stage ----------------------------------------------------------------

#: Weeks of arrivals (ETA) charted from today.
ARRIVAL_WEEKS = 8


def arrivals_by_week(session: Session, *, today: date, weeks: int = ARRIVAL_WEEKS) -> BarChart:
    """Trucks arriving (ETA) in each of the coming weeks, the first starting today."""
    last = today + timedelta(days=7 * weeks - 1)
    per_day = session.execute(
        select(Case.eta, func.count()).where(Case.eta >= today, Case.eta <= last).group_by(Case.eta)
    )
    counts = [0] * weeks
    for eta, number in per_day:
        if eta is not None:
            counts[(eta - today).days // 7] += int(number)
    labels = tuple(_day_label(today + timedelta(days=7 * week)) for week in range(weeks))
    return BarChart(
        msg("Arrivals (ETA) in the next {weeks} weeks, by week", weeks=weeks), labels, tuple(counts)
    )


def stage_counts_chart(session: Session) -> BarChart:
    return _stage_chart(cases.stage_counts(session), msg("Cases per stage"))


def states_report(session: Session, *, today: date) -> Report:
    """Trucks per destination state and stage (a cross table), with the stage totals and the
    arrivals of the coming weeks."""
    grid: dict[str, dict[str, int]] = defaultdict(dict)
    for state, stage, number in session.execute(
        select(Case.destination_state, Case.stage, func.count()).group_by(
            Case.destination_state, Case.stage
        )
    ):
        grid[state or "—"][stage] = int(number)
    rows = [
        [state, *(per.get(stage, 0) for stage in STAGES), sum(per.values())]
        for state, per in sorted(grid.items(), key=lambda item: (item[0] == "—", item[0]))
    ]
    stage_totals = [sum(per.get(stage, 0) for per in grid.values()) for stage in STAGES]
    totals = ["All states", *stage_totals, sum(stage_totals)]
    return Report(
        ReportKind.STATES,
        ReportKind.STATES.label,
        f"{sum(stage_totals):,} trucks in {len(rows)} destinations; as of {today.isoformat()}",
        notes=("— : no destination state recorded yet.",) if "—" in grid else (),
        charts=(
            _stage_chart(dict(zip(STAGES, stage_totals, strict=True)), "Cases per stage"),
            arrivals_by_week(session, today=today),
        ),
        tables=(
            Table(
                "Trucks by destination state and stage",
                (
                    Column("State", "text", 0.9),
                    *(Column(stage_title(stage), "int", 0.8) for stage in STAGES),
                    Column("Total", "int", 0.7),
                ),
                lambda: rows,
                len(rows),
                totals,
            ),
        ),
    )


# --- duty and fees by month -------------------------------------------------------------------


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _in_period(column: Any, period: Period) -> list[Any]:
    conditions = []
    if period.start is not None:
        conditions.append(column >= period.start)
    if period.end is not None:
        conditions.append(column <= period.end)
    return conditions


def duty_report(session: Session, *, period: Period, today: date) -> Report:
    """Duty and fees paid (the ledger's duty, MPF, HMF, broker and port costs, in US dollars)
    per month of the day paid."""
    kinds = [kind.value for kind in DUTY_AND_FEES]
    months: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    query = (
        select(Cost.paid_on, Cost.kind, func.sum(Cost.usd_cents))
        .where(Cost.kind.in_(kinds), *_in_period(Cost.paid_on, period))
        .group_by(Cost.paid_on, Cost.kind)
    )
    for paid_on, kind, cents in session.execute(query):
        months[_month(paid_on)][kind] += int(cents)
    # The trucks with any of these costs, per month.
    pairs = {
        (_month(paid_on), case_id)
        for paid_on, case_id in session.execute(
            select(Cost.paid_on, Cost.case_id)
            .where(Cost.kind.in_(kinds), *_in_period(Cost.paid_on, period))
            .distinct()
        )
    }
    per_month_trucks: dict[str, int] = defaultdict(int)
    for month, _case_id in pairs:
        per_month_trucks[month] += 1
    ordered = sorted(months)
    rows = [
        [
            month,
            per_month_trucks[month],
            *(months[month][kind] for kind in kinds),
            sum(months[month].values()),
        ]
        for month in ordered
    ]
    totals = [
        "Total",
        len({case_id for _month_key, case_id in pairs}),
        *(sum(months[m][kind] for m in ordered) for kind in kinds),
        sum(sum(months[m].values()) for m in ordered),
    ]
    return Report(
        ReportKind.DUTY,
        ReportKind.DUTY.label,
        f"Costs paid {period.text}, in US dollars; as of {today.isoformat()}",
        notes=(
            "From the cost ledger, by the day each cost was paid. Yen costs count at the rate "
            "recorded with them, rounded half up to the cent.",
        ),
        charts=(
            BarChart(
                "Duty and fees by month",
                tuple(ordered),
                tuple(sum(months[month].values()) for month in ordered),
                "usd",
            ),
        ),
        tables=(
            Table(
                "Duty and fees by month",
                (
                    Column("Month", "text", 0.8),
                    Column("Trucks", "int", 0.6),
                    *(Column(CostKind(kind).label, "usd", 1.0) for kind in kinds),
                    Column("Total", "usd", 1.0),
                ),
                lambda: rows,
                len(rows),
                totals,
            ),
        ),
    )


# --- margin by truck and by month -------------------------------------------------------------


def _landed_per_case() -> Any:
    return (
        select(Cost.case_id, func.sum(Cost.usd_cents).label("landed"), func.count().label("n"))
        .group_by(Cost.case_id)
        .subquery("landed")
    )


def _sold(period: Period) -> list[Any]:
    return [Case.sale_price_cents.is_not(None), *_in_period(Case.sale_date, period)]


def margin_report(session: Session, *, period: Period, today: date) -> Report:
    """Sale price, landed cost and margin of each truck sold in the period, and per month of
    sale. A sold truck without costs recorded shows a landed cost of $0 (and is counted)."""
    landed = _landed_per_case()
    sold = _sold(period)
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for sale_date, number, sales, cost in session.execute(
        select(
            Case.sale_date,
            func.count(),
            func.sum(Case.sale_price_cents),
            func.coalesce(func.sum(landed.c.landed), 0),
        )
        .outerjoin(landed, landed.c.case_id == Case.id)
        .where(*sold)
        .group_by(Case.sale_date)
    ):
        month = _month(sale_date) if sale_date is not None else "no sale date"
        totals_of = months[month]
        totals_of[0] += int(number)
        totals_of[1] += int(sales or 0)
        totals_of[2] += int(cost or 0)
    ordered = sorted(months, key=lambda m: (m == "no sale date", m))
    month_rows = [
        [
            month,
            months[month][0],
            months[month][1],
            months[month][2],
            months[month][1] - months[month][2],
            margin_percent(months[month][1], months[month][1] - months[month][2]),
        ]
        for month in ordered
    ]
    count = sum(m[0] for m in months.values())
    sales_total = sum(m[1] for m in months.values())
    cost_total = sum(m[2] for m in months.values())
    totals = [
        "Total",
        count,
        sales_total,
        cost_total,
        sales_total - cost_total,
        margin_percent(sales_total, sales_total - cost_total),
    ]

    def truck_rows() -> Iterator[list[Any]]:
        after: tuple[Any, int] | None = None
        key = func.coalesce(Case.sale_date, date.max)
        # Per row, from the case's costs (an index seek): not every case's costs per page.
        truck_cost = (
            select(func.coalesce(func.sum(Cost.usd_cents), 0))
            .where(Cost.case_id == Case.id)
            .scalar_subquery()
        )
        truck_count = select(func.count()).where(Cost.case_id == Case.id).scalar_subquery()
        while True:
            query = (
                select(
                    Case.id,
                    Vehicle.chassis_number,
                    Vehicle.make,
                    Vehicle.model,
                    Customer.name,
                    Case.sale_date,
                    Case.sale_price_cents,
                    truck_cost,
                    truck_count,
                    key,
                )
                .join(Vehicle, Vehicle.id == Case.vehicle_id)
                .outerjoin(Customer, Customer.id == Case.customer_id)
                .where(*sold)
                .order_by(key, Case.id)
                .limit(PAGE)
            )
            if after is not None:
                query = query.where((key > after[0]) | ((key == after[0]) & (Case.id > after[1])))
            page = list(session.connection().execute(query))
            for row in page:
                margin = int(row[6]) - int(row[7])
                yield [
                    case_number(row[0]),
                    row[1],
                    " ".join(p for p in (row[2], row[3]) if p),
                    row[4] or "",
                    row[5],
                    int(row[6]),
                    int(row[7]),
                    int(row[8]),
                    margin,
                    margin_percent(int(row[6]), margin),
                ]
            if len(page) < PAGE:
                return
            after = (page[-1][9], page[-1][0])

    return Report(
        ReportKind.MARGIN,
        ReportKind.MARGIN.label,
        f"Trucks sold {period.text} (by sale date); {count:,} trucks; in US dollars; "
        f"as of {today.isoformat()}",
        notes=(
            "Landed cost is the sum of a truck's recorded costs; yen costs count at the rate "
            "recorded with each, rounded half up to the cent. Margin = sale price - landed "
            "cost; margin % is of the sale price, to one decimal (half up).",
        ),
        charts=(
            BarChart(
                "Margin by month",
                tuple(ordered),
                tuple(months[month][1] - months[month][2] for month in ordered),
                "usd",
            ),
        ),
        tables=(
            Table(
                "Margin by month",
                (
                    Column("Month", "text", 1.0),
                    Column("Trucks", "int", 0.6),
                    Column("Sales", "usd", 1.0),
                    Column("Landed cost", "usd", 1.0),
                    Column("Margin", "usd", 1.0),
                    Column("Margin %", "percent", 0.6),
                ),
                lambda: month_rows,
                len(month_rows),
                totals,
            ),
            Table(
                "Margin by truck",
                (
                    Column("Case", "text", 0.8),
                    Column("Chassis number", "text", 1.1),
                    Column("Make / model", "text", 1.4),
                    Column("Customer", "text", 1.3),
                    Column("Sold", "date", 0.8),
                    Column("Sale price", "usd", 0.9),
                    Column("Landed cost", "usd", 0.9),
                    Column("Costs", "int", 0.5),
                    Column("Margin", "usd", 0.9),
                    Column("Margin %", "percent", 0.6),
                ),
                truck_rows,
                count,
                ["Total", "", "", "", "", sales_total, cost_total, "", *totals[4:]],
            ),
        ),
    )


#: Months of margin the dashboard charts.
DASHBOARD_MONTHS = 12

#: The months as the charts label them (Messages: the app shows them in its language).
MONTH_ABBREVIATIONS = (
    msg("Jan"),
    msg("Feb"),
    msg("Mar"),
    msg("Apr"),
    msg("May"),
    msg("Jun"),
    msg("Jul"),
    msg("Aug"),
    msg("Sep"),
    msg("Oct"),
    msg("Nov"),
    msg("Dec"),
)


def _day_label(day: date) -> Message:
    """A chart's label for a day: "Dec 7"."""
    return msg("{month} {day}", month=MONTH_ABBREVIATIONS[day.month - 1], day=day.day)


def dashboard_charts(session: Session, *, today: date) -> tuple[BarChart, ...]:
    """The dashboard's charts: cases per stage, arrivals in the coming weeks, and the margin
    of the last twelve months of sales (the months without sales as zero)."""
    first = date(today.year, today.month, 1)
    for _ in range(DASHBOARD_MONTHS - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    margin = margin_report(session, period=Period(first, today), today=today).charts[0]
    values = dict(zip(margin.labels, margin.values, strict=True))
    months: list[date] = []
    day = first
    while day <= today:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return (
        stage_counts_chart(session),
        arrivals_by_week(session, today=today),
        BarChart(
            msg("Margin by month (last {months})", months=DASHBOARD_MONTHS),
            tuple(MONTH_ABBREVIATIONS[month.month - 1] for month in months),
            tuple(values.get(_month(month), 0) for month in months),
            "usd",
        ),
    )


def build_report(
    session: Session,
    kind: ReportKind,
    *,
    today: date,
    period: Period | None = None,
    shown: CaseListShown | None = None,
) -> Report:
    """One report's data. A period applies to the duty and margin reports only; ``shown``
    (the case list as shown) to the cases report only."""
    period = period or Period()
    if kind is ReportKind.CASES:
        return cases_report(session, shown or CaseListShown(), today=today)
    if kind is ReportKind.AGING:
        return aging_report(session, today=today)
    if kind is ReportKind.STATES:
        return states_report(session, today=today)
    if kind is ReportKind.DUTY:
        return duty_report(session, period=period, today=today)
    return margin_report(session, period=period, today=today)
