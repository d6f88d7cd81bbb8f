"""Proofs of who is writing, for 登记 (bot/identity.py): one-time invite codes, the phone check, and the limits
that make guessing either impractical.

* **Invite codes.** ``invite NAME [--village V]`` (and the dashboard's 名册 page) create, or renew, a code for
  one roster person: 6 digits, valid ``registration.invite_days`` (7), single use; a new code replaces the
  old one. Only its hash is kept; the code is printed once and never logged. The person sends
  ``绑定 <code>`` or ``登记 <姓名> <村> <code>``; a code binds any roster person, and is the only proof a staff
  role takes from the chat (bot/identity.py).
* **The phone check.** A roster villager (not staff) with a phone on file confirms its last 4 digits before
  the binding holds; ``registration.phone_tries`` (3) wrong answers and the claim waits for the village's
  cadres or an admin (登记冲突). The phone itself is never shown in chat.
* **Limits.** Every wrong code (wrong, expired, used) and every wrong phone answer is recorded. Within 24
  hours a WeChat user gets ``registration.max_failures_per_day`` (5) wrong codes, and so does each roster
  person a code names; past that no code is checked at all (even a right one) until the day has passed. So
  the million codes cannot be tried: 5 a day per WeChat account.
"""

from __future__ import annotations

import hashlib
import secrets
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import clock
from bot.db import transaction
from bot.roster import ADVISER, match_village
from bot.store import proofs as store
from bot.store import roster as roster_store

CODE_DIGITS = 6
PHONE_DIGITS = 4
DAY = timedelta(hours=24)


def code_hash(code: str) -> str:
    return hashlib.sha256(f"lvmei-invite:{code}".encode()).hexdigest()


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def phone_matches(phone: str | None, answer: str) -> bool:
    """Are these the last 4 digits of the roster phone?"""
    digits = "".join(c for c in (phone or "") if c.isdigit())
    return len(digits) >= PHONE_DIGITS and answer == digits[-PHONE_DIGITS:]


@dataclass(frozen=True)
class Invite:
    code: str
    expires_at: datetime


def create_invite(app, db, person: dict, *, by: str, now: datetime) -> Invite:
    """Create or renew ``person``'s code (inside a transaction). The code is returned once, never stored."""
    expires = now + timedelta(days=int(app.config.get("registration.invite_days")))
    stamp = clock.to_db(now)
    while True:
        code = new_code()
        if not store.live_code_taken(db, code_hash(code), stamp):  # a live code names one person
            break
    store.put_code(db, person["id"], code_hash(code), by, stamp, clock.to_db(expires))
    return Invite(code, expires)


@dataclass(frozen=True)
class Redemption:
    status: str  # ok | wrong | expired | used | limited
    person_id: int | None = None


def redeem(app, db, *, openid: str, code: str, now: datetime, person_id: int | None = None) -> Redemption:
    """Use a code (inside the message's transaction). ``person_id``: only that person's code counts (the
    ``登记 <姓名> <村> <code>`` form names them; None: ``绑定 <code>``). Every failure is recorded; past the daily
    limit of the sender or of the named person nothing is checked (``limited``)."""
    stamp = clock.to_db(now)
    if over_code_limit(app, db, openid, person_id, now):
        return Redemption("limited", person_id)
    rows = [r for r in store.codes_with_hash(db, code_hash(code)) if person_id is None or r["person_id"] == person_id]
    found = rows[0] if rows else None
    if found and person_id is None and over_code_limit(app, db, openid, found["person_id"], now):
        return Redemption("limited", found["person_id"])  # that person's code rests for the day
    if found is None:
        status = "wrong"
    elif found["used_at"]:
        status = "used"
    elif found["expires_at"] <= stamp:
        status = "expired"
    elif not store.mark_used(db, found["person_id"], openid, stamp):
        status = "used"
    else:
        return Redemption("ok", found["person_id"])
    about = found["person_id"] if found else person_id
    # sending one's own used code again is no guess
    if not (status == "used" and found is not None and found["used_by"] == openid):
        record_code_failure(db, openid, about, now)
    return Redemption(status, about)


def over_code_limit(app, db, openid: str, person_id: int | None, now: datetime) -> bool:
    """Has this WeChat user, or the roster person named, had ``registration.max_failures_per_day`` wrong codes
    within 24 hours?"""
    since, limit = clock.to_db(now - DAY), int(app.config.get("registration.max_failures_per_day"))
    return store.failures_since(db, "code", since, openid=openid) >= limit or (
        person_id is not None and store.failures_since(db, "code", since, person_id=person_id) >= limit
    )


def record_code_failure(db, openid: str, person_id: int | None, now: datetime) -> None:
    """A wrong code; also a code sent with a name that is no roster person."""
    store.forget_failures_before(db, clock.to_db(now - DAY))
    store.record_failure(db, openid, person_id, "code", clock.to_db(now))


def phone_tries_left(app, db, person_id: int, openid: str, now: datetime) -> int:
    """How many wrong phone answers this claim may still give (per person and per WeChat user, 24 hours)."""
    since = clock.to_db(now - DAY)
    used = max(
        store.failures_since(db, "phone", since, person_id=person_id),
        store.failures_since(db, "phone", since, openid=openid),
    )
    return max(int(app.config.get("registration.phone_tries")) - used, 0)


def record_phone_failure(db, openid: str, person_id: int, now: datetime) -> None:
    store.forget_failures_before(db, clock.to_db(now - DAY))
    store.record_failure(db, openid, person_id, "phone", clock.to_db(now))


# -- `python run.py invite NAME [--village V]` ----------------------------------------------------------
def villages_of(db, person: dict) -> list[dict]:
    """A person's village, and an adviser's linked villages."""
    own = [roster_store.village(db, person["village_id"])] if person["village_id"] else []
    linked = roster_store.villages_of_adviser(db, person["id"]) if person["role"] == ADVISER else []
    return list({v["id"]: v for v in [*own, *linked] if v}.values())


def people_to_invite(db, name: str, village_text: str | None) -> list[tuple[dict, list[dict]]]:
    """The roster people of this name (in a village matching ``village_text``, if given), with their villages."""
    found = [(p, villages_of(db, p)) for p in roster_store.roster_people_named(db, name)]
    if village_text:
        wanted = {v["id"] for v in match_village(village_text, roster_store.all_villages(db))}
        found = [(p, villages) for p, villages in found if wanted & {v["id"] for v in villages}]
    return found


def invite_arguments(parser) -> None:
    parser.add_argument("name", help="the roster person (姓名)")
    parser.add_argument("--village", help="their village or community, when the name is in several")


def cmd_invite(args, app) -> int:
    """Print a new one-time code for a roster person: the code is the last token of the last line."""
    found = people_to_invite(app.db, args.name, args.village)
    where = app.t("registration.invite_in_village", village=args.village) if args.village else ""
    if not found:
        print(app.t("registration.invite_unknown", name=args.name, where=where), file=sys.stderr)
        return 1
    if len(found) > 1:
        names = "、".join("/".join(v["name"] for v in villages) or "—" for _p, villages in found)
        print(app.t("registration.invite_ambiguous", name=args.name, n=len(found), villages=names), file=sys.stderr)
        return 2
    person, villages = found[0]
    now = app.clock()
    with transaction(app.db):
        invite = create_invite(app, app.db, person, by="cli", now=now)
    print(
        app.t(
            "registration.invite_printed",
            name=person["name"],
            role=person["role"],
            village=villages[0]["name"] if villages else "—",
            days=app.config.get("registration.invite_days"),
            until=clock.local(invite.expires_at, app.tz).strftime("%Y-%m-%d %H:%M"),
            code=invite.code,
        )
    )
    return 0
