"""Benchmark: dashboard pages on a `demo --scale 10` county (~500 villages, ~200,000 plantings).

    .venv/bin/python bench/dashboard.py [--scale 10] [--db PATH] [--runs 5]

Builds the demo county in a temporary database (or reuses --db if it already has villages), logs in
through the real login form and times each page through the Flask test client (the full request:
session, access rules, queries, templates, SVG). Target: overview and village page under 300 ms.
Prints the median and worst of --runs requests per page, and the first overview, which computes
the county snapshot (bot/dashboard/snapshot.py) that later views reuse for dashboard.cache_seconds.
The demo at scale 10 has ~160,000 records; --plantings tops it up with copies of its own records.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.security import generate_password_hash  # noqa: E402

from bot import config as config_mod  # noqa: E402
from bot import demo  # noqa: E402
from bot.app import create_app, create_context  # noqa: E402
from bot.config import ROOT  # noqa: E402
from bot.db import transaction  # noqa: E402
from bot.store import admins  # noqa: E402
from bot.store import demo as demo_store  # noqa: E402

TARGET_MS = 300
PASSWORD = "bench-password"


def login(client) -> None:
    html = client.get("/admin/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    response = client.post("/admin/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, response.status_code


def time_page(client, url: str, runs: int) -> tuple[float, float, int]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), max(times), len(response.data)


def top_up(db, target: int) -> None:
    """Copy existing records (same villages and people) until there are ``target`` plantings."""
    missing = target - db.execute("SELECT COUNT(*) FROM plantings").fetchone()[0]
    if missing <= 0:
        return
    columns = [c.name for c in db["plantings"].columns if c.name != "id"]
    names = ", ".join(columns)
    db.execute(f"INSERT INTO plantings ({names}) SELECT {names} FROM plantings ORDER BY id LIMIT ?", [missing])
    print(f"added {missing} copied plantings to reach {target}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--db", help="an existing database (default: a fresh temporary one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plantings", type=int, default=200_000, help="top up to this many records")
    args = parser.parse_args()
    db_path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="bench-dashboard-")) / "bench.db"
    cfg = config_mod.load(ROOT / "config.toml", env={}).with_overrides(
        {"storage.database": str(db_path), "storage.photos": str(db_path.parent / "photos")}
    )
    ctx = create_context(cfg)
    db = ctx.db
    if not demo_store.village_count(db):
        start = time.perf_counter()
        demo.fill(db, cfg, scale=args.scale)
        print(f"demo --scale {args.scale} built in {time.perf_counter() - start:.1f} s")
    with transaction(db):
        admins.upsert(db, "bench", generate_password_hash(PASSWORD), "admin", "2027-01-01T00:00:00")
        top_up(db, args.plantings)
    villages = db.execute("SELECT COUNT(*) FROM villages").fetchone()[0]
    plantings = db.execute("SELECT COUNT(*) FROM plantings").fetchone()[0]
    busiest = db.execute(
        "SELECT village_id FROM plantings GROUP BY village_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    print(f"database {db_path}: {villages} villages, {plantings} plantings")

    client = create_app(cfg, ctx).test_client()
    login(client)
    pages = [
        ("overview", "/admin/", True),
        (f"village #{busiest} (most records)", f"/admin/villages/{busiest}", True),
        ("villages table", "/admin/villages", False),
        ("villages sorted + filtered", "/admin/villages?sort=survival&dir=desc&kind=村", False),
        ("review queue", "/admin/review", False),
        ("tickets", "/admin/tickets", False),
    ]
    start = time.perf_counter()
    client.get("/admin/")  # the first view computes the county snapshot (then refreshed in the background)
    print(f"first overview (computes the county snapshot): {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"{'page':<40} {'median':>9} {'worst':>9} {'size':>9}")
    failed = False
    for label, url, has_target in pages:
        median, worst, size = time_page(client, url, args.runs)
        verdict = ("ok" if median < TARGET_MS else "SLOW") if has_target else ""
        failed |= verdict == "SLOW"
        print(f"{label:<40} {median:7.0f}ms {worst:7.0f}ms {size / 1024:7.0f}KB  {verdict}")
    print(f"target: overview and village page median under {TARGET_MS} ms")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
