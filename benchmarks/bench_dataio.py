"""Data-in/data-out benchmark: importing a 10,000-row CSV (target < 10 s), backing up a
100,000-case database with its integrity check (target < 5 s), and exporting its case list, every
field (40 columns), as CSV and as XLSX (wall time and this process's CPU time).

.venv/bin/python -m benchmarks.bench_dataio --rows 10000 --cases 100000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from keidesk import clock
from keidesk.dataio import backup
from keidesk.dataio.export import export_cases
from keidesk.dataio.importer import DuplicatePolicy, check_import, run_import
from keidesk.dataio.mapping import guess_mapping
from keidesk.dataio.sheets import read_sheet
from keidesk.services.cases import CaseFilter
from keidesk.services.demo import build_demo
from keidesk.storage.database import open_database

CODES = ("DA52T", "DA63T", "HA4", "HA7", "S110P", "DD51T", "U42T", "KV4")
STATES = ("TX", "Texas", "GA", "LA", "ok", "MT", "NC", "Tennessee")


def _sheet(path: Path, rows: int) -> None:
    rng = random.Random(7)
    lines = ["Chassis No.,Year,First Reg,Customer,State,ETA,Price (JPY),Notes"]
    for i in range(rows):
        year = rng.randint(1991, 1999)
        lines.append(
            f"{rng.choice(CODES)}-{1000000 + i},H{year - 1988}.{rng.randint(1, 12)},,"
            f"Customer {i % 900},{rng.choice(STATES)},2026-12-{rng.randint(1, 28):02d},"
            f"{rng.randint(80, 400) * 1000},lot {i}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    today = clock.today()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        sheet_path = base / "sheet.csv"
        _sheet(sheet_path, args.rows)
        database = open_database(base / "import.sqlite3")
        start = time.perf_counter()
        sheet = read_sheet(sheet_path)
        with database.transaction("bench") as session:
            check = check_import(session, sheet, guess_mapping(sheet.headers), today=today)
            checked = time.perf_counter() - start
            report = run_import(
                session, check, duplicates=DuplicatePolicy.SKIP, user="bench", today=today
            )
        total = time.perf_counter() - start
        print(
            f"import {args.rows} rows: {total:.2f} s (read+check {checked:.2f} s), "
            f"{report.counts['created']} created"
        )
        database.close()

        database = open_database(base / "big.sqlite3")
        with database.transaction("bench") as session:
            build_demo(session, cases=args.cases, today=today)
        size_mb = (base / "big.sqlite3").stat().st_size / 1e6
        start = time.perf_counter()
        result = backup.make_backup(database, kind=backup.BackupKind.MANUAL, user="bench")
        elapsed = time.perf_counter() - start
        print(
            f"backup {result.cases} cases ({size_mb:.0f} MB, integrity {result.integrity}): "
            f"{elapsed:.2f} s"
        )
        start = time.perf_counter()
        backup.restore_backup(database, result.path, user="bench")
        print(
            f"verified restore of it (keeping the current one aside): "
            f"{time.perf_counter() - start:.2f} s"
        )
        for suffix in ("csv", "xlsx"):
            path = base / f"export.{suffix}"
            wall, cpu = time.perf_counter(), time.process_time()
            with database.reader() as session:
                count = export_cases(session, CaseFilter(), path, today=today)
            print(
                f"export {count} cases as {suffix.upper()}: {time.perf_counter() - wall:.2f} s "
                f"wall, {time.process_time() - cpu:.2f} s cpu, {path.stat().st_size / 1e6:.1f} MB"
            )
        database.close()


if __name__ == "__main__":
    main()
