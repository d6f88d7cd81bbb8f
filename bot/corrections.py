"""A finished planting record corrected by its village's cadres or the office (round 75's trust fix, issue 17):
withdrawn (作废) or its count (and tree) changed, whenever it was finished and whether or not it was checked; a
withdrawn one restored (恢复, round 77: the wrong number withdrawn).

A record's sender may withdraw or correct it themselves only within ``planting.withdraw_minutes`` and before the
village checked it (bot/planting.py ``withdraw_refusal``); after that the replies send them to the village's cadres,
who correct it here: in the chat (``更正记录 12 3棵 [原因]``, ``作废记录 12 [原因]``, ``恢复记录 12 [原因]``,
handlers/corrections.py), or on the
dashboard's record page (/admin/records/<id>, bot/dashboard/correction_pages.py; the office: any record). Rules:

- only a ``complete`` record, never one rejected in review (the review's decision stands) or withdrawn already: the
  reply says so and nothing changes;
- a restore only of a ``withdrawn`` record (whoever withdrew it): status ``complete`` again, its review as it was, so it
  counts again everywhere; a record not withdrawn is said so and never counted twice, nor one whose photo a live
  record holds since (``reported_again``: its trees were reported again, as the late replies ask);
- a withdrawal sets status ``withdrawn`` as the sender's own 作废 does (the row kept; every count reads ``complete``, so
  it leaves every figure at once); a recount keeps ``recounted_from`` the first time, as round 48 does, and leaves the
  review as it was (a cadre's correction is itself a check);
- every correction is one audit row (bot/store/corrections.py: before, after, reason, who, channel, when); a reason is
  required (at most ``REASON_MAX`` characters; the chat's default ``corrections.default_reason`` when none is said);
- the sender is told through the outbox after quiet hours, once per correction (``reminders.queue_notice``); a 代种
  record's household too (round 77), when its person is on WeChat (bound openid, subscribed);
- the dashboard's snapshot is dropped, so the overview counts the change at once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot import clock, nlu, planting, reminders
from bot.conversation import Flow
from bot.dashboard import snapshot
from bot.store import corrections as store
from bot.store import plantings as plantings_store
from bot.store import roster as roster_store
from bot.store import users as users_store

log = logging.getLogger(__name__)

WITHDRAW, RECOUNT, RESTORE = "withdraw", "recount", "restore"
ACTIONS = (WITHDRAW, RECOUNT, RESTORE)
DASHBOARD, CHAT = "dashboard", "chat"
REASON_MAX = 200
# why a record is not corrected
MISSING, WITHDRAWN, REJECTED, NOT_FINISHED, SAME = "missing", "withdrawn", "rejected", "not_finished", "same"
NOT_WITHDRAWN = "not_withdrawn"  # a restore of a record that counts already
REPORTED_AGAIN = "reported_again"  # a restore of a record whose photo a later record holds (its trees reported again)
# the messages tables labelling an audit row's codes: the one place the export (handlers/corrections.py) and the record
# page (bot/dashboard/correction_pages.py) read (round 77)
LABEL_SECTIONS = {"action": "corrections.actions", "channel": "corrections.channels"}
# the fields an audit row keeps of a record, before and after
KEPT = ("count", "species", "area_mu", "status")


# confirm {planting_id, action, fields, reason}: a cadre's correction in the chat waits for a clear yes (确定, or 确定
# with the reason); 取消 or the timeout leave the record as it is. Its table is in handlers/corrections.py, its diagram
# in docs/planting.md.
FLOW = Flow("correction", ("confirm",), choice_states=("confirm",))


@dataclass(frozen=True)
class Said:
    """A cadre's correction as said: ``更正记录 12 3棵 数错了`` -> (RECOUNT, 12, {'count': 3}, '数错了');
    ``fields`` None: a recount whose count was not read."""

    action: str
    planting_id: int
    fields: dict | None
    reason: str


_BREAK_RE = re.compile(r"[\s,，。;；:：]+")
_COUNT_FIRST_RE = re.compile(r"^((?:改成|改为|改做)?[0-9零一二两三四五六七八九十百]+(?:棵|株|苗))(.+)$")
_NUMBER_RE = re.compile(r"^第?(\d{1,9})号?(?:记录)?")


def read_command(text: str, commands: Mapping[str, Iterable[str]], species_table: Mapping, others=()) -> Said | None:
    """``commands``: action -> its command words (corrections.commands.*). None when the text starts with none of them
    followed by a record's number."""
    said = (text or "").strip()
    for action, words in commands.items():
        for word in sorted(words, key=len, reverse=True):
            if not said.startswith(word):
                continue
            rest = said[len(word) :].strip()
            number = _NUMBER_RE.match(rest)
            if number is None:
                continue
            rest = rest[number.end() :].strip(" ，,。:：")
            if action != RECOUNT:
                return Said(action, int(number[1]), None, clean_reason(rest)[:REASON_MAX])
            fields, reason = _count_then_reason(rest, species_table, others)
            return Said(RECOUNT, int(number[1]), fields, clean_reason(reason)[:REASON_MAX])
    return None


def _count_then_reason(rest: str, species_table: Mapping, others) -> tuple[dict | None, str]:
    """'3棵荔枝 数错了' -> ({'count': 3, 'species': '荔枝', 'species_known': 1}, '数错了'); '3棵数错了' and, round 76,
    '3棵荔枝数错了' (the tree as the reader named it, then the reason with no space) too."""
    parts = _BREAK_RE.split(rest, maxsplit=1)
    head, reason = parts[0], parts[1] if len(parts) > 1 else ""
    fields = count_fields(head, species_table, others)
    found = _COUNT_FIRST_RE.match(head)
    if found is None:
        return fields, reason
    after = _after_tree(found[2], species_table, others)
    if after is not None:
        tree = found[2][: len(found[2]) - len(after)]
        return count_fields(found[1] + tree, species_table, others), (after + " " + reason).strip()
    if fields is None or "species" not in fields:
        return count_fields(found[1], species_table, others), (found[2] + " " + reason).strip()
    return fields, reason


def _after_tree(text: str, species_table: Mapping, others) -> str | None:
    """What follows a known tree's name at the start of ``text`` ('荔枝数错了' -> '数错了'; '龙眼树' -> ''): the shortest
    start the reader names as a listed tree (the same as the whole's, when the whole names one), a 树 after it kept
    with it; None when ``text`` starts with no listed tree."""
    whole = planting.count_and_tree("1棵" + text, species_table, others)
    wanted = whole.species if whole is not None and not whole.unknown_species else None
    for end in range(1, len(text) + 1):
        start = planting.count_and_tree("1棵" + text[:end], species_table, others)
        if start is None or not start.species or start.unknown_species:
            continue
        if wanted in (None, start.species):
            return text[end:].removeprefix("树")
    return None


def count_fields(text: str, species_table: Mapping, others=()) -> dict | None:
    parsed = planting.count_and_tree(text, species_table, others)
    if parsed is None or parsed.count is None or parsed.vague or parsed.count < 1 or parsed.more:
        return None
    fields: dict = {"count": parsed.count}
    if parsed.species:
        fields.update(species=parsed.species, species_known=int(not parsed.unknown_species))
    return fields


def confirm_reason(text: str, words: Iterable[str]) -> str | None:
    """The yes to a correction asked, and the reason said after it ('确定 重复报了' -> '重复报了', '确定' -> ''); None when
    the text is no yes."""
    said = (text or "").strip()
    if nlu.normalize(said) in {nlu.normalize(w) for w in words}:
        return ""
    for word in sorted(words, key=len, reverse=True):
        rest = said[len(word) :]
        if len(word) < 2 or not said.startswith(word) or not rest:
            continue
        if _BREAK_RE.match(rest) or (len(rest) >= 2 and not nlu.is_question(nlu.normalize(rest))):
            return clean_reason(rest)[:REASON_MAX]
    return None


@dataclass(frozen=True)
class Outcome:
    record: dict | None  # the record as it is now (None: no such record)
    refused: str | None = None  # MISSING, WITHDRAWN, NOT_WITHDRAWN, REPORTED_AGAIN, REJECTED, NOT_FINISHED or SAME
    correction_id: int | None = None  # None: nothing changed
    again: int | None = None  # REPORTED_AGAIN: the live record holding its photo


def refusal(record: Mapping | None, action: str = WITHDRAW) -> str | None:
    """Why this record may not be corrected so (None: it may): a restore wants a finished record withdrawn."""
    if record is None:
        return MISSING
    if action == RESTORE:
        if record["status"] != plantings_store.WITHDRAWN or not record["completed_at"]:
            return NOT_WITHDRAWN if record["status"] == "complete" else NOT_FINISHED
        return REJECTED if record["review"] == "rejected" else None
    if record["status"] == plantings_store.WITHDRAWN:
        return WITHDRAWN
    if record["status"] != "complete":
        return NOT_FINISHED
    if record["review"] == "rejected":
        return REJECTED
    return None


def reported_again(db, record: Mapping) -> int | None:
    """The live record (not cancelled nor withdrawn) that holds a photo with the same bytes as this withdrawn one's: its
    trees reported again, so restoring it would count them twice. None when there is none."""
    for photo in plantings_store.photos_of(db, record["id"]):
        if photo["sha256"]:
            others = plantings_store.records_with_sha256(db, photo["sha256"], record["id"])
            if others:
                return others[0]
    return None


def changes(record: Mapping, fields: Mapping) -> dict:
    """What of ``fields`` (count, species, species_known) differs from the record; {} when nothing would change."""
    wanted = {key: fields[key] for key in ("count", "species", "species_known") if fields.get(key) is not None}
    differs = {key: value for key, value in wanted.items() if record.get(key) != value}
    return differs if {"count", "species"} & set(differs) else {}


def kept(record: Mapping) -> dict:
    return {key: record.get(key) for key in KEPT}


def clean_reason(text: str | None) -> str:
    """A reason as kept: one line, without the punctuation that parted it from the command."""
    return " ".join((text or "").split()).strip(" ，,。:：;；")


def correct(
    app,
    db,
    planting_id: int,
    action: str,
    reason: str,
    now,
    *,
    channel: str,
    fields: Mapping | None = None,
    by_login: str | None = None,
    by_person: Mapping | None = None,
    by_office: bool = False,
) -> Outcome:
    """Withdraw, recount or restore the record (inside the caller's transaction), keep the audit row and queue the
    notices; the outcome says why not when nothing changed. ``by_office``: told to the sender as the office's."""
    assert action in ACTIONS and reason and len(reason) <= REASON_MAX
    record = plantings_store.get(db, planting_id)
    refused = refusal(record, action)
    if record is None or refused:
        return Outcome(record, refused)
    now_s = clock.to_db(now)
    if action == WITHDRAW:
        if not plantings_store.withdraw(db, planting_id, now_s, checked_too=True):
            return Outcome(record, NOT_FINISHED)
    elif action == RESTORE:
        again = reported_again(db, record)
        if again is not None:
            return Outcome(record, REPORTED_AGAIN, again=again)
        if not plantings_store.restore(db, planting_id, now_s):
            return Outcome(record, NOT_WITHDRAWN)
    else:
        changed = changes(record, fields or {})
        if not changed:
            return Outcome(record, SAME)
        first = record.get("recounted_from") or planting.describe(record, planting.display_names(app))
        plantings_store.update(
            db, planting_id, {**changed, "recounted_from": first, "recounted_at": now_s, "updated_at": now_s}
        )
    after = plantings_store.get(db, planting_id)
    assert after is not None
    correction_id = store.add(
        db,
        planting_id=planting_id,
        village_id=record["village_id"],
        action=action,
        before=kept(record),
        after=kept(after),
        reason=reason,
        channel=channel,
        now=now_s,
        by_login=by_login,
        by_person_id=by_person["id"] if by_person else None,
        by_openid=by_person["openid"] if by_person else None,
    )
    household = planting.proxy_name(db, record)
    if sender_told(record, by_person):
        reminders.queue_notice(
            db,
            app.config,
            openid=record["openid"],
            text=notice(app, record, after, action, reason, by_office, household),
            key=f"correction:{correction_id}",
            now=now,
        )
    reached = household_openid(db, record, by_person)
    if reached and household:
        by = roster_store.person(db, record["entered_by_person_id"])
        whose = app.t("corrections.whose_household", by=by["name"] if by else "")
        reminders.queue_notice(
            db,
            app.config,
            openid=reached,
            text=notice(app, record, after, action, reason, by_office, whose=whose),
            key=f"correction:{correction_id}:household",
            now=now,
        )
    snapshot.invalidate(app)
    log.info("planting %s corrected (%s, %s): %s", planting_id, action, channel, kept(after))
    return Outcome(after, None, correction_id)


def sender_told(record: Mapping, by_person: Mapping | None) -> bool:
    """Is the record's sender told of a correction (through the outbox)? Yes, unless it is they who corrected it (the
    cadre who entered a 代种 record, correcting it themselves)."""
    return bool(record["openid"]) and not (by_person and by_person.get("openid") == record["openid"])


def household_openid(db, record: Mapping, by_person: Mapping | None) -> str | None:
    """A 代种 record's household member on WeChat (round 77): their bound openid when they follow the account
    (``users.subscribed``) and are neither its sender nor the one correcting it; None otherwise."""
    if planting.proxy_name(db, record) is None:
        return None
    person = roster_store.person(db, record["person_id"])
    openid = person["openid"] if person else None
    if not openid or openid == record["openid"] or (by_person and by_person.get("openid") == openid):
        return None
    user = users_store.get(db, openid)
    return openid if user and user["subscribed"] else None


NOTICES = {
    WITHDRAW: "corrections.withdrawn_notice",
    RECOUNT: "corrections.recounted_notice",
    RESTORE: "corrections.restored_notice",
}


def notice(
    app,
    before: Mapping,
    after: Mapping,
    action: str,
    reason: str,
    by_office: bool = False,
    household: str | None = None,
    whose: str | None = None,
) -> str:
    """What the record's sender is told: which record, what it said, what it says now, who and why. ``household``: a
    代种 record's household (round 76): its sender is the cadre who entered it for them, told so. ``whose``: said
    outright (round 77: the household's own notice, ``王干部为您代报的``)."""
    who = app.t("corrections.by_office" if by_office else "corrections.by_cadre")
    what = planting.describe_for_villager(app, before)
    if whose is None:
        whose = app.t("corrections.whose_proxy", name=household) if household else app.t("corrections.whose_own")
    facts = {"id": before["id"], "what": what, "who": who, "reason": reason, "whose": whose}
    return app.t(NOTICES[action], new=planting.describe_for_villager(app, after), **facts)


def reported_day(app, record: Mapping) -> str:
    """When the record was finished, as the cadre's question says it ('3月6日')."""
    local = clock.local(clock.from_db(record["completed_at"] or record["created_at"]), app.tz)
    return f"{local.month}月{local.day}日"


def history(db, planting_id: int) -> list[dict]:
    return store.of_record(db, planting_id)
