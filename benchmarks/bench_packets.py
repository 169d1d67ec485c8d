"""Packet building speed: one full handover packet warm in one process, and a batch of 500
with one worker and with two, alternated pair by pair (so a change in what else the machine
is doing hits both alike); the ratio is taken per pair and quoted as median and range.

    .venv/bin/python -m benchmarks.bench_packets [--cases 500] [--pairs 3]

Uses a temporary database filled by the demo builder plus one case with every field and
every document attached (the "full" packet). Figures are printed, not asserted; per page as
well as per packet (packets change length), and in CPU time as well as wall time (the CPU
time of this process and its workers moves less with what else the machine is doing).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from keidesk.packets import PacketKind, Paper, build_packet, gather, render_packet
from keidesk.packets.batch import build_batch
from keidesk.services import cases, demo
from keidesk.services.documents import AttachmentStore
from keidesk.storage.database import open_database
from tests.packets import samples

TODAY = date(2026, 11, 21)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: shows whether cores were free."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--pairs", type=int, default=3, help="1-worker/2-worker batch pairs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        os.environ["KEIDESK_DATA_DIR"] = str(folder / "data")
        database = open_database(folder / "bench.sqlite3")
        samples.set_profile(database, folder)

        def make_case(**kw: object) -> int:
            kw.setdefault("today", TODAY)
            for key in ("built", "first_registered"):
                if isinstance(kw.get(key), str):
                    kw[key] = samples.parse_date(str(kw[key]))
            with database.transaction("bench") as session:
                return cases.create_case(session, **kw)  # type: ignore[arg-type]

        full = samples.rich_case(database, make_case, folder)
        store = AttachmentStore(database.folder)

        # One full handover packet, warm: gather + render (in memory), then with write+record.
        render_times = []
        cpu_before = _cpu_seconds()
        for _ in range(args.repeat):
            start = time.perf_counter()
            with database.reader() as session:
                data = gather(session, store, full, PacketKind.HANDOVER, today=TODAY)
            packet = render_packet(data, Paper.LETTER)
            render_times.append(time.perf_counter() - start)
        render_cpu = (_cpu_seconds() - cpu_before) / args.repeat
        build_times = []
        for index in range(args.repeat):
            start = time.perf_counter()
            build_packet(
                database,
                full,
                PacketKind.HANDOVER,
                folder / f"full-{index}.pdf",
                user="bench",
                today=TODAY,
            )
            build_times.append(time.perf_counter() - start)
        print(
            f"full handover packet ({packet.pages} pages, {len(packet.pdf) // 1024} KiB): "
            f"render median {statistics.median(render_times[1:]) * 1000:.0f} ms, "
            f"first {render_times[0] * 1000:.0f} ms; "
            f"build+write+record median {statistics.median(build_times) * 1000:.0f} ms; "
            f"per page: render {statistics.median(render_times[1:]) * 1000 / packet.pages:.1f} ms, "
            f"{render_cpu * 1000 / packet.pages:.1f} CPU-ms"
        )

        with database.transaction("bench") as session:
            demo.build_demo(session, cases=args.cases, today=TODAY)
        with database.reader() as session:
            ids = list(range(2, args.cases + 2))
            assert cases.case_detail(session, ids[-1], today=TODAY)
        runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for pair in range(args.pairs):
            for workers in (1, 2):
                out = folder / f"batch-{pair}-{workers}"
                cpu_before = _cpu_seconds()
                start = time.perf_counter()
                result = build_batch(
                    database,
                    ids,
                    PacketKind.HANDOVER,
                    out,
                    user="bench",
                    today=TODAY,
                    workers=workers,
                )
                runs[workers].append((time.perf_counter() - start, _cpu_seconds() - cpu_before))
                assert len(result.built) == len(ids)
        pages = sum(item.pages for item in result.built)
        for workers, timings in runs.items():
            walls = [wall for wall, _ in timings]
            cpus = [cpu for _, cpu in timings]
            wall = statistics.median(walls)
            print(
                f"batch of {len(ids)} handover packets ({pages} pages), {workers} process(es): "
                f"wall median {wall:.2f} s ({min(walls):.2f}-{max(walls):.2f}), "
                f"CPU median {statistics.median(cpus):.2f} s ({min(cpus):.2f}-{max(cpus):.2f}); "
                f"{wall / len(ids) * 1000:.0f} ms per packet"
            )
        speedups = sorted(one[0] / two[0] for one, two in zip(runs[1], runs[2], strict=True))
        cpu_ratios = sorted(two[1] / one[1] for one, two in zip(runs[1], runs[2], strict=True))
        print(
            f"two workers vs one, per pair: {statistics.median(speedups):.2f}x faster "
            f"({speedups[0]:.2f}-{speedups[-1]:.2f}), using {statistics.median(cpu_ratios):.2f}x "
            f"the CPU time ({cpu_ratios[0]:.2f}-{cpu_ratios[-1]:.2f}); load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (this run adds up to 2; "
            "more means other work shared the cores, and the speed-up cannot reach 2x)"
        )
        database.close()


if __name__ == "__main__":
    main()
