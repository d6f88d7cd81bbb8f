"""Broadcast planning benchmark. Run by hand; prints its figures.

    .venv/bin/python bench/broadcast.py [--people 100000] [--villages 500]

Builds a temporary database with ``--people`` registered followers (people + users rows, a third of
them with a verified planting) in ``--villages`` villages, then measures, each on its own:

1. ``plan(all)``: count and preview of every follower (target: < 10 s for 100,000);
2. ``plan(below-quota)``: the same for people with something left to do (their numbers computed);
3. ``plan(village:…)``: one village;
4. starting the broadcast to everyone: one outbox row per follower, queued in batches of 1,000;
5. the weekly nudge job over the same roster.

Memory: the Python heap peak of each step (tracemalloc) stays flat as the roster grows, because
recipients are read through a cursor and written in batches; the process's peak RSS (resource) is
printed at the end. The WeChat sends themselves are limited by ``outbox.rate_per_second``, not here.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot import broadcasts, reminders  # noqa: E402
from bot import config as config_mod  # noqa: E402
from bot.app import create_context  # noqa: E402
from bot.db import transaction  # noqa: E402

ROLES = ["群众"] * 90 + ["党员"] * 7 + ["村干部"] * 2 + ["村书记"]


def build_roster(db, people: int, villages: int) -> None:
    now = "2027-03-01T00:00:00"
    with transaction(db):
        db.conn.executemany(
            "INSERT INTO villages (id, name, kind, town, created_at) VALUES (?, ?, '村', ?, ?)",
            ((v, f"村{v}", f"镇{v % 20}", now) for v in range(1, villages + 1)),
        )
        db.conn.executemany(
            "INSERT INTO people (id, name, village_id, role, birth_year, household, openid, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (p, f"人{p}", p % villages + 1, ROLES[p % len(ROLES)], 1950 + p % 50, f"H{p // 2}", f"o-{p:07d}", now)
                for p in range(1, people + 1)
            ),
        )
        db.conn.executemany(
            "INSERT INTO users (openid, subscribed, reminders_off, cs_sent_since_inbound, created_at)"
            " VALUES (?, 1, ?, 0, ?)",
            ((f"o-{p:07d}", int(p % 50 == 0), now) for p in range(1, people + 1)),
        )
        db.conn.executemany(
            "INSERT INTO plantings (openid, person_id, village_id, kind, species, count, status, review,"
            " created_at, completed_at) VALUES (?, ?, ?, 'tree', '桂花', 1, 'complete', 'none', ?, ?)",
            ((f"o-{p:07d}", p, p % villages + 1, now, now) for p in range(1, people + 1, 3)),
        )


def measure(label: str, fn, heap: bool = True):
    """Time ``fn`` (without tracing: tracemalloc slows Python down), then its heap peak in a second run."""
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    peak = ""
    if heap:
        tracemalloc.start()
        fn()
        peak = f"heap peak {tracemalloc.get_traced_memory()[1] / 1e6:6.2f} MB"
        tracemalloc.stop()
    print(f"{label:<34} {seconds:7.2f} s   {peak:<22} {result}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--villages", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = config_mod.load(env={}).with_overrides(
            {"storage.database": f"{tmp}/bench.db", "storage.photos": f"{tmp}/photos"}
        )
        app = create_context(config)
        db = app.db
        started = time.perf_counter()
        build_roster(db, args.people, args.villages)
        print(f"roster: {args.people} people in {args.villages} villages ({time.perf_counter() - started:.1f} s)")
        now = datetime(2027, 3, 8, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
        app.clock = lambda: now
        measure("plan(all)", lambda: broadcasts.plan(db, config, "all").count)
        measure("plan(below-quota)", lambda: broadcasts.plan(db, config, "below-quota").count)
        measure("plan(village:村7)", lambda: broadcasts.plan(db, config, "village:村7").count)

        def start_all():
            broadcast_id = broadcasts.create(db, config, segment="all", text="植树节通知", now=now)
            return broadcasts.start_due_broadcasts(app, now)["started"][broadcast_id]

        measure("start broadcast to all (queue)", start_all)  # the heap run is a 2nd broadcast
        measure("weekly nudge job", lambda: reminders.weekly_nudges(app, now)["queued"])  # 2nd run: all sent
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of the process: {rss_mb:.0f} MB")
        app.databases.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
