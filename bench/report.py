"""Benchmark: progress for every village and the monthly report on a `demo --scale` county.

    .venv/bin/python bench/report.py [--scale 10] [--db PATH]

Builds the demo county in a temporary database (or reuses --db if it already has villages),
then times all_villages_progress (target < 300 ms), the daily series, people_left_to_do and
`report --month` for March and May (target < 10 s). Wall and CPU time are printed: on a busy
machine the CPU time is the fairer figure.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import config as config_mod  # noqa: E402
from bot import demo, progress, reports  # noqa: E402
from bot.app import create_context  # noqa: E402
from bot.config import ROOT  # noqa: E402
from bot.store import demo as demo_store  # noqa: E402


def timed(label: str, fn):
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<42} {time.perf_counter() - start:8.2f} s wall {time.process_time() - cpu:8.2f} s cpu", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--db", help="an existing database (default: a fresh temporary one)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-report-"))
    db_path = Path(args.db) if args.db else workdir / "bench.db"
    cfg = config_mod.load(ROOT / "config.toml", env={}).with_overrides(
        {"storage.database": str(db_path), "storage.photos": str(db_path.parent / "photos")}
    )
    app = create_context(cfg)
    db = app.db
    if not demo_store.village_count(db):
        counts = timed(f"demo --scale {args.scale}", lambda: demo.fill(db, cfg, scale=args.scale))
        print(f"  {counts.villages} villages, {counts.people} people, {counts.plantings} plantings")
    villages = timed("all_villages_progress (now, first call)", lambda: progress.all_villages_progress(db, cfg))
    timed("all_villages_progress (second call)", lambda: progress.all_villages_progress(db, cfg))
    march = reports.month_end_utc(2027, 3, cfg.get("campaign.timezone"))
    timed("all_villages_progress (end of March)", lambda: progress.all_villages_progress(db, cfg, until=march))
    timed("towns + overall", lambda: (progress.towns_progress(villages), progress.overall_progress(villages)))
    timed("daily_series (county)", lambda: progress.daily_series(db, cfg))
    timed("village_progress (one village)", lambda: progress.village_progress(db, cfg, villages[0].village_id))
    timed("people_left_to_do (every person)", lambda: sum(1 for _ in progress.people_left_to_do(db, cfg)))
    report = timed("build_report 2027-03 (3 months of history)", lambda: reports.build_report(app, 2027, 3))
    out = workdir / "report-2027-03.xlsx"
    timed("write_workbook", lambda: reports.write_workbook(report, app, out))
    timed(
        "report 2027-05 end to end (5 months)",
        lambda: reports.write_workbook(reports.build_report(app, 2027, 5), app, workdir / "report-2027-05.xlsx"),
    )
    print(f"villages: {len(villages)}; workbook: {out} ({out.stat().st_size // 1024} KiB)")
    app.databases.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
