"""APScheduler wiring. Jobs are plain functions ``job(app, now)``.

``jobs(app)`` is the one list of scheduled work (the capabilities' ``JOBS`` between
the media download and the outbox sender); ``run_due`` runs each once with a
given clock (that is all ``python run.py tick --now …`` does), and ``start``
hands the same list to an APScheduler BackgroundScheduler. Every job is
idempotent at a given moment (outbox dedupe keys, row states), so a second
tick or a restart neither loses nor repeats a send. Missed runs are coalesced.

Exactly one process runs the jobs: each run first takes or renews the
``scheduler`` lease in the database; a process that does not hold it skips.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot import clock
from bot.db import transaction
from bot.store import leases

log = logging.getLogger(__name__)
LEASE = "scheduler"
LEASE_SECONDS = 60


@dataclass(frozen=True)
class Job:
    name: str
    fn: Callable  # fn(app, now) -> anything printable
    every_seconds: float
    # for_user(app, now, openid): one user's share of the job, when its work can be split by user (the simulator
    # runs only its user's share of such a job, so that it never does the whole county's backlog)
    for_user: Callable | None = None


def _send_outbox(app, now: datetime):
    from bot.outbox import Sender

    return app.service("sender", lambda a: Sender(a.config, a.api)).run(app.db, now)


def _download_media(app, now: datetime):
    from bot.media import download_due

    return download_due(app, now)


def jobs(app) -> list[Job]:
    """Every scheduled job, in the order ``tick`` runs them: the media download first, the capabilities'
    jobs (``app.jobs``), the outbox sender last."""
    every = app.config.get("outbox.send_interval_seconds")
    media_every = app.config.get("media.download_interval_seconds")
    return [
        Job("download_media", _download_media, media_every),
        *app.jobs,
        Job("send_outbox", _send_outbox, every),
    ]


def run_due(app, now: datetime) -> dict[str, object]:
    """Run every job once at ``now`` (the ``tick`` command)."""
    return {job.name: job.fn(app, now) for job in jobs(app)}


def holds_lease(app, holder: str) -> bool:
    now = clock.utcnow()
    with transaction(app.db):
        return leases.acquire(
            app.db, LEASE, holder, clock.to_db(now), clock.to_db(now + timedelta(seconds=LEASE_SECONDS))
        )


def start(app, holder: str | None = None) -> BackgroundScheduler:
    """The jobs on a background scheduler, run while ``holder`` (default ``<host>:<pid>``) holds the lease."""
    holder = holder or default_holder()
    scheduler = BackgroundScheduler(
        timezone=app.tz, job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60}
    )

    def guarded(job: Job):
        def run():
            if not holds_lease(app, holder):
                return
            try:
                job.fn(app, app.clock())
            except Exception:  # noqa: BLE001 - one failing run must not stop the scheduler
                log.exception("job %s failed", job.name)

        return run

    for job in jobs(app):
        scheduler.add_job(guarded(job), "interval", seconds=job.every_seconds, id=job.name, name=job.name)
    scheduler.start()
    log.info("scheduler started (%d jobs) as %s", len(scheduler.get_jobs()), holder)
    return scheduler


def default_holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def stop(app, scheduler: BackgroundScheduler, holder: str | None = None) -> None:
    """Let a running job finish, then give the lease up, so that another process may take it at once."""
    scheduler.shutdown(wait=True)
    with transaction(app.db):
        leases.release(app.db, LEASE, holder or default_holder())
