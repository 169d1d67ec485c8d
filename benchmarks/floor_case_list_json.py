"""The floor for ``keidesk case list --json``: the same fields read with plain ``sqlite3``
and written with one ``json.dumps``, byte for byte the same output, with none of keidesk's layers.

.venv/bin/python -m benchmarks.floor_case_list_json DB [--limit N] > out.json

Compare whole processes, alternating (A B A B ...), e.g. with ``/usr/bin/time -v`` or
``hyperfine``: ``keidesk --db DB --json case list [--limit N]`` against this script.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import UTC, datetime

SQL = """
SELECT c.id, v.chassis_number, v.make, v.model, v.built, v.fmvss_eligible_on, cu.name,
       c.destination_state, c.stage, c.stage_since,
       EXISTS (SELECT 1 FROM workflow_steps s WHERE s.status = 'blocked' AND s.case_id = c.id),
       c.eta
FROM cases c
JOIN vehicles v ON v.id = c.vehicle_id
LEFT JOIN customers cu ON cu.id = c.customer_id
ORDER BY c.id
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    connection = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    sql = SQL if args.limit is None else f"{SQL} LIMIT {int(args.limit)}"
    rows = [
        {
            "id": row[0],
            "number": f"KD-{row[0]:06d}",
            "chassis": row[1],
            "make": row[2],
            "model": row[3],
            "built": row[4],
            "fmvss_eligible_on": row[5],
            "customer": row[6],
            "state": row[7],
            "stage": row[8],
            "stage_since": datetime.fromisoformat(row[9]).replace(tzinfo=UTC).isoformat(),
            "blocked": bool(row[10]),
            "eta": row[11],
        }
        for row in connection.execute(sql)
    ]
    # One write: json.dump would write token by token (millions of tiny writes).
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
