"""The login throttle: a short delay that grows with each failure, per (address, name) and per address.

* ``dashboard.login_max_failures`` failures for one name from one address are free; after that each
  attempt from there waits ``dashboard.login_delay_seconds`` after the last failure, doubled with
  each further failure, at most ``dashboard.login_lock_minutes``. One address gets four times as many
  free failures across all names (an office behind one NAT) before its attempts wait the same way.
* Failures are forgotten once ``dashboard.login_lock_minutes`` pass without one (per address), and a
  good login forgets that name's failures from that address.
* Nothing locks a name: the right password from another address is never kept waiting by someone
  else's guesses.
* ``reserve`` counts and records in one transaction: each attempt is recorded as a failure before its
  password is checked (and forgotten if it was right), so parallel attempts see each other and no
  more than the free ones get through at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import clock
from bot.store import dashboard as store

ADDRESS_FAILURE_FACTOR = 4


@dataclass(frozen=True)
class Rules:
    free_failures: int  # per (address, name)
    first_delay: float  # seconds
    longest_delay: float  # seconds; also how long a quiet address's failures are kept

    @classmethod
    def of(cls, config) -> Rules:
        return cls(
            int(config.get("dashboard.login_max_failures")),
            float(config.get("dashboard.login_delay_seconds")),
            float(config.get("dashboard.login_lock_minutes")) * 60,
        )


def delay(failures: int, free: int, rules: Rules) -> float:
    """Seconds to wait after the last of ``failures``: none while free, then first, 2×first, … at most longest."""
    if failures < free:
        return 0.0
    return min(rules.longest_delay, rules.first_delay * 2 ** min(failures - free, 40))


def reserve(db, username: str, remote_addr: str, now: datetime, rules: Rules) -> float:
    """Inside a transaction: the seconds this attempt must still wait (nothing recorded), or 0 after
    recording it as a failure (``forget`` undoes that when the password is right)."""
    quiet_since = clock.to_db(now - timedelta(seconds=rules.longest_delay))
    store.forget_quiet_login_failures(db, quiet_since)
    kept = store.login_failure_streaks(db, username, remote_addr)
    wait = 0.0
    for failures, last, free in (
        (kept["pair"], kept["pair_last"], rules.free_failures),
        (kept["address"], kept["address_last"], rules.free_failures * ADDRESS_FAILURE_FACTOR),
    ):
        if last is not None:
            ready = clock.from_db(last) + timedelta(seconds=delay(failures, free, rules))
            wait = max(wait, (ready - now).total_seconds())
    if wait > 0:
        return wait
    store.record_login_failure(db, username, remote_addr, clock.to_db(now))
    return 0.0


def forget(db, username: str, remote_addr: str) -> None:
    """A good login: this name's failures from this address (this attempt's included) are forgotten."""
    store.clear_login_failures(db, username, remote_addr)
