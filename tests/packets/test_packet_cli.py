"""``keidesk packet``: one case and the batch form, through the real command line."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

import pytest

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.packets import PacketKind
from keidesk.packets.batch import build_batch
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.conftest import child_env
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)


def test_one_packet_as_json(cli, rich_case: int, tmp_path: Path):
    out = tmp_path / "p.pdf"
    result = cli(
        "packet", str(rich_case), "--kind", "dmv", "--out", str(out), "--paper", "a4", "--json"
    )
    assert result.code == 0, result.err
    data = result.json
    assert data["path"] == str(out.resolve())
    assert data["pages"] == len(read_packet(out).pages)
    assert data["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert data["kind"] == "dmv" and data["paper"] == "a4"
    assert data["missing"] == [] and data["missing_documents"] == []
    assert data["draft"] is False and data["gaps"] == []
    assert isinstance(data["warnings"], list)


def test_a_draft_packet_as_json_lists_its_gaps(cli, bare_rich_case: int, tmp_path: Path):
    out = tmp_path / "p.pdf"
    result = cli("packet", str(bare_rich_case), "--kind", "customs", "--out", str(out), "--json")
    assert result.code == 0, result.err
    data = result.json
    assert data["draft"] is True
    assert data["gaps"] == [
        {
            "what": "Japanese export certificate (輸出予定届出証明書)",
            "status": "missing",
            "detail": "",
            "text": "Japanese export certificate (輸出予定届出証明書): missing",
        },
        {
            "what": "Auction or exporter invoice",
            "status": "missing",
            "detail": "",
            "text": "Auction or exporter invoice: missing",
        },
        {
            "what": "Bill of lading",
            "status": "missing",
            "detail": "",
            "text": "Bill of lading: missing",
        },
    ]


def test_one_packet_plain_text_lists_warnings_on_stderr(cli, sparse_case: int, tmp_path: Path):
    result = cli("packet", str(sparse_case), "--kind", "handover", "--out", str(tmp_path / "h.pdf"))
    assert result.code == 0
    assert "recorded on KD-000001 (draft: " in result.out
    assert "warning: Not recorded on the case (shown as gaps in the packet):" in result.err


def test_customs_refusal_exits_2_naming_fields(cli, sparse_case: int, tmp_path: Path):
    out = tmp_path / "c.pdf"
    result = cli("packet", str(sparse_case), "--kind", "customs", "--out", str(out), "--json")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("error: The customs packet for KD-000001 needs these fields")
    assert "bill_of_lading" in result.err and "customs_value" in result.err
    assert result.err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "--kind", "dmv", "--out", "/no/such/folder/p.pdf"], "does not exist"),
        (["1", "--kind", "dmv", "--out", "p.txt"], "name the output file with .pdf"),
        (["1", "--kind", "dmv"], "Give CASE_ID and --out"),
        (["--kind", "dmv", "--stage", "handover"], "needs both --stage STEP and --out-dir"),
        (["1", "--kind", "dmv", "--stage", "handover", "--out-dir", "x"], "Give either"),
        (["1", "--kind", "nope", "--out", "p.pdf"], "invalid choice"),
        (["99", "--kind", "dmv", "--out", "p.pdf"], "There is no case 99"),
    ],
)
def test_bad_usage_exits_2(cli, sparse_case: int, args, message):
    result = cli("packet", *args)
    assert result.code == 2
    assert result.err.startswith("error: ") and message in result.err


def _processes(field: int, value: int) -> set[int]:
    """The live processes whose /proc stat field (3: parent, 5: session) is ``value``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        if int(fields[field - 2]) == value:
            found.add(int(entry.name))
    return found


def _children() -> set[int]:
    return _processes(3, os.getpid())


def _move_to_handover(db: Database, case_id: int) -> None:
    with db.transaction("tester") as session:
        for key in list(StepKey)[:-1]:
            cases.set_step(
                session, case_id, key, StepStatus.DONE, user="tester", today=TODAY, reason="test"
            )


@pytest.mark.slow
def test_batch_builds_in_two_processes_and_records_each(
    cli, db: Database, rich_case: int, make_case: Callable[..., int], tmp_path: Path
):
    others = [make_case(built="1998-05", customer="Pat Lee", state="TX") for _ in range(3)]
    for case_id in (rich_case, *others):
        _move_to_handover(db, case_id)
    out_dir = tmp_path / "batch"
    children_before = _children()
    result = cli(
        "packet",
        "--stage",
        "handover",
        "--kind",
        "handover",
        "--out-dir",
        str(out_dir),
        "--workers",
        "2",
        "--json",
    )
    assert result.code == 0, result.err
    data = result.json
    assert data["built"] == 4 and data["failed"] == 0
    assert [item["draft"] for item in data["packets"]] == [False, True, True, True]
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"KD-00000{i}-handover.pdf" for i in (1, 2, 3, 4)
    ]
    for item in data["packets"]:
        path = Path(item["path"])
        assert item["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert item["pages"] == len(read_packet(path).pages)
    with db.reader() as session:
        for case_id in (rich_case, *others):
            detail = cases.case_detail(session, case_id, today=TODAY)
            assert [d.doc_type for d in detail.documents if d.kind == "packet"] == ["handover"]
    assert "4/4 packets" in result.err
    assert _children() <= children_before, "a worker outlived the batch"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_with_refusals_builds_the_rest_and_exits_2(
    cli, db: Database, rich_case: int, make_case: Callable[..., int], tmp_path: Path, workers: str
):
    young = make_case(built="1999-01", customer="Sam Ray", state="TX")
    for case_id in (rich_case, young):
        _move_to_handover(db, case_id)
    out_dir = tmp_path / "batch"
    children_before = _children()
    result = cli(
        "packet",
        "--stage",
        "handover",
        "--kind",
        "customs",
        "--out-dir",
        str(out_dir),
        "--workers",
        workers,
        "--json",
    )
    assert _children() <= children_before, "a worker outlived the batch"
    assert result.code == 2
    data = result.json
    assert data["built"] == 1 and data["failed"] == 1
    refused = next(p for p in data["packets"] if p["error"])
    assert refused["case_id"] == young
    assert "bill_of_lading" in refused["missing"]
    assert [p.name for p in out_dir.iterdir()] == ["KD-000001-customs.pdf"]
    assert result.err.splitlines()[-1].startswith("error: 1 of 2 packets were not built")


def test_batch_out_dir_that_is_a_file_exits_2(cli, sparse_case: int, tmp_path: Path):
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    result = cli("packet", "--stage", "intake", "--kind", "dmv", "--out-dir", str(a_file))
    assert result.code == 2
    assert "it is a file" in result.err


@pytest.mark.slow
def test_a_crashed_worker_ends_the_batch_and_no_worker_is_left(
    db: Database, make_case: Callable[..., int], tmp_path: Path
):
    case_ids = [make_case(built="1998-05", customer="Pat Lee", state="TX") for _ in range(8)]
    children_before = _children()
    killed: list[int] = []

    def kill_a_worker(done: int, total: int) -> None:
        if not killed:  # after the first packet, as if the system killed a worker
            workers = [
                pid
                for pid in _children() - children_before
                if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
            ]
            killed.append(workers[0])
            os.kill(workers[0], signal.SIGKILL)

    with pytest.raises(BrokenProcessPool):
        build_batch(
            db,
            case_ids,
            PacketKind.DMV,
            tmp_path / "out",
            user="tester",
            today=TODAY,
            workers=2,
            progress=kill_a_worker,
        )
    assert killed
    assert _children() <= children_before, "a worker outlived the batch"
    with db.reader() as session:  # what was built before the crash is recorded
        recorded = [
            case_id
            for case_id in case_ids
            if any(
                d.kind == "packet"
                for d in cases.case_detail(session, case_id, today=TODAY).documents
            )
        ]
    assert recorded and len(recorded) == len(list((tmp_path / "out").iterdir()))


#: Runs the rest of its command line with Ctrl+C's default handling, as a terminal's foreground
#: command has it: the test process (a pytest-xdist worker, after hundreds of other tests) may
#: hold SIGINT ignored or blocked, which a child would inherit.
FOREGROUND = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT}); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


@pytest.mark.slow
def test_ctrl_c_stops_the_batch_and_every_worker(
    db_path: Path, db: Database, make_case: Callable[..., int], tmp_path: Path
):
    for _ in range(30):
        _move_to_handover(db, make_case(built="1998-05", customer="Pat Lee", state="TX"))
    command = [sys.executable, "-m", "keidesk", "--db", str(db_path), "packet", "--stage"]
    command += ["handover", "--kind", "handover", "--out-dir", str(tmp_path / "out")]
    process = subprocess.Popen(
        [sys.executable, "-c", FOREGROUND, *command, "--workers", "2"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=child_env(PYTHONPATH=str(Path(__file__).resolve().parents[2])),
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
    )
    assert process.stderr is not None
    assert "packets" in process.stderr.readline()  # the first packet is built
    os.killpg(process.pid, signal.SIGINT)  # Ctrl+C reaches the whole group
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(60) == 130, err
    assert _processes(5, process.pid) == set(), "a worker outlived the batch"
