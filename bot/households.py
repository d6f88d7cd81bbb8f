"""Households: self-registered villagers, and a cadre's 并户 (README "Households: self-registered villagers").

A villager who registers himself (登记 with a name the roster does not hold: ``people.source`` 'self',
bot/identity.py ``bind``) is a household alone, but none of the roster's: the village's household figures (本村进度's
户覆盖, the dashboard, the 通报, the 植树安排表) count the roster's households only (``SELF_ALONE_SQL`` of
bot/store/progress.py), and 未种名单 lists him apart, 名册未核. A cadre of the village (``pledges.cadre_roles``, bound
with proof) who knows whose household he is puts him in it: ``并户 李桂英 张大伯`` (or in words, 把李桂英并到张大伯家).
His ``household`` becomes that household's text; when the roster person named has none, the two share a new one
(``<name>户``). From then on his trees are the household's everywhere. ``取消并户 李桂英`` (a cadre of the village)
puts both back as they were.

The reading and the checks are pure functions (``parse_link``, ``parse_unlink``, ``resolve``, ``link_refusal``,
``head_refusal``); ``link`` and ``unlink`` write, inside the webhook's transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.store import households as store
from bot.store import roster as roster_store

SELF = "self"
# a kinship or respect word after a surname: 张大伯, 黄婆婆, 陈伯 (who the cadre means, by surname, if not a full name)
_KIN_RE = re.compile(r"^(?:阿|老)?(\w)(?:大伯|伯伯|伯|叔叔|叔|婶婶|婶|婆婆|阿婆|婆|公公|阿公|公|嫂|姐|哥|爷|奶|姨|嫲)$")
_SPACES_RE = re.compile(r"[\s,，、:：;；]+")
_END_RE = re.compile(r"[。！!？?.~～]+$")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,5}")


@dataclass(frozen=True)
class LinkText:
    member: str  # the self-registered villager
    head: str  # someone of the roster household he goes into


def _clean(text: str) -> str:
    return _END_RE.sub("", (text or "").strip().replace("\u3000", " ")).strip()


def _after_command(text: str, words) -> str | None:
    """The rest after one of the command words at the start (longest first), or None."""
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word):
            return text[len(word) :]
    return None


def parse_link(text: str, commands, verbs, house_words) -> LinkText | None:
    """``并户 李桂英 张大伯`` (``并户 李桂英 到 张大伯家``), or said in words: ``把李桂英并到张大伯家``, ``李桂英并入张大伯户``.
    ``commands``: the command words; ``verbs``: 并到, 并入 …; ``house_words``: 家, 户, 那户 … after the head's name."""
    text = _clean(text)
    rest = _after_command(text, commands)
    if rest is not None:
        parts = [p for p in _SPACES_RE.split(rest.strip()) if p and p not in ("到", "进", "入", "去")]
        if len(parts) == 2:
            return _link(parts[0], parts[1], house_words)
        return None
    compact = _SPACES_RE.sub("", text)
    for verb in sorted(verbs, key=len, reverse=True):
        member, found, head = compact.partition(verb)
        if found and member and head:
            said = _link(member.removeprefix("帮我").removeprefix("把").removeprefix("将"), head, house_words)
            # in words, two names only (2 to 5 Chinese characters each): 把党建林的树并到示范点 is none
            if said and all(_NAME_RE.fullmatch(name) for name in (said.member, said.head)):
                return said
            return None
    return None


def _link(member: str, head: str, house_words) -> LinkText | None:
    for word in sorted(house_words, key=len, reverse=True):
        if head.endswith(word) and len(head) > len(word):
            head = head[: -len(word)]
            break
    head = head.removesuffix("的")
    if not member or not head or member == head:
        return None
    return LinkText(member, head)


def parse_unlink(text: str, commands) -> str | None:
    """``取消并户 李桂英`` -> 李桂英; None for any other text ('' for a bare ``取消并户`` or more than one name)."""
    rest = _after_command(_clean(text), commands)
    if rest is None:
        return None
    parts = [p for p in _SPACES_RE.split(rest.strip()) if p]
    return parts[0] if len(parts) == 1 else ""


# -- who is meant ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Resolved:
    """``person`` when one person of the village is meant; else ``candidates`` (several of the village) or
    ``elsewhere`` (of that exact name, in other villages only); neither: nobody of that name."""

    said: str
    person: dict | None = None
    candidates: tuple[dict, ...] = ()
    elsewhere: tuple[dict, ...] = ()


def resolve(said: str, village_id: int, exact: list[dict], like: list[dict], kin: list[dict]) -> Resolved:
    """The person ``said`` names in the village: the exact name; else the one name of the village holding it; else,
    a surname with a kinship word (张大伯), the one of that surname. Several: the candidates; none of the village but
    the exact name elsewhere: ``elsewhere``. ``exact``: everyone of that name (any village); ``like``: the village's
    people whose name holds it; ``kin``: the village's people of the surname (empty when ``said`` is no kin form)."""
    here = [p for p in exact if p["village_id"] == village_id]
    if here:
        return Resolved(said, person=here[0])
    for found in (like, kin):
        if len(found) == 1:
            return Resolved(said, person=found[0])
        if found:
            return Resolved(said, candidates=tuple(found))
    return Resolved(said, elsewhere=tuple(exact))


def kin_surname(said: str) -> str | None:
    """张大伯 -> 张; None when the name is no surname with a kinship word."""
    match = _KIN_RE.match(said)
    return match.group(1) if match else None


def find(db, said: str, village_id: int) -> Resolved:
    surname = kin_surname(said)
    return resolve(
        said,
        village_id,
        store.people_named(db, said),
        store.village_people_like(db, village_id, said),
        store.village_people_starting(db, village_id, surname) if surname else [],
    )


def is_self_alone(person: dict) -> bool:
    """Registered himself and in no roster household (``SELF_ALONE_SQL``, in Python)."""
    return person.get("source") == SELF and not (person.get("household") or "")


def link_refusal(member: dict) -> str | None:
    """Why this person cannot be put in a household (a message key), None when he can: only a self-registered
    villager in none yet; a roster person's household is the roster's (the office's file)."""
    if member.get("source") != SELF:
        return "households.member_on_roster"
    if not is_self_alone(member):
        return "households.member_linked"
    return None


def head_refusal(head: dict, non_household_roles) -> str | None:
    """Why the household of this person is none to put someone in: he is self-registered and in none himself, or of
    a role in no household (advisers and admins: bot.roster.NON_HOUSEHOLD_ROLES)."""
    if is_self_alone(head):
        return "households.head_self"
    if head.get("role") in non_household_roles:
        return "households.head_no_household"
    return None


def new_household_text(head: dict, taken: bool) -> str:
    """The household text a roster person without one shares with the villager put in his household."""
    return f"{head['name']}户" + (f"{head['id']}" if taken else "")


# -- writes (inside the caller's transaction) ------------------------------------------------------------------
def link(db, member: dict, head: dict, cadre: dict, now: str) -> str:
    """Put ``member`` in ``head``'s household; the household text."""
    household = head.get("household") or ""
    head_set = not household
    if head_set:
        household = new_household_text(head, False)
        if store.household_members(db, head["village_id"], household):
            household = new_household_text(head, True)
        roster_store.update_person(db, head["id"], {"household": household}, now)
    roster_store.update_person(db, member["id"], {"household": household}, now)
    store.add_link(
        db,
        person_id=member["id"],
        village_id=head["village_id"],
        household=household,
        head_id=head["id"],
        head_set=head_set,
        by_person_id=cadre["id"],
        now=now,
    )
    return household


def unlink(db, member: dict, link_row: dict, cadre: dict, now: str) -> None:
    """Take ``member`` out of the household ``link_row`` put him in; the head gets back no household text when
    this link gave him one and nobody else shares it now."""
    roster_store.update_person(db, member["id"], {"household": None}, now)
    if link_row["head_set"] and link_row["head_id"] is not None:
        others = [
            p
            for p in store.household_members(db, link_row["village_id"], link_row["household"])
            if p["id"] != link_row["head_id"]
        ]
        if not others:
            roster_store.update_person(db, link_row["head_id"], {"household": None}, now)
    store.undo_link(db, link_row["id"], cadre["id"], now)


def leave(db, member: dict, now: str) -> None:
    """A self-registered villager who corrects his village (登记 again) leaves the household a cadre put him in."""
    link_row = store.live_link(db, member["id"])
    if link_row is not None and member.get("household") == link_row["household"]:
        unlink(db, member, link_row, member, now)


def names(people: tuple[dict, ...] | list[dict], limit: int = 8) -> str:
    return "、".join(p["name"] for p in list(people)[:limit])
