"""认种认养 (adopting a tree): the service layer of the adoption capability (chat, dashboard, public page, media
listener, report, progress).

Seed 002 asks households to 认种认养 (二(二): 群众（每户）在房前屋后至少认种认养1棵树), party members to bring
villagers and 乡贤 to 认种认捐认养 (二(五)), and 乡贤, enterprises and units to 捐资捐物、冠名、认种认养 (二(六),
“认种一棵树”); 三(二) funds the campaign by “五个一点”. The rules (config keys in brackets; docs/adoption.md):

- What can be adopted: one slot per tree of the verified plot records (site 党建林, 主题林, 示范点) of the
  adopter's village, plus what the office marks adoptable on the dashboard (any verified record, with its
  number of slots; 0 takes a plot off the list).
- ``认养`` / ``认种`` / ``认种一棵树`` / ``我想认养一棵树`` (and voice) list the records with free slots, numbered
  1…n, [adoption.page_size] at a time (``更多``: the next ones); the list is kept in the ``adoption`` flow, and
  ``认养 <编号>`` adopts one tree of the record at that position of the list last shown. A household may
  adopt several. Nothing adoptable: the reply says so and names the village's [adoption.contact_roles].
- ``我的树``: the person's own records and adoptions, each with its latest photo's date, its survival state
  (the latest survival check) and its public page ``/tree/<token>`` (192 random bits; no person, phone or
  openid on it), which shows the record's photos over time, its adopters' 冠名 and the donations.
- Every new photo of an adopted record (a survival check, a cadre's update ``更新 <编号>``, a 管护 photo of a
  zone that covers the plot) reaches its adopters as a ``notice`` (template outside the 48-hour window), after
  quiet hours, never to someone who said 退订, once per photo and adopter (dedupe key).
- Enterprises, units and 乡贤 adopt on the dashboard (name, 冠名, trees or the whole plot, contact), with a
  donation (amount, purpose, which of 五个一点 [adoption.donation_sources]).
- Counts: a household without a tree of its own counts its adopted trees (bot.progress); the 通报 has the
  village's adopted trees (``认种认养``) and donations.

``is_request`` to ``whole_plot_trees`` are pure and unit-tested; the services after them read and write
through bot/store/adoption.py (and read the care zones through bot.zones).
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from bot import clock, hanzi, identity, nlu, planting, zones
from bot.conversation import Flow
from bot.reminders import queue_notice, tell_village
from bot.store import adoption as store
from bot.store import users as users_store
from bot.store.plantings import VERIFIED_REVIEWS

# listed {ids, shown}: the list last shown (认养 <编号> picks from it, 更多 shows on); update_photo {planting_id}:
# a cadre said 更新 <编号>, the photo comes next. Its table is in handlers/adoption.py, its diagram in docs/adoption.md.
FLOW = Flow("adoption", ("listed", "update_photo"), photo_states=("update_photo",))
SURVIVAL_LABELS = {
    "alive": "adoption.survival_alive",
    "dead": "adoption.survival_dead",
    "replanted": "adoption.survival_replanted",
    None: "adoption.survival_unknown",
}
PHOTO_SOURCES = {
    "record": "adoption.source_record",
    "survival": "adoption.source_survival",
    "update": "adoption.source_update",
    "tending": "adoption.source_tending",
}
TOKEN_BYTES = 24  # 192 bits
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
_POLITE_RE = re.compile(r"^(?:我们|我家|咱家|我)?也?(?:想要|想|要|希望|申请|来)?")
MY_TREES_SHOWN = 6


# -- pure rules -------------------------------------------------------------------------------------
def is_request(text: str | None, words: Iterable[str]) -> bool:
    """'认养', '认种一棵树', '我想认养一棵树', '我也要认种', '认养。' (voice): one of ``words`` after 我/想/要."""
    text = nlu.to_halfwidth(text or "").strip().strip(" 。.!！~～")
    core = _POLITE_RE.sub("", text, count=1).removesuffix("吧").removesuffix("啊").removesuffix("呀")
    return bool(core) and core in set(words)


# round 42 (19p): the adoptable list said seen, then one picked by its place in it ('我睇咗认养名单 就要第二棵',
# '认养名单看过了 就要第二棵吧'): ``认养 <编号>``
_PICKED_AFTER_THE_LIST = re.compile(
    r"^(?:(?:我)?(?:看了|看过|看完|看过了|看完了)(?:认养|领养|认种)(?:的)?(?:名单|列表|清单)(?:了)?"
    r"|(?:认养|领养|认种)(?:的)?(?:名单|列表|清单)(?:我)?(?:看了|看过|看完|看过了|看完了))"
    rf"(?:我)?(?:就)?(?:要|认养|选|拣|挑)(?:第)?({nlu._NUM})(?:棵|号|个)(?:吧|啦|啊|呀)?$"
)


# round 48 (19u): the command's word, then one by its place, what it points at after ('认种第一个嗰棵', '认养第二个那棵树'):
# ``认养 <编号>``; 第 says it is a place, never a count ('认养两棵' is a wish; ``nlu.pick`` reads the list just shown so)
# round 53 (20c): or by its number with 号 and no 第 ('认养2号嗰棵', '认种5号嘅树'): 号 says it is a place too
_PICKED_BY_PLACE = re.compile(
    rf"^(?:我)?(?:想|要)?(?:认养|认种|领养)(?:第({nlu._NUM})(?:棵|号|个)|({nlu._NUM})号)(?:的)?(?:那|这)?(?:棵|个)?(?:树)?"
    r"(?:吧|啦|啊|呀)?$"
)


def number_picked(text: str | None) -> int | None:
    """The number of a pick said with its place and what it points at ('认种第一个嗰棵' -> 1); None otherwise."""
    found = _PICKED_BY_PLACE.match(nlu.normalize(text or ""))
    return (nlu.chinese_to_int(found.group(1) or found.group(2)) or None) if found else None


# conv106 (23c: '认养' then '就要第二棵嗰棵木棉' had been a planting record of two 木棉): one picked by its place, the tree
# it points at named after the pointer (第二棵那棵木棉, 第三个嗰棵荔枝树): the place is the pick, the name only says which
_POINTED_THEN_NAMED = re.compile(r"第[^第]{1,3}?(?:棵|个|号)(?:的)?(?:那|这)(?:棵|个)?$")


def pick_naming_its_tree(text: str | None, species_table: Mapping) -> int | None:
    """The place picked from the list just shown when the tree is named after the pointer ('就要第二棵嗰棵木棉' -> 2):
    ``nlu.pick`` of the words before the name; None when no tree ends it or no place is said before it."""
    norm = nlu.normalize(text or "").strip(" 。.!！吧啦呀啊")
    written = nlu.find_species(norm, species_table)[1]
    for tail in (written + "树", written) if written else ():
        if norm.endswith(tail):
            rest = norm[: -len(tail)]
            return nlu.pick(rest, None, trees=True) if _POINTED_THEN_NAMED.search(rest) else None
    return None


def number_picked_after_the_list(text: str | None) -> int | None:
    """The number picked after the list is said seen ('我睇咗认养名单 就要第二棵' -> 2); None for anything else."""
    found = _PICKED_AFTER_THE_LIST.match(nlu.normalize(text or ""))
    return (nlu.chinese_to_int(found.group(1)) or None) if found else None


def page(ids: list, shown: int, size: int) -> tuple[list, int]:
    """The next ``size`` of ``ids`` after the ``shown`` ones: (them, their first position, 1-based)."""
    return ids[shown : shown + size], shown + 1


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def looks_like_token(token: str) -> bool:
    return bool(_TOKEN_RE.match(token or ""))


def place(record: dict) -> str:
    """Where a record is, as the village says it: '埔心村党建林', '埔心村房前屋后'."""
    return f"{record.get('village') or ''}{record.get('site') or ''}"


def free_slots(record: dict) -> int:
    return max(int(record["capacity"] or 0) - int(record["adopted"] or 0), 0)


def is_verified(record: dict) -> bool:
    """Complete and not waiting for review or rejected (bot.store.plantings VERIFIED_SQL)."""
    return record.get("status") == "complete" and record.get("review") in VERIFIED_REVIEWS


def whole_plot_trees(record: dict, trees: int | None, whole_plot: bool) -> int | None:
    """Slots an organisation takes: every free one (whole plot) or ``trees`` of them; None when that does not fit."""
    wanted = free_slots(record) if whole_plot else trees
    return wanted if wanted and 0 < wanted <= free_slots(record) else None


# round 49 (the lead, in the simulator): one's adopted trees asked after in words, done said (normalised: '我认养咗
# 边棵树' -> 我认养了边棵树, '我认养的树在哪里', '看下我认养的树', '我领养的那棵树怎么样'); never how to adopt
# ('认养怎么弄') nor the wish ('我想认养一棵')
# the lead (forty-second session, the simulator as a party member by voice): the tree pointed at with no 的 ('我认养那棵
# 香樟长得怎么样', '我想睇下我认养嗰棵树点样' -> …那棵树怎么), its state asked bare ('我认养嘅树点样啦' -> …怎么啦), or
# looked at within a longer wish ('想看看我认养的那棵树'); how to tend it ('我认养的树怎么浇水') stays the FAQ's
_OWN_ADOPTED_RE = re.compile(
    r"我(?:家)?(?:认养|领养|认种)(?:了|过)(?:哪|边|什么|几|多少)"
    r"|我(?:家)?(?:认养|领养|认种)(?:的|那棵|那几棵|那些)(?:那棵|那几棵|那些)?[\u4e00-\u9fff]{0,3}?"
    r"(?:在哪|怎么样|怎样|长得|活|种在|有几|有多少|是哪|是什么|(?:怎么|如何)(?:了|啦|呀|啊|呢)?$)"
    r"|(?:看下|看看|看一下|查下|查一下)我(?:家)?(?:认养|领养|认种)(?:的|那棵|那几棵)(?:那棵|那几棵)?(?:树)?$"
)
OWN_ADOPTED_MAX_CHARS = 20
# round 129 (issue 17 §1; round 124's local_fact: '分给我家认养的那片地在哪个位置'): a plot allotted or a piece of land
# to adopt is the village's to say (a ticket), not the trees one adopted; a tree's place asked stays here
_PLOT_OF_LAND_RE = re.compile(
    r"(?:分给|分到|划给|划到|分配给|安排给)|(?:认养|领养|认种)(?:的|那)?(?:那|这)?(?:片|块|幅)?(?:地|山|田)(?!方)"
)


def own_trees_asked(meaning: str) -> bool:
    """'我认养咗边棵树': the sender's adopted trees asked after (``我的树`` in words); not a plot of land allotted
    (``_PLOT_OF_LAND_RE``)."""
    return (
        bool(meaning)
        and len(meaning) <= OWN_ADOPTED_MAX_CHARS
        and bool(_OWN_ADOPTED_RE.search(meaning))
        and not _PLOT_OF_LAND_RE.search(meaning)
    )


# -- the list ---------------------------------------------------------------------------------------
def adoptable_in(db, village_id: int | None) -> list[dict]:
    return store.adoptable(db, village_id) if village_id is not None else []


def told_apart(rows: list[dict], day_of: Callable[[dict], date]) -> dict[int, tuple[date, bool]]:
    """Sim70: the rows the list would show alike (one site and one tree: two lines of 党建林·桂花) -> (the day each was
    planted, whether that day is shared too, so that its number must tell it apart); the other rows are absent (pure)."""
    keys = Counter((r["site"], r["species"]) for r in rows)
    alike = [r for r in rows if keys[(r["site"], r["species"])] > 1]
    days = Counter((r["site"], r["species"], day_of(r)) for r in alike)
    return {r["id"]: (day_of(r), days[(r["site"], r["species"], day_of(r))] > 1) for r in alike}


# sim61: adopting for a family member ('帮阿嫲认养一棵龙眼', '替我外婆认种一棵'): an adoption is the sender's and counts
# for their household (bot.progress), so the list says so; a tree named puts its records first (or says there is none)
_FOR_A_RELATIVE_RE = re.compile(rf"(?:帮|替|给|为)(?:我)?(?:的|个|嘅|屋企|家)?(?:{nlu.RELATIVES}|阿嫲|嫲嫲|阿婆)")


def for_a_relative(text: str | None) -> bool:
    """'帮阿嫲认养一棵龙眼': the adoption asked for a family member (pure)."""
    return bool(_FOR_A_RELATIVE_RE.search(hanzi.simplified(text or "")))


def species_first(rows: list[dict], species: str | None) -> tuple[list[dict], bool]:
    """The adoptable rows with those of ``species`` first (their order kept), and whether there were any (pure)."""
    if not species:
        return rows, False
    named = [r for r in rows if r["species"] == species]
    return named + [r for r in rows if r["species"] != species], bool(named)


def contact_names(app, db, village_id: int | None) -> str:
    people = store.contacts(db, village_id, list(app.config.get("adoption.contact_roles"))) if village_id else []
    return "、".join(app.t("adoption.contact", name=p["name"], role=p["role"]) for p in people)


def remember_list(ctx, rows: list[dict], shown: int) -> None:
    FLOW.enter(ctx, "listed", {"ids": [r["id"] for r in rows], "shown": shown})


def listed_record(ctx, state, number: int) -> dict | None:
    ids = state.data.get("ids", [])
    return store.slots(ctx.db, ids[number - 1]) if 1 <= number <= len(ids) else None


def page_size(config) -> int:
    return int(config.get("adoption.page_size"))


# -- adopting ---------------------------------------------------------------------------------------
def first_free_tree(held: Iterable[Mapping]) -> int:
    """The number of the record's first tree no adoption held covers (withdraw83: an adoption ended frees its tree, so
    the next adopter may take a number below the last one taken)."""
    taken = {n for a in held for n in range(int(a["first_tree"]), int(a["first_tree"]) + int(a["trees"]))}
    return next(n for n in range(1, len(taken) + 2) if n not in taken)


def adopt_one(ctx, record: dict) -> dict | None:
    """One tree of the record for the sender (their household); None when its slots are all taken now."""
    current = store.slots(ctx.db, record["id"])
    if current is None or not is_verified(current) or free_slots(current) < 1:
        return None
    adoption_id = store.add(
        ctx.db,
        planting_id=current["id"],
        village_id=current["village_id"],
        trees=1,
        first_tree=first_free_tree(store.of_planting(ctx.db, current["id"])),
        person_id=ctx.person["id"],
        openid=ctx.openid,
        created_by="chat",
        now=ctx.now_s,
    )
    return store.get(ctx.db, adoption_id)


def adopt_for_organisation(
    db,
    *,
    planting_id: int,
    organisation: str,
    named_as: str,
    trees: int | None,
    whole_plot: bool,
    contact: str,
    by: str,
    now: str,
) -> tuple[int | None, str | None]:
    """An enterprise, unit or 乡贤 adopts trees of a record (dashboard): (adoption id, None) or (None, the
    problem's message key)."""
    record = store.slots(db, planting_id)
    if not (organisation or "").strip():
        return None, "admin.adoption.no_organisation"
    if record is None or not is_verified(record) or free_slots(record) < 1:
        return None, "admin.adoption.nothing_free"
    taken = whole_plot_trees(record, trees, whole_plot)
    if taken is None:
        return None, "admin.adoption.too_many"
    return store.add(
        db,
        planting_id=planting_id,
        village_id=record["village_id"],
        trees=taken,
        first_tree=first_free_tree(store.of_planting(db, planting_id)),
        whole_plot=whole_plot,
        organisation=organisation.strip(),
        named_as=(named_as or "").strip() or None,
        contact=(contact or "").strip() or None,
        created_by=by,
        now=now,
    ), None


def donation_problem(donor: str, amount: float | None, source: str | None, sources: Iterable[str]) -> str | None:
    """What is wrong with a donation's form (the message key), or None."""
    if not (donor or "").strip():
        return "admin.adoption.no_donor"
    if amount is None or amount <= 0:
        return "admin.adoption.bad_amount"
    if source and source not in set(sources):
        return "admin.adoption.bad_source"
    return None


def record_donation(
    db,
    *,
    donor: str,
    source: str | None,
    amount: float | None,
    purpose: str | None,
    village_id: int | None,
    planting_id: int | None = None,
    adoption_id: int | None = None,
    by: str,
    now: str,
    sources: Iterable[str],
) -> str | None:
    """A donation (五个一点); None when recorded, else the problem's message key."""
    problem = donation_problem(donor, amount, source, sources)
    if problem:
        return problem
    assert amount is not None  # donation_problem refuses a missing amount
    store.add_donation(
        db,
        village_id=village_id,
        donor=donor.strip(),
        source=source or None,
        amount=amount,
        purpose=(purpose or "").strip() or None,
        planting_id=planting_id,
        adoption_id=adoption_id,
        recorded_by=by,
        now=now,
    )
    return None


def mark_adoptable(db, planting_id: int, trees: int, by: str, now: str) -> str | None:
    """The office sets a record's adoptable trees (0: none); None when done, else the problem's message key."""
    record = store.slots(db, planting_id)
    if record is None or not is_verified(record):
        return "admin.adoption.no_record"
    if trees < 0:
        return "admin.adoption.bad_trees"
    store.mark(db, planting_id, trees, by, now)
    return None


# -- the public page and 我的树 ------------------------------------------------------------------------
def page_path(db, planting_id: int, now_s: str) -> str:
    """``/tree/<token>``: the record's public page (its token made on first use)."""
    token = store.page_token(db, planting_id)
    if token is None:
        store.add_page(db, planting_id, new_token(), now_s)
        token = store.page_token(db, planting_id)
    return f"/tree/{token}"


def page_url(app, db, planting_id: int, now_s: str) -> str:
    return app.config.public_link(page_path(db, planting_id, now_s))


def photos_of(db, record: dict) -> list[dict]:
    """Every photo of a record over time: its own (record, survival checks, cadres' updates) and the 管护 photos
    of the care zones that cover its place; oldest first: sha256, taken_at, source."""
    found = store.photos_of_record(db, record["id"])
    if record.get("village_id") is not None:
        found += [
            {"sha256": p["sha256"], "taken_at": p["created_at"], "source": "tending"}
            for p in zones.photos_covering(db, record["village_id"], record.get("lat"), record.get("lng"))
        ]
    seen, photos = set(), []
    for photo in sorted(found, key=lambda p: p["taken_at"] or ""):
        if photo["sha256"] not in seen:
            seen.add(photo["sha256"])
            photos.append(photo)
    return photos


def local_day(app, moment: str | None) -> str:
    if not moment:
        return ""
    local = clock.local(clock.from_db(moment), app.tz)
    return f"{local.month}月{local.day}日"


def my_trees(ctx) -> list[dict]:
    """What the sender planted and adopted, newest first: kind (planted | adopted), record, latest (photo date),
    survival, url."""
    planted = [("planted", r) for r in store.own_records(ctx.db, ctx.person["id"])]
    adopted = [("adopted", record) for record in store.of_person(ctx.db, ctx.person["id"])]
    survival = store.latest_survival(ctx.db, [r["id"] for _kind, r in planted + adopted])
    items = []
    for kind, record in planted + adopted:
        photos = photos_of(ctx.db, record)
        items.append(
            {
                "kind": kind,
                "record": record,
                "latest": photos[-1]["taken_at"] if photos else None,
                "survival": survival.get(record["id"]),
                "url": page_url(ctx.app, ctx.db, record["id"], ctx.now_s),
            }
        )
    # sim58: newest first (a tree adopted just now had been listed after every record planted, past MY_TREES_SHOWN)
    return sorted(items, key=tree_day, reverse=True)


def tree_day(item: dict) -> str:
    """When the sender planted or adopted the item's tree (UTC text, sorts as time)."""
    record = item["record"]
    return (record["adopted_at"] if item["kind"] == "adopted" else record["planted_at"]) or ""


# -- cadres' new photos of a plot -----------------------------------------------------------------------
def may_update(person: dict | None, config, record: dict | None) -> bool:
    """Cadres (planting.cadre_roles, bound with proof) of the record's village send new photos of it."""
    return (
        record is not None
        and person is not None
        and identity.acts_as(person, config.get("planting.cadre_roles"))
        and person.get("village_id") == record["village_id"]
    )


def wait_for_update_photo(ctx, planting_id: int) -> None:
    FLOW.enter(ctx, "update_photo", {"planting_id": planting_id})


def add_update_photo(ctx, planting_id: int, media_row_id: int | None) -> bool:
    FLOW.end(ctx)
    return media_row_id is not None and store.add_plot_update(
        ctx.db, planting_id, ctx.person["id"], media_row_id, ctx.now_s
    )


# -- notices: a new photo reaches the adopters ---------------------------------------------------------------
def records_of_photo(db, media_row: dict) -> list[tuple[int, str]]:
    """(planting id, source) of every adopted record this stored photo shows."""
    found = [(r["planting_id"], r["source"]) for r in store.records_of_media(db, media_row["id"])]
    tending = zones.tending_of_media(db, media_row["id"])
    if tending is not None:
        zone = {"lat": tending["zone_lat"], "lng": tending["zone_lng"], "radius_m": tending["radius_m"]}
        found += [
            (r["id"], "tending")
            for r in store.adopted_records_of_village(db, tending["village_id"])
            if zones.covers(zone, r["lat"], r["lng"])
        ]
    return found


def prepare_notice(app, media_row: dict, data: bytes) -> None:
    """Media listener, first step: nothing slow to do."""
    return None


def tell_adopters(app, db, media_row: dict, _prepared=None) -> int:
    """Media listener, inside the media job's transaction: each adopter of a record this photo shows gets a notice
    (not the one who sent it; not after 退订); idempotent by the dedupe key ``adoption-photo:<media>:<openid>``."""
    if media_row["kind"] != "image" or media_row["status"] != "stored":
        return 0
    records = dict(records_of_photo(db, media_row))
    if not records:
        return 0
    now = app.clock()  # the download job's moment, or the message's that linked a stored photo (announce)
    queued = 0
    for row in store.adopters_to_tell(db, list(records), media_row["created_at"]):
        user = users_store.get(db, row["openid"])
        if row["openid"] == media_row["openid"] or not user or not user["subscribed"] or user["reminders_off"]:
            continue
        record = store.record(db, row["planting_id"])
        assert record is not None  # an adopted record
        path = page_path(db, record["id"], clock.to_db(now))
        text = app.t(
            "adoption.notice",
            place=place(record),
            species=planting.display_name(app, record["species"]),
            source=app.t(PHOTO_SOURCES[records[record["id"]]]),
            day=local_day(app, media_row["created_at"]),
            url=app.config.public_link(path),
        )
        key = f"adoption-photo:{media_row['id']}:{row['openid']}"
        queued += queue_notice(db, app.config, openid=row["openid"], text=text, key=key, now=now, url=path)
    return queued


# -- the report ---------------------------------------------------------------------------------------
def trees_adopted(db, config, until: str) -> dict[int, int]:
    """Report column 认种认养: village id -> trees adopted by the end of the month."""
    return store.trees_by_village(db, until)


def donations_total(db, config, until: str) -> dict[int, float]:
    """Report column 认捐（元）: village id -> donations recorded by the end of the month."""
    return {village_id: round(amount, 2) for village_id, amount in store.donations_by_village(db, until).items()}


def trees_adopted_by_person(db, since: str | None, until: str | None) -> dict[int, int]:
    """person id -> trees they adopted in [since, until] (the awards' 最美植绿人)."""
    return store.trees_by_person(db, since, until)


# -- an adoption withdrawn (withdraw83) -------------------------------------------------------------------------------
# 取消认养, 不认养了, 唔想再认养嗰棵樟树啦, 认养嘅嗰棵香樟我唔要啦, 我认养的那棵树想退掉: the adoption named, then or after it
# its withdrawal; how to withdraw asked ('取消认养要点搞') is a question (the FAQ's)
_ADOPT = r"(?:认养|认种|领养)"
_DROPPED = r"(?:唔想要|不想要|唔要|不要|取消|撤销|撤回|退掉|退咗|退了|退出|唔养|不养|放弃|唔认养|不认养)"
_ADOPTION_WITHDRAWN_RE = re.compile(
    rf"(?:取消|撤销|撤回|退掉|退出|放弃)(?:我的|我嘅)?{_ADOPT}"
    rf"|(?:唔|不)(?:想|要|愿意)*再(?:想|要)*{_ADOPT}"  # not any more: one held
    rf"|(?:唔|不)(?:想|要|愿意)*{_ADOPT}(?:[^\s，,。]{{0,3}}?)(?:嗰棵|那棵|呢棵|这棵|的树|嘅树|嗰啲|那些)"  # that tree
    rf"|{_ADOPT}(?:咗|了|过)?(?:嘅|的)?[^\s，,。]{{0,8}}?[\s，,]*(?:我)?(?:想|要)?(?:帮我|唔该|麻烦)?{_DROPPED}"
)
# not adopting said with no tree pointed at ('我不想认养 只想自己种', '唔要认养啦，我自己喺屋后种咗两棵杨梅'): declining to adopt,
# a withdrawal only from one who holds an adoption (handlers/adoption.py)
_ADOPTION_DECLINED_RE = re.compile(rf"(?:唔|不)(?:想|要|愿意)*{_ADOPT}")
WITHDRAWAL_MAX_CHARS = 40
WITHDRAWN, DECLINED = "withdrawn", "declined"


def withdrawal_said(text: str | None) -> str | None:
    """WITHDRAWN for an adoption withdrawn in words (``_ADOPTION_WITHDRAWN_RE``), DECLINED for adopting declined
    (``_ADOPTION_DECLINED_RE``); None otherwise, for a question, or a text too long to be one request."""
    norm = nlu.to_halfwidth(text or "").strip()
    if not norm or len(norm) > WITHDRAWAL_MAX_CHARS or "证书" in norm or nlu.is_question(norm):
        return None
    if _ADOPTION_WITHDRAWN_RE.search(norm):
        return WITHDRAWN
    return DECLINED if _ADOPTION_DECLINED_RE.search(norm) else None


def held_named(app, held: list[dict], text: str | None) -> list[dict]:
    """The adoptions held that the text points at by their tree ('嗰棵樟树': 香樟); all of them when it names no tree."""
    species, _written = nlu.find_species_as_heard(text or "", planting.species_table(app))
    if species is None:
        return held
    return [a for a in held if a["species"] == species]


def end_adoption(ctx, adoption: dict) -> list[Mapping]:
    """The sender's adoption ends now: its tree is free to adopt again; the village's cadres (adoption.contact_roles)
    who follow the account are told. Returns those told."""
    store.end(ctx.db, adoption["adoption_id"], ctx.now_s)
    text = ctx.t(
        "adoption.withdrawn_told",
        name=ctx.person["name"],
        place=place(adoption),
        tree=adoption["first_tree"],
        species=planting.display_name(ctx.app, adoption["species"]),
    )
    return tell_village(
        ctx.db,
        ctx.config,
        adoption["village_id"],
        ctx.config.get("adoption.contact_roles"),
        text=text,
        key=f"adoption-ended:{adoption['adoption_id']}",
        now=ctx.now,
        but=ctx.person["id"],
    )
