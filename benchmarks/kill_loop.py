"""SIGKILL keidesk at random moments, a thousand times and more, and prove nothing committed is
lost and no file is damaged. Not part of the test suite (it takes most of an hour); CI keeps
``tests/dataio/test_crash.py`` with its fixed count.

    .venv/bin/python benchmarks/kill_loop.py --kills 1000 --folder /tmp/kill-loop

Each round starts a child keidesk that repeats one kind of work (case edits, a spreadsheet
import, a backup to a folder, a backup as one file, a restore, a bundle import, a packet, or two
writers editing the same cases at once) through the real command line, and prints a token for
each change only after the command returned: the change is committed. The child is killed with
SIGKILL after a random number of reported changes, a random instant into the next. Then:

- ``PRAGMA integrity_check`` and ``foreign_key_check`` of every database, every case with all
  eight workflow steps (never half a transaction);
- every change any child ever reported is still there: each edit in the append-only history,
  each imported chassis, each bundle's cases, each packet's document and its file by SHA-256,
  each backup verifies completely, each restore left exactly the restored backup's cases (or
  the next restore's, if it was killed after committing that one but before reporting it).

The figures (kills, checks passed, changes reported and found) are printed at the end and
written to ``<folder>/kill_loop.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KINDS = (
    "edit",
    "import",
    "backup",
    "backup_file",
    "restore",
    "bundle",
    "packet",
    "two_writers",
)


# --- the child: one kind of work, repeated, reporting each committed change ----------------


def _cli(*args: str) -> int:
    return _cli_out(*args)[0]


def _cli_out(*args: str) -> tuple[int, str]:
    from keidesk.cli import main  # noqa: PLC0415 - only in the child

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    return code, out.getvalue()


def _report(*parts: object) -> None:
    print(" ".join(str(p) for p in parts), flush=True)


def child(kind: str, folder: Path, serial: int, extra: str) -> None:
    db = str(folder / "main.sqlite3")
    rng = random.Random(serial)
    case_ids = [int(x) for x in (folder / "edit_ids.txt").read_text().split()]
    _report("ready")
    for n in range(100_000):
        token = f"{serial}-{n}"
        if kind == "edit":
            case_id = rng.choice(case_ids)
            value = f"V{extra}{token}"
            if (
                _cli("--db", db, "--user", "kill", "case", "set", str(case_id), f"vessel={value}")
                == 0
            ):
                _report("E", value)
        elif kind == "import":
            sheet = folder / "work" / f"import-{token}.csv"
            chassis = [f"DA63T-{serial % 1000:03d}{n:03d}{i}" for i in range(4)]
            with sheet.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["chassis", "customer", "notes"])
                for c in chassis:
                    writer.writerow([c, f"Importer {rng.randint(1, 50)}", "imported"])
            if _cli("--db", db, "import", str(sheet)) == 0:
                _report("I", *chassis)
            sheet.unlink(missing_ok=True)
        elif kind in {"backup", "backup_file"}:
            out = folder / "work" / f"backup-{token}"
            if kind == "backup":
                out.mkdir()
                code, printed = _cli_out("--db", db, "--json", "backup", "--to", str(out))
                if code == 0:
                    out = Path(json.loads(printed)["path"])
            else:
                code = _cli("--db", db, "backup", "--file", str(out))
                out = out.with_name(out.name + ".keidesk-backup")
            if code == 0:
                _report("B", out)
        elif kind == "restore":
            which = ("A", "B")[n % 2]
            target = str(folder / "restore" / "restore.sqlite3")
            if _cli("--db", target, "restore", str(folder / f"backup-{which}")) == 0:
                _report("R", which)
        elif kind == "bundle":
            bundles = sorted((folder / "bundles").glob("*.zip"))
            bundle = bundles[(serial * 7 + n) % len(bundles)]
            if _cli("--db", db, "bundle", "import", str(bundle), "--prefer", "theirs") == 0:
                _report("U", bundle.stem)
        elif kind == "packet":
            case_id = rng.choice(case_ids)
            out = folder / "work" / f"packet-{token}.pdf"
            if (
                _cli("--db", db, "packet", str(case_id), "--kind", "handover", "--out", str(out))
                == 0
            ):
                _report("P", case_id, hashlib.sha256(out.read_bytes()).hexdigest())
            out.unlink(missing_ok=True)


# --- the parent -------------------------------------------------------------------------


@dataclass
class Tally:
    kills: int = 0
    rounds: dict[str, int] = field(default_factory=dict)
    integrity_checks: int = 0
    edits: set[str] = field(default_factory=set)
    imported: set[str] = field(default_factory=set)
    bundles: set[str] = field(default_factory=set)
    packets: list[tuple[int, str]] = field(default_factory=list)
    backups_verified: int = 0
    restores_reported: int = 0
    restores_verified: int = 0
    reported: int = 0
    found_checks: int = 0
    failures: list[str] = field(default_factory=list)


def _run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "keidesk", *args], check=True, env=env, capture_output=True
    )


def _env(folder: Path) -> dict[str, str]:
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        KEIDESK_DATA_DIR=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        KEIDESK_TODAY="2026-11-21",
    )


def prepare(folder: Path) -> None:
    """The main database with sample cases and scans, bundles to import, and two backups of a
    small database to restore in turn."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "work").mkdir(parents=True)
    (folder / "bundles").mkdir()
    (folder / "restore").mkdir()
    env = _env(folder)
    main = str(folder / "main.sqlite3")
    _run(["--db", main, "demo", "--cases", "40"], env)
    with contextlib.closing(sqlite3.connect(main)) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM cases ORDER BY id LIMIT 12")]
    (folder / "edit_ids.txt").write_text(" ".join(map(str, ids)))
    from datetime import date  # noqa: PLC0415

    from keidesk.cli import main as cli_main  # noqa: PLC0415
    from keidesk.services import cases  # noqa: PLC0415
    from keidesk.storage.database import open_database  # noqa: PLC0415

    source = folder / "bundle-source.sqlite3"
    database = open_database(source)
    with database.transaction("kill-loop") as session:
        cases.create_cases(
            session,
            [cases.NewCase(f"HA4-9{n:05d}", customer=f"Bundle Buyer {n % 9}") for n in range(40)],
            user="kill-loop",
            today=date(2026, 11, 21),
        )
    database.close()
    with contextlib.redirect_stdout(io.StringIO()):
        for n in range(20):
            bundle = folder / "bundles" / f"bundle-{n:02d}.zip"
            ids = [str(2 * n + 1), str(2 * n + 2)]
            assert (
                cli_main(["--db", str(source), "bundle", "export", *ids, "--out", str(bundle)]) == 0
            )
    small = str(folder / "restore" / "restore.sqlite3")
    for which, count in (("A", 3), ("B", 6)):
        while True:
            with contextlib.closing(sqlite3.connect(small)) as connection:
                have = (
                    connection.execute("SELECT count(*) FROM cases").fetchone()[0]
                    if Path(small).stat().st_size
                    else 0
                )
            if have >= count:
                break
            _run(["--db", small, "case", "add", "--chassis", f"DA52T-8{have:05d}"], env)
        (folder / f"backup-{which}").mkdir()
        _run(["--db", small, "backup", "--to", str(folder / f"backup-{which}")], env)
        made = next((folder / f"backup-{which}").iterdir())
        for item in made.iterdir():
            item.rename(folder / f"backup-{which}" / item.name)
        made.rmdir()


def _uids(path: Path) -> frozenset[str]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return frozenset(row[0] for row in connection.execute("SELECT uid FROM cases"))


def _check_database(path: Path, tally: Tally, label: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        half = connection.execute(
            "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM workflow_steps s "
            "WHERE s.case_id = c.id) != 8"
        ).fetchone()[0]
    if integrity != [("ok",)]:
        tally.failures.append(f"{label}: integrity {integrity[:2]}")
    elif foreign:
        tally.failures.append(f"{label}: foreign keys {foreign[:2]}")
    elif half:
        tally.failures.append(f"{label}: {half} case(s) without all eight steps")
    else:
        tally.integrity_checks += 1


def _verify_backup(path: Path) -> str | None:
    from keidesk.dataio import backup  # noqa: PLC0415

    try:
        with backup.unpacked(path, path.parent / ".unpack") as opened:
            backup.verify_backup(opened)
    except Exception as exc:  # any failure is reported as one
        return f"{path.name}: {exc}"
    finally:
        shutil.rmtree(path.parent / ".unpack", ignore_errors=True)
    return None


def _check_found(folder: Path, tally: Tally) -> None:
    """Every change ever reported committed is still there."""
    main = folder / "main.sqlite3"
    with contextlib.closing(sqlite3.connect(f"file:{main}?mode=ro", uri=True)) as connection:
        values = {
            row[0]
            for row in connection.execute(
                "SELECT new_value FROM history WHERE entity = 'cases' AND field = 'vessel'"
            )
        }
        chassis = {row[0] for row in connection.execute("SELECT chassis_number FROM vehicles")}
        documents = {
            (row[0], row[1])
            for row in connection.execute(
                "SELECT case_id, sha256 FROM documents WHERE kind = 'packet'"
            )
        }
    lost = [
        *(f"edit {v}" for v in tally.edits - values),
        *(f"import {c}" for c in tally.imported - chassis),
        *(f"packet {p}" for p in tally.packets if p not in documents),
    ]
    bundle_chassis = {f"HA4-9{n:05d}" for b in tally.bundles for n in _bundle_serials(b)}
    lost.extend(f"bundle case {c}" for c in bundle_chassis - chassis)
    attachments = folder / "attachments"
    for _case_id, sha in tally.packets:
        file = attachments / sha[:2] / sha
        if not file.is_file() or hashlib.sha256(file.read_bytes()).hexdigest() != sha:
            lost.append(f"packet file {sha[:12]}")
    if lost:
        tally.failures.append(f"committed but not found: {lost[:5]}")
    else:
        tally.found_checks += 1


def _bundle_serials(stem: str) -> tuple[int, int]:
    n = int(stem.rsplit("-", 1)[1])
    return 2 * n, 2 * n + 1


def _spawn(kind: str, folder: Path, serial: int, extra: str = "") -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, str(folder), str(serial), extra or "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(folder) | {"KEIDESK_DB": str(folder / "main.sqlite3")},
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != "ready":
        _out, err = process.communicate()
        raise RuntimeError(f"the {kind} child did not start: {err[-2000:]}")
    return process


def _reports(process: subprocess.Popen[str], count: int) -> list[str]:
    assert process.stdout is not None
    return [process.stdout.readline() for _ in range(count)]


def _kill(process: subprocess.Popen[str], before: list[str], tally: Tally) -> list[list[str]]:
    """SIGKILL; the child's complete lines (a line cut by the kill was never a report)."""
    killed = process.poll() is None
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate()
    if killed and process.returncode == -signal.SIGKILL:
        tally.kills += 1
    elif "Traceback" in err:
        tally.failures.append(f"child failed before the kill: {err[-500:]}")
    text = "".join(before) + out
    lines = text.splitlines()
    if text and not text.endswith("\n"):
        lines = lines[:-1]
    return [line.split() for line in lines if line.strip()]


def _take(
    reports: list[list[str]], tally: Tally, folder: Path, restore_state: dict[str, Any]
) -> None:
    for parts in reports:
        tag, rest = parts[0], parts[1:]
        tally.reported += 1 if tag != "I" else len(rest)
        if tag == "E":
            tally.edits.add(rest[0])
        elif tag == "I":
            tally.imported.update(rest)
        elif tag == "U":
            tally.bundles.add(rest[0])
        elif tag == "P":
            tally.packets.append((int(rest[0]), rest[1]))
        elif tag == "B":
            problem = _verify_backup(Path(rest[0]))
            if problem:
                tally.failures.append(f"backup reported made does not verify: {problem}")
            else:
                tally.backups_verified += 1
            shutil.rmtree(rest[0], ignore_errors=True)
            Path(rest[0]).unlink(missing_ok=True)
        elif tag == "R":
            tally.restores_reported += 1
            restore_state["last"] = rest[0]
        else:
            tally.reported -= 1


def one_round(
    kind: str,
    folder: Path,
    serial: int,
    *,
    rng: random.Random,
    tally: Tally,
    restore_state: dict[str, Any],
) -> None:
    tally.rounds[kind] = tally.rounds.get(kind, 0) + 1
    if kind == "two_writers":
        first = _spawn("edit", folder, serial, "a")
        second = _spawn("edit", folder, serial + 500_000, "b")
        before_first = _reports(first, rng.randint(0, 3))
        time.sleep(rng.uniform(0.0, 0.15))
        reports = _kill(first, before_first, tally)
        time.sleep(rng.uniform(0.0, 0.15))
        reports += _kill(second, [], tally)
    else:
        process = _spawn(kind, folder, serial)
        before = _reports(process, rng.randint(0, 3))
        time.sleep(rng.uniform(0.0, 0.25))
        reports = _kill(process, before, tally)
    _take(reports, tally, folder, restore_state)
    _check_database(folder / "main.sqlite3", tally, "main database")
    if kind == "restore":
        restore_db = folder / "restore" / "restore.sqlite3"
        _check_database(restore_db, tally, "restored database")
        now = _uids(restore_db)
        last = restore_state.get("last")
        # As before, or as the last reported restore left it, or as the next one left it if
        # the kill came after its commit but before its report (the child does A, B, A, ...).
        if last is None:
            allowed = {restore_state["before"], restore_state["A"]}
        else:
            allowed = {restore_state["A"], restore_state["B"]}
        if now not in allowed:
            tally.failures.append("the restored database is neither backup")
        elif last is not None and now == restore_state[last]:
            tally.restores_verified += 1
        restore_state["before"] = now
        restore_state["last"] = None
    _check_found(folder, tally)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        kind, where, number, extra = sys.argv[2:6]
        child(kind, Path(where), int(number), "" if extra == "-" else extra)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/keidesk-kill-loop"))
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--deadline", type=float, default=0, help="stop after this many seconds")
    args = parser.parse_args()
    folder: Path = args.folder
    started = time.monotonic()
    os.environ.update(_env(folder))
    sys.path.insert(0, str(ROOT))
    prepare(folder)
    restore_state: dict[str, Any] = {
        "A": _uids(folder / "backup-A" / "keidesk.sqlite3"),
        "B": _uids(folder / "backup-B" / "keidesk.sqlite3"),
        "before": _uids(folder / "restore" / "restore.sqlite3"),
        "last": None,
    }
    rng = random.Random(args.seed)
    tally = Tally()
    serial = 1
    reported_failures = 0
    while tally.kills < args.kills:
        if args.deadline and time.monotonic() - started > args.deadline:
            print("stopped at the deadline", flush=True)
            break
        kind = KINDS[serial % len(KINDS)]
        one_round(kind, folder, serial, rng=rng, tally=tally, restore_state=restore_state)
        serial += 1
        while len(tally.failures) > reported_failures:
            print(f"FAILURE: {tally.failures[reported_failures]}", flush=True)
            reported_failures += 1
        if serial % 25 == 0:
            print(
                f"{tally.kills} kills, {tally.integrity_checks} integrity checks, "
                f"{tally.reported} changes reported, {len(tally.failures)} failures, "
                f"{time.monotonic() - started:.0f} s",
                flush=True,
            )
    # Finally keidesk opens each database normally.
    from keidesk.storage.database import open_database  # noqa: PLC0415

    for path in (folder / "main.sqlite3", folder / "restore" / "restore.sqlite3"):
        open_database(path).close()
    summary = {
        "kills": tally.kills,
        "rounds": tally.rounds,
        "integrity_checks_passed": tally.integrity_checks,
        "committed_found_checks_passed": tally.found_checks,
        "changes_reported_committed": tally.reported,
        "edits": len(tally.edits),
        "imported_chassis": len(tally.imported),
        "bundles_imported": len(tally.bundles),
        "packets": len(tally.packets),
        "backups_verified": tally.backups_verified,
        "restores_reported": tally.restores_reported,
        "restores_verified": tally.restores_verified,
        "failures": tally.failures,
        "seconds": round(time.monotonic() - started),
    }
    (folder / "kill_loop.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
