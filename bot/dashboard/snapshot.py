"""The county-wide progress the overview and the villages table show, kept for a short while.

Computing every village's progress reads every planting and every person (seconds for a county of
500 villages and 200,000 records; the standings add the same at the end of each campaign month before
this one, for the lag history), far too slow for each page view. The snapshot is computed once,
served for ``dashboard.cache_seconds``, then refreshed in the background while the previous one is
still served (stale-while-revalidate), so no page waits for it except the very first. A review
decision on the dashboard drops the snapshot, so the next page computes a fresh one. A village's
own page never uses the snapshot: it is always current (one village is quick to compute).
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot import clock, progress, standings
from bot.store import dashboard as store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CountyProgress:
    villages: list[progress.VillageProgress]
    standings: dict[int, standings.Standing]  # village_id -> its standing today (status, rank, streak)
    daily: list[progress.DayPoint]
    computed_at: float


class Snapshot:
    def __init__(self, app, max_age: float):
        self.app = app
        self.max_age = max_age
        self._value: CountyProgress | None = None
        self._lock = threading.Lock()  # one computation at a time
        self._refreshing = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard-snapshot")

    def _compute(self) -> CountyProgress:
        db, config = self.app.db, self.app.config
        villages = progress.all_villages_progress(db, config)
        today = standings.today(self.app, data_now(self.app), villages)
        return CountyProgress(
            villages, {s.village.village_id: s for s in today}, progress.daily_series(db, config), time.monotonic()
        )

    def get(self) -> CountyProgress:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._compute()
                return self._value
        if time.monotonic() - value.computed_at > self.max_age and not self._refreshing:
            self._refreshing = True
            self._worker.submit(self._refresh)
        return value

    def _refresh(self) -> None:
        try:
            with self._lock:
                self._value = self._compute()
        except Exception:  # noqa: BLE001 - keep serving the previous snapshot; try again next time
            log.exception("dashboard snapshot refresh failed")
        finally:
            self._refreshing = False

    def invalidate(self) -> None:
        self._value = None


def data_now(app):
    """The dashboard's now: the program clock, or the newest record's time when the data runs past it (the demo
    county lies in campaign.year whatever today is): standings, ages and the charts count from it."""
    now = app.clock()
    newest = store.newest_record_at(app.db)
    return max(now, clock.from_db(newest)) if newest else now


def _snapshot(app) -> Snapshot:
    seconds = float(app.config.get("dashboard.cache_seconds"))
    return app.service("dashboard.snapshot", lambda a: Snapshot(a, seconds))


def county(app) -> CountyProgress:
    return _snapshot(app).get()


def invalidate(app) -> None:
    _snapshot(app).invalidate()
