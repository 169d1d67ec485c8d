"""Property-based: arbitrary arguments to the CLI's commands and arbitrary JSON in a bundle end
in exit 0 or 2, never 1 (a bug); a refused input changes nothing in the database (its full
dump is compared) and leaves no attachment behind.

Run in-process through ``main(argv)`` for speed, with modest example counts so the suite stays
fast; ``HYPOTHESIS_PROFILE=long`` (see the bottom) runs many more outside CI.
"""

from __future__ import annotations

import copy
import io
import json
import os
import zipfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from keidesk.cli import main
from keidesk.dataio import bundle
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.case_fields import EDITABLE
from keidesk.services.documents import AttachmentStore, add_document
from keidesk.storage.database import open_database
from tests.conftest import TODAY
from tests.dataio.helpers import bundle_with_document, dump_digest

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: CI never turns red by chance
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# --- what arguments are made of -------------------------------------------------------------

#: Text that has broken parsers before, mixed with anything at all (control characters,
#: lone surrogates, other scripts).
TRICKY = [
    "",
    " ",
    "nan",
    "NaN",
    "inf",
    "-Infinity",
    "sNaN",
    "1e400",
    "1e999999999",
    "-1",
    "0",
    "9" * 30,
    str(2**63),
    "²³",
    "١٢٣",
    "¥1,250,000",
    "$3,400.50",
    "48200 km",
    "9999999999 mi",
    "H11.3",
    "平成11年3月",
    "1999-02-30",
    "99999-01-01",
    "DA52T-123456",
    "da52t－123456",
    "JH4KA7561PC008269",
    "TX",
    "Texas",
    '=HYPERLINK("x")',
    "a\nb",
    "\x00",
    "\x1b[2J",
    "\udcff",
    "\ud800",
    "x" * 5000,
]
anything = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
value = st.one_of(st.sampled_from(TRICKY), anything, st.integers().map(str))
ids = st.one_of(st.sampled_from(["1", "2", "3", "0", "-1", "9" * 25]), value)
fields = st.one_of(st.sampled_from(sorted(EDITABLE)), value)
steps = st.one_of(st.sampled_from([k.value for k in StepKey]), value)
statuses = st.one_of(st.sampled_from([s.value for s in StepStatus]), value)


@st.composite
def command(draw: st.DrawFn) -> list[str]:
    """One command line, built from the shapes the commands take with arbitrary values."""
    kind = draw(st.sampled_from(["set", "add", "step", "show", "list", "history", "lookup", "raw"]))
    if kind == "set":
        assignments = draw(
            st.lists(st.builds(lambda f, v: f"{f}={v}", fields, value), min_size=1, max_size=3)
        )
        return ["case", "set", draw(ids), *assignments]
    if kind == "add":
        args = ["case", "add", "--chassis", draw(value)]
        for option in ("--built", "--first-registered", "--customer", "--state", "--eta"):
            if draw(st.booleans()):
                args += [option, draw(value)]
        return args
    if kind == "step":
        args = ["step", draw(ids), draw(steps), draw(statuses)]
        if draw(st.booleans()):
            args += ["--due", draw(value)]
        if draw(st.booleans()):
            args += ["--note", draw(value)]
        return args
    if kind == "show":
        return ["case", "show", draw(ids), *draw(st.sampled_from([[], ["--json"]]))]
    if kind == "history":
        return ["case", "history", draw(ids)]
    if kind == "list":
        args = ["case", "list"]
        for option in ("--search", "--stage", "--state", "--limit", "--eligibility"):
            if draw(st.booleans()):
                args += [option, draw(value)]
        return args
    if kind == "lookup":
        return [draw(st.sampled_from(["decode", "eligibility", "state"])), draw(value)]
    # Any words after a command's name (without one, keidesk would open the desktop app).
    name = draw(st.sampled_from(COMMANDS))
    return [name, *draw(st.lists(value, max_size=5))]


COMMANDS = ["case", "step", "decode", "eligibility", "state", "states", "history"]


def _run(argv: list[str], db_path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--db", str(db_path), *argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def two_cases(db_path: Path) -> Path:
    for chassis in ("DA52T-123456", "HA4-1234567"):
        code, _out, err = _run(
            ["case", "add", "--chassis", chassis, "--customer", "Dale", "--built", "1999-03"],
            db_path,
        )
        assert code == 0, err
    assert _run(["case", "list"], db_path)[0] == 0  # the age gates settled
    return db_path


@PROFILE
@given(argv=command())
def test_any_command_line_ends_in_0_or_2_and_a_refusal_changes_nothing(
    two_cases: Path, argv: list[str]
):
    before = dump_digest(two_cases)
    code, _out, err = _run(argv, two_cases)
    event(f"exit {code}")
    assert code in (0, 2), (argv, err)
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1, (argv, err)
        assert dump_digest(two_cases) == before, argv


# --- arbitrary JSON in a bundle ---------------------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=True, allow_infinity=True),
        anything,
        st.sampled_from(TRICKY),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(anything, children, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def office_bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    """A sound bundle of one case with an attachment, and its document."""
    folder = tmp_path_factory.mktemp("office")
    office = open_database(folder / "office.sqlite3")
    scan = folder / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 export certificate")
    out = folder / "case.zip"
    try:
        stored = AttachmentStore(office.folder).put(scan)
        with office.transaction("office") as session:
            case_id = cases.create_case(
                session, chassis="DA63T-654321", customer="Ruth", today=TODAY
            )
            add_document(session, case_id, stored, user="office", title="Export certificate")
        with office.reader() as session:
            bundle.export_bundle(session, AttachmentStore(office.folder), [case_id], out, user="o")
    finally:
        office.close()
    yield out, json.loads(zipfile.ZipFile(out).read("bundle.json"))


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> Any:
    """The sound document with one place (any depth) replaced by arbitrary JSON, or a key
    added or removed there."""
    doc = copy.deepcopy(document)
    node = doc
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return doc
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            node = child
            continue
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace" or isinstance(node, list):
            node[key] = draw(json_values)
        elif action == "remove":
            del node[key]
        else:
            node[draw(anything)] = draw(json_values)
        return doc


def _attachments(db_path: Path | str) -> list[str]:
    database = open_database(db_path)  # the attachment folder is where the database says
    folder = database.folder
    database.close()
    return sorted(p.name for p in (folder / "attachments").rglob("*") if p.is_file())


@PROFILE
@given(data=st.data())
def test_any_json_in_a_bundle_ends_in_0_or_2_and_a_refusal_leaves_nothing(
    two_cases: Path, office_bundle: tuple[Path, Any], tmp_path: Path, data: st.DataObject
):
    source, document = office_bundle
    shape = data.draw(st.sampled_from(["mutated", "anything"]))
    if shape == "mutated":
        content: Any = data.draw(mutated(document))
    else:
        content = data.draw(json_values)
    raw = json.dumps(content, ensure_ascii=data.draw(st.booleans()), allow_nan=True)
    hostile = bundle_with_document(
        source, tmp_path / "hostile.zip", raw.encode("utf-8", "surrogatepass")
    )
    before, files = dump_digest(two_cases), _attachments(two_cases)
    prefer = data.draw(st.sampled_from([[], ["--prefer", "theirs"], ["--prefer", "both"]]))
    code, _out, err = _run(["bundle", "import", str(hostile), *prefer], two_cases)
    event(f"{shape}: exit {code}")
    assert code in (0, 2), (raw[:300], err)
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert dump_digest(two_cases) == before
        assert _attachments(two_cases) == files
        return
    # What was accepted can be shown and exported like any case typed in.
    listed = json.loads(_run(["case", "list", "--json"], two_cases)[1])
    for case in listed:
        shown = _run(["case", "show", str(case["id"]), "--json"], two_cases)
        assert shown[0] == 0, (raw[:300], shown[2])
    exported = _run(["export", str(tmp_path / "all.xlsx")], two_cases)
    assert exported[0] == 0, (raw[:300], exported[2])


# --- arbitrary spreadsheets ---------------------------------------------------------------------

cell = st.one_of(st.sampled_from(TRICKY), anything, st.sampled_from(['"', '""', ",", ";", "\n"]))
header = st.one_of(
    st.sampled_from(["Chassis No.", "Year", "Customer", "State", "ETA", "Odo (km)", "Price"]),
    cell,
)


@st.composite
def csv_text(draw: st.DrawFn) -> bytes:
    headers = draw(st.lists(header, min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(cell, max_size=6), max_size=6))
    separator = draw(st.sampled_from([",", ";", "\t"]))
    text = "\n".join(separator.join(line) for line in [headers, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp932", "latin-1", "utf-16"]))
    return text.encode(encoding, "replace" if encoding != "utf-8" else "surrogatepass")


@PROFILE
@given(data=st.data())
def test_any_spreadsheet_ends_in_0_or_2_and_a_refusal_changes_nothing(
    two_cases: Path, tmp_path: Path, data: st.DataObject
):
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(data.draw(csv_text()))
    options = data.draw(
        st.lists(
            st.sampled_from(
                [
                    ["--dry-run"],
                    ["--duplicates", "merge"],
                    ["--problems-to", str(tmp_path / "problems.xlsx")],
                    ["--map", "Customer=-"],
                    ["--json"],
                ]
            ),
            max_size=3,
        )
    )
    before = dump_digest(two_cases)
    code, _out, err = _run(["import", str(sheet), *[o for opt in options for o in opt]], two_cases)
    event(f"exit {code}")
    assert code in (0, 2), (sheet.read_bytes()[:300], err)
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert dump_digest(two_cases) == before
