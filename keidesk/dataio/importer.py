"""Importing cases from a spreadsheet: check every cell, then import all rows or none (or the
good rows, with the rest saved to fix).

:func:`check_import` reads every row through the same rules as a case typed by hand (chassis
numbers through ``decode_chassis``, dates through ``parse_date`` with Japanese eras, states
through ``normalize_state_code``) and marks each problem on its cell, so the preview shows
exactly what is wrong where. :func:`run_import` refuses to start while any problem remains and
writes in the caller's single transaction, so a failure leaves the database as it was; or, when
asked, imports the other rows and writes the rows with problems to a file to fix (nothing is
dropped: their cells and the reason). Columns no field takes are reported, never dropped
without a word.
A truck already on file (same normalised chassis number) is skipped or merged, never doubled.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk.dataio.mapping import CASE_FIELD_OF, FIELDS, check_mapping, remember_mapping
from keidesk.dataio.sheets import Sheet, column_letters, write_sheet
from keidesk.domain.dates import PartialDate, Precision, parse_date
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.errors import InvalidInput, KeideskError, NotFound
from keidesk.domain.messages import listed, message_of, msg
from keidesk.domain.money import Odometer
from keidesk.services import cases
from keidesk.services.case_fields import FIELDS as CASE_FIELDS
from keidesk.services.case_fields import NOTES, stored
from keidesk.services.reference import decode_chassis, known_model_codes, normalize_state_code
from keidesk.storage.models import Case, ChassisCode, StateRule, Vehicle, case_number

#: Longest text kept in a short field (names, vessel, colour) and in notes.
MAX_TEXT = 200
MAX_NOTES = 10_000

#: New cases written per flush: large enough to be fast, small enough to keep memory flat.
CHUNK_ROWS = 1000

#: Called with (rows done, rows in all); returning False cancels the import.
Progress = Callable[[int, int], bool]


class DuplicatePolicy(StrEnum):
    """What to do with a row whose truck is already a case (or is on an earlier row)."""

    SKIP = "skip"
    MERGE = "merge"


class RowOutcome(StrEnum):
    CREATED = "created"
    MERGED = "merged"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"
    NOT_IMPORTED = "not imported"
    SET_ASIDE = "set aside"  # a row with a problem, written to the problem file to fix


class ImportCancelled(KeideskError):
    """The user stopped the import; nothing was written."""


@dataclass(frozen=True, slots=True)
class CellProblem:
    column: int | None  # None: the row as a whole
    message: str


@dataclass(frozen=True, slots=True)
class RowCheck:
    line: int  # the row number the user sees in the spreadsheet (the header is row 1)
    cells: tuple[str, ...]
    values: Mapping[str, Any]
    problems: tuple[CellProblem, ...]
    warnings: tuple[str, ...]
    chassis: str | None
    duplicate_of_case: int | None = None
    duplicate_of_line: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of_case is not None or self.duplicate_of_line is not None

    def problem_in(self, column: int) -> str | None:
        messages = [p.message for p in self.problems if p.column == column]
        return "\n".join(messages) if messages else None


@dataclass(frozen=True, slots=True)
class ImportCheck:
    """Every row of a sheet, checked against a column mapping (the preview)."""

    sheet: Sheet
    mapping: tuple[str | None, ...]
    rows: tuple[RowCheck, ...]

    @property
    def problem_rows(self) -> tuple[RowCheck, ...]:
        return tuple(r for r in self.rows if r.problems)

    @property
    def duplicate_rows(self) -> tuple[RowCheck, ...]:
        return tuple(r for r in self.rows if r.is_duplicate)

    @property
    def unmapped(self) -> tuple[str, ...]:
        """The columns no field takes, by header (a nameless one by its letter): what this
        import leaves out of every row, reported rather than dropped without a word."""
        return tuple(
            header or msg("column {letters}", letters=column_letters(number))
            for number, (header, field) in enumerate(
                zip(self.sheet.headers, self.mapping, strict=True), 1
            )
            if field is None
        )


@dataclass(frozen=True, slots=True)
class RowResult:
    line: int
    outcome: RowOutcome
    chassis: str | None
    case_id: int | None
    message: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    rows: tuple[RowResult, ...]
    committed: bool
    dry_run: bool = False
    counts: Mapping[str, int] = field(default_factory=dict)
    unmapped: tuple[str, ...] = ()  # the sheet's columns no field took
    problems_file: str | None = None  # where the rows set aside were written


def _counted(
    check: ImportCheck,
    rows: list[RowResult],
    *,
    committed: bool,
    dry_run: bool,
    problems_file: Path | None = None,
) -> ImportReport:
    counts = {outcome.value: 0 for outcome in RowOutcome}
    for row in rows:
        counts[row.outcome.value] += 1
    return ImportReport(
        check.sheet.name,
        tuple(rows),
        committed,
        dry_run,
        counts,
        check.unmapped,
        None if problems_file is None else str(problems_file),
    )


class ImportFailed(InvalidInput):
    """Some rows cannot be imported; nothing was. ``report`` says what is wrong on each row."""

    def __init__(self, report: ImportReport) -> None:
        failed = [r for r in report.rows if r.outcome is RowOutcome.FAILED]
        first = failed[0] if failed else None
        counts = {"failed": len(failed), "total": len(report.rows), "file": str(report.file)}
        super().__init__(
            msg(
                "{failed} of {total} rows in {file} cannot be imported; nothing was imported. "
                "First: row {line}: {problem}",
                line=first.line,
                problem=first.message,
                **counts,
            )
            if first
            else msg(
                "{failed} of {total} rows in {file} cannot be imported; nothing was imported.",
                **counts,
            )
        )
        self.report = report


# --- checking -------------------------------------------------------------------------------

_US_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def _day(text: str, label: str) -> date:
    """A shipping date to the day: ISO (2026-12-20), the forms parse_date reads, or US m/d/Y."""
    if match := _US_DATE.fullmatch(text.strip()):
        month, day, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise InvalidInput(msg("{text!r} is not a real date.", text=text)) from None
    parsed = parse_date(text)
    if parsed.precision is not Precision.DAY or parsed.day is None or parsed.month is None:
        raise InvalidInput(
            msg("The {label} {text!r} needs a day; write it as YYYY-MM-DD.", label=label, text=text)
        )
    return date(parsed.year, parsed.month, parsed.day)


def _text(text: str, limit: int = MAX_TEXT) -> str:
    if len(text) > limit:
        raise InvalidInput(
            msg(
                "This is {length:,} characters long; at most {limit:,} fit.",
                length=len(text),
                limit=limit,
            )
        )
    return text


@dataclass
class _Context:
    session: Session
    today: date
    known_codes: frozenset[str]
    states: dict[str, str]
    existing: dict[str, int]
    #: Chassis codes held while checking: the session's identity map is weak, and without
    #: this every row would load its model code's row again.
    reference: list[ChassisCode]


def _state_lookup(session: Session) -> dict[str, str]:
    """Two-letter codes and full names ("Texas", "texas") to the canonical code."""
    lookup: dict[str, str] = {}
    for code, name in session.execute(select(StateRule.code, StateRule.name)):
        lookup[code.lower()] = code
        lookup[name.lower()] = code
    return lookup


def _parse(ctx: _Context, name: str, text: str, header: str) -> Any:
    if name == "chassis":
        return decode_chassis(ctx.session, text, known_codes=ctx.known_codes)
    if name in {"built", "first_registered"}:
        return parse_date(text, today=ctx.today, not_after_today=True)
    if name in {"eta", "etd"}:
        return _day(text, name.upper())
    if name == "state":
        code = ctx.states.get(text.strip().lower())
        return code if code is not None else normalize_state_code(ctx.session, text)
    if name == "odometer":
        if text.replace(",", "").strip().isdigit():
            header_words = header.lower()
            unit = "mi" if re.search(r"\bmi(les)?\b", header_words) else "km"
            if "km" not in header_words and unit != "mi":
                raise InvalidInput(
                    msg("{text!r} has no unit; write it like '48200 km'.", text=text)
                )
            return Odometer.parse(f"{text} {unit}")
        return Odometer.parse(text)
    spec = CASE_FIELDS[CASE_FIELD_OF[name]]
    value = spec.kind.read(text, spec.label)
    if isinstance(value, str):
        return _text(value, MAX_NOTES if spec.kind is NOTES else MAX_TEXT)
    return value


def _check_row(
    ctx: _Context,
    sheet: Sheet,
    mapping: Sequence[str | None],
    index: int,
    seen: dict[str, int],
) -> RowCheck:
    line = sheet.first_data_line + index
    cells = sheet.rows[index]
    problems: list[CellProblem] = []
    warnings: list[str] = []
    values: dict[str, Any] = {}
    columns: dict[str, int] = {}
    width = sheet.widths[index]
    if width > len(sheet.headers):
        problems.append(
            CellProblem(
                None,
                msg(
                    "This row has {width} cells but the first row names {named} "
                    "columns; the extra cells would be lost.",
                    width=width,
                    named=len(sheet.headers),
                ),
            )
        )
    for column, name in enumerate(mapping):
        if name is None:
            continue
        columns[name] = column
        text = cells[column]
        if not text:
            continue
        if text.startswith("="):
            problems.append(
                CellProblem(
                    column,
                    msg("This is a spreadsheet formula, not a value; paste the value instead."),
                )
            )
            continue
        try:
            values[name] = _parse(ctx, name, text, sheet.headers[column])
        except (InvalidInput, NotFound) as exc:
            problems.append(CellProblem(column, message_of(exc)))
    chassis: str | None = None
    decoded = values.pop("chassis", None)
    if decoded is not None:
        chassis = decoded.chassis.normalized
        values["chassis"] = chassis
        warnings.extend(decoded.warnings)
    elif "chassis" not in values and not any(p.column == columns["chassis"] for p in problems):
        problems.append(CellProblem(columns["chassis"], msg("There is no chassis number.")))
    built: PartialDate | None = values.get("built")
    first: PartialDate | None = values.get("first_registered")
    if built is not None and first is not None and first.latest() < built.earliest():
        problems.append(
            CellProblem(
                columns["first_registered"],
                msg(
                    "First registration {first} is before the build date {built}.",
                    first=str(first),
                    built=str(built),
                ),
            )
        )
    else:
        warnings.extend(_age_warning(built, first, ctx.today))
    for contact in ("customer_phone", "customer_email"):
        if contact in values and "customer" not in values and _duplicate_free(ctx, chassis):
            problems.append(
                CellProblem(columns[contact], msg("Give the customer's name on the same row."))
            )
    eta: date | None = values.get("eta")
    etd: date | None = values.get("etd")
    if eta is not None and etd is not None and eta < etd:
        problems.append(
            CellProblem(
                columns["eta"],
                msg("The ETA {eta} is before the ETD {etd}.", eta=str(eta), etd=str(etd)),
            )
        )
    duplicate_case = ctx.existing.get(chassis) if chassis else None
    duplicate_line = seen.get(chassis) if chassis and duplicate_case is None else None
    if chassis and chassis not in seen:
        seen[chassis] = line
    return RowCheck(
        line=line,
        cells=cells,
        values=values,
        problems=tuple(problems),
        warnings=tuple(warnings),
        chassis=chassis,
        duplicate_of_case=duplicate_case,
        duplicate_of_line=duplicate_line,
    )


def _age_warning(
    built: PartialDate | None, first: PartialDate | None, today: date
) -> tuple[str, ...]:
    """A warning (not a refusal: the truck may wait in Japan or on the water) when the truck
    is not yet 25 years old, so not yet eligible to import under the 25-year rule."""
    if built is None and first is None:
        return ()
    fmvss = assess_eligibility(built, first, today).fmvss
    if fmvss.eligible:
        return ()
    return (
        msg(
            "Not yet 25 years old: eligible to import under the 25-year rule from "
            "{eligible_on} ({days:,} days from today).",
            eligible_on=fmvss.eligible_on.isoformat(),
            days=fmvss.days_remaining,
        ),
    )


def _duplicate_free(ctx: _Context, chassis: str | None) -> bool:
    return chassis is None or chassis not in ctx.existing


def check_import(
    session: Session,
    sheet: Sheet,
    mapping: Sequence[str | None],
    *,
    today: date,
    progress: Progress | None = None,
) -> ImportCheck:
    """Check every row against the mapping; nothing is written."""
    check_mapping(sheet.headers, mapping)
    ctx = _Context(
        session=session,
        today=today,
        known_codes=known_model_codes(session),
        states=_state_lookup(session),
        reference=list(session.scalars(select(ChassisCode))),
        existing={
            str(row[0]): int(row[1])
            for row in session.execute(select(Vehicle.chassis_number, Case.id).join(Case.vehicle))
        },
    )
    seen: dict[str, int] = {}
    rows: list[RowCheck] = []
    total = len(sheet.rows)
    for index in range(total):
        rows.append(_check_row(ctx, sheet, mapping, index, seen))
        if progress is not None and index % 200 == 0 and not progress(index, total):
            raise ImportCancelled(msg("The import was cancelled; nothing was imported."))
    return ImportCheck(sheet, tuple(mapping), tuple(rows))


# --- importing ------------------------------------------------------------------------------

_CREATE_FIELDS = {"chassis", "built", "first_registered", "customer", "state", "eta", "notes"}


def _current(case: Case) -> dict[str, Any]:
    """The case's value of each field an import can set, by case field name."""
    return {name: stored(case, CASE_FIELDS[name]) for name in CASE_FIELD_OF.values()}


def _merge_changes(case: Case, values: Mapping[str, Any]) -> dict[str, Any]:
    """The row's filled cells that differ from the case; notes are added to, not replaced."""
    current = _current(case)
    changes: dict[str, Any] = {}
    for name in FIELDS:
        if name not in values or name == "chassis":
            continue
        target = CASE_FIELD_OF[name]
        value = values[name]
        if target == "notes":
            existing = current["notes"] or ""
            if value in existing:
                continue
            value = f"{existing}\n{value}" if existing else value
        elif target == "customer_name" and (current[target] or "").lower() == value.lower():
            continue
        if current[target] != value:
            changes[target] = value
    return changes


def run_import(
    session: Session,
    check: ImportCheck,
    *,
    duplicates: DuplicatePolicy,
    user: str,
    today: date,
    progress: Progress | None = None,
    dry_run: bool = False,
    problems_to: Path | None = None,
) -> ImportReport:
    """Import every checked row in the caller's transaction, or raise :class:`ImportFailed`
    (or :class:`ImportCancelled`) so the caller's transaction rolls everything back.

    With ``problems_to`` (a .csv or .xlsx file, see :func:`problem_file_path`), the rows with
    problems are set aside instead: the other rows are imported, and the rows set aside are
    written to that file (their original cells and a column saying what is wrong) before the
    caller commits, so nothing is lost. A dry run writes no file."""
    original = check
    set_aside = check.problem_rows if problems_to is not None else ()
    if check.problem_rows and not set_aside:
        failed_rows = [
            RowResult(
                row.line,
                RowOutcome.FAILED if row.problems else RowOutcome.NOT_IMPORTED,
                row.chassis,
                None,
                "; ".join(_problem_text(check, p) for p in row.problems),
            )
            for row in check.rows
        ]
        raise ImportFailed(_counted(check, failed_rows, committed=False, dry_run=dry_run))
    if set_aside:
        check = _without(check, set_aside)
    results: dict[int, RowResult] = {
        row.line: RowResult(
            row.line, RowOutcome.SET_ASIDE, row.chassis, None, problem_text(original, row)
        )
        for row in set_aside
    }
    created: dict[str, int] = {}
    total = len(original.rows)
    fresh = [r for r in check.rows if not r.is_duplicate]
    again = [r for r in check.rows if r.is_duplicate]
    done = len(set_aside)

    def report_progress() -> None:
        if progress is not None and not progress(done, total):
            raise ImportCancelled(msg("The import was cancelled; nothing was imported."))

    def fail(row: RowCheck, error: KeideskError) -> ImportFailed:
        """Everything is rolled back, so every other row ends up not imported."""
        rows = [
            RowResult(r.line, RowOutcome.FAILED, r.chassis, None, message_of(error))
            if r is row
            else RowResult(r.line, RowOutcome.NOT_IMPORTED, r.chassis, None, "")
            for r in original.rows
        ]
        return ImportFailed(_counted(original, rows, committed=False, dry_run=dry_run))

    # New trucks, in chunks written with one flush each (the same rules as create_case).
    for start in range(0, len(fresh), CHUNK_ROWS):
        report_progress()
        chunk = fresh[start : start + CHUNK_ROWS]
        try:
            ids = cases.create_cases(
                session, [_new_case(row) for row in chunk], user=user, today=today
            )
        except cases.CaseCreationFailed as exc:
            raise fail(chunk[exc.index], exc) from None
        for row, case_id in zip(chunk, ids, strict=True):
            assert row.chassis is not None
            created[row.chassis] = case_id
            results[row.line] = RowResult(
                row.line,
                RowOutcome.CREATED,
                row.chassis,
                case_id,
                listed(row.warnings) if row.warnings else "",
            )
        done += len(chunk)
        # Let go of the rows loaded so far: each chunk then costs what the first did.
        session.expunge_all()
    # Trucks already on file, or repeated in the sheet: skipped or merged, row by row.
    for row in again:
        if done % 100 == 0:
            report_progress()
        try:
            results[row.line] = _import_duplicate(
                session, row, created, duplicates=duplicates, user=user, today=today
            )
        except KeideskError as exc:
            raise fail(row, exc) from None
        done += 1
    remember_mapping(session, check.sheet.headers, check.mapping)
    written: Path | None = None
    if set_aside and problems_to is not None and not dry_run:
        write_problem_rows(original, set_aside, problems_to)
        written = problems_to
    if progress is not None:
        progress(total, total)
    ordered = [results[r.line] for r in original.rows]
    return _counted(
        original, ordered, committed=not dry_run, dry_run=dry_run, problems_file=written
    )


def _problem_text(check: ImportCheck, problem: CellProblem) -> str:
    if problem.column is None:
        return problem.message
    return msg(
        "{column}: {problem}", column=check.sheet.headers[problem.column], problem=problem.message
    )


def problem_text(check: ImportCheck, row: RowCheck) -> str:
    """All of a row's problems in one line of words."""
    return listed(_problem_text(check, p) for p in row.problems) if row.problems else ""


# --- the rows set aside -----------------------------------------------------------------

#: The column a problem file adds; a sheet that has it already (a problem file imported
#: again) gets it rewritten rather than a second one.
PROBLEM_HEADER = "keidesk problem"


def _without(check: ImportCheck, set_aside: Sequence[RowCheck]) -> ImportCheck:
    """The check without the rows set aside; a row that repeated a truck of a row set aside
    is now that truck's first row."""
    left_out = {row.line for row in set_aside}
    seen: dict[str, int] = {}
    rows: list[RowCheck] = []
    for row in check.rows:
        if row.line in left_out:
            continue
        duplicate_line: int | None = None
        if row.chassis and row.duplicate_of_case is None:
            duplicate_line = seen.get(row.chassis)
            seen.setdefault(row.chassis, row.line)
        rows.append(dataclasses.replace(row, duplicate_of_line=duplicate_line))
    return ImportCheck(check.sheet, check.mapping, tuple(rows))


def problem_file_path(source: Path, chosen: Path | None = None) -> Path:
    """Where the rows set aside go: ``chosen``, or ``<file>-problems.csv`` beside the sheet.
    Refused: the sheet itself (it would be overwritten), or a file that is not .csv or .xlsx."""
    target = chosen if chosen is not None else source.with_name(f"{source.stem}-problems.csv")
    if target.suffix.lower() not in {".csv", ".xlsx"}:
        raise InvalidInput(
            msg(
                "Save the rows with problems as a .csv or .xlsx file, not {name}.",
                name=target.name,
            )
        )
    if target.expanduser().resolve() == source.expanduser().resolve():
        raise InvalidInput(
            msg(
                "The rows with problems cannot be saved over {name}, the file being "
                "imported; choose another file.",
                name=source.name,
            )
        )
    if not target.parent.is_dir():
        raise InvalidInput(msg("The folder {folder} does not exist.", folder=str(target.parent)))
    return target


def write_problem_rows(check: ImportCheck, rows: Sequence[RowCheck], path: Path) -> int:
    """Write ``rows`` to ``path`` as the sheet had them (every column, extra cells too) with
    a column saying what is wrong, so they can be fixed and imported again."""
    sheet = check.sheet
    index_of = {line: i for i, line in enumerate(r.line for r in check.rows)}
    keep = [i for i, header in enumerate(sheet.headers) if header != PROBLEM_HEADER]
    extra = max((len(sheet.extra_cells(index_of[r.line])) for r in rows), default=0)
    headers = [sheet.headers[i] for i in keep]
    headers += [f"(extra {n})" for n in range(1, extra + 1)] + [PROBLEM_HEADER]

    def cells(row: RowCheck) -> list[str]:
        extras = list(sheet.extra_cells(index_of[row.line]))
        return (
            [row.cells[i] for i in keep]
            + extras
            + [""] * (extra - len(extras))
            + [problem_text(check, row)]
        )

    return write_sheet(path, headers, (cells(row) for row in rows))


def _new_case(row: RowCheck) -> cases.NewCase:
    assert row.chassis is not None  # a row without a chassis number has a problem
    values = row.values
    return cases.NewCase(
        chassis=row.chassis,
        built=values.get("built"),
        first_registered=values.get("first_registered"),
        customer=values.get("customer"),
        state=values.get("state"),
        eta=values.get("eta"),
        notes=values.get("notes", ""),
        changes={
            CASE_FIELD_OF[name]: value
            for name, value in values.items()
            if name not in _CREATE_FIELDS
        },
    )


def _import_duplicate(
    session: Session,
    row: RowCheck,
    created: Mapping[str, int],
    *,
    duplicates: DuplicatePolicy,
    user: str,
    today: date,
) -> RowResult:
    assert row.chassis is not None
    existing = row.duplicate_of_case or created[row.chassis]
    where = (
        msg("row {line}", line=row.duplicate_of_line)
        if row.duplicate_of_line
        else case_number(existing)
    )
    if duplicates is DuplicatePolicy.SKIP:
        return RowResult(
            row.line,
            RowOutcome.SKIPPED,
            row.chassis,
            existing,
            msg("Already on file as {where}; skipped.", where=where),
        )
    case = session.get(Case, existing)
    assert case is not None
    changes = _merge_changes(case, row.values)
    if not changes:
        return RowResult(
            row.line,
            RowOutcome.UNCHANGED,
            row.chassis,
            existing,
            msg("Same as {where}.", where=where),
        )
    cases.update_case(session, existing, changes, user=user, today=today)
    return RowResult(
        row.line,
        RowOutcome.MERGED,
        row.chassis,
        existing,
        msg("Merged into {where}: {fields}.", where=where, fields=", ".join(changes)),
    )
