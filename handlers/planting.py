"""Planting records through the chat, and the analysis of their photos.

Routes (dispatch order in handlers/__init__.py):
- planting_menu: ``记录种树`` (the menu) explains in one line what to send
- planting_photo: a photo starts a record, joins the pending one, or (right after a record was
  finished) is one more photo of it
- planting_location: a location joins the pending record, or the latest one within the window
- planting_text: ``3棵桂花`` / ``种了两棵龙眼`` / cadres: ``党建林 2.5亩 120棵 香樟``, ``代种 张三 2棵龙眼``

The pending record is a ``plantings`` row from its first part on; the ``planting`` flow holds its id
for the window. A photo links to the record (its media row) at once; ``analyse_record_photo`` runs
later from the media job: ``prepare_record_photo`` (outside the write lock: hashes, EXIF, thumbnail),
then ``analyse_record_photo`` (inside its transaction: near-duplicates, the analysis rows, the flags).
``取消`` marks the pending record cancelled at once (the flow's ``on_cancel`` in bot/planting.py). The
``planting_windows`` job closes windows: a record whose flow vanished is marked cancelled, one whose
window ran out stays pending (incomplete) and its sender is reminded once.

```mermaid
stateDiagram-v2
    [*] --> collecting: photo / text / (cadre) plot or 代种
    collecting --> collecting: another part (window restarts)
    collecting --> complete: photo + species + count (plot: area)
    collecting --> cancelled: 取消 / photo taken by a question (take_pending_photos)
    collecting --> incomplete: window over (reminded once)
    incomplete --> collecting: the missing part within planting.late_part_hours
    complete --> complete: more photos (planting.extra_photo_seconds), a location within the window
```
"""
from __future__ import annotations

import json
import logging
from datetime import timedelta

from bot import clock, outbox
from bot.dashboard import review_pages
from bot.db import transaction
from bot.faq import load_species_table
from bot.identity import require_registered
from bot.media import MediaListener
from bot.messages import MESSAGES_DIR
from bot.photos import NearDuplicateIndex, PhotoError, process_photo
from bot.planting import (FLOW, compute_flags, describe, is_cadre, missing_parts, needs_cadre, parse_text,
                          review_after, season_start, text_parts_missing, text_updates)
from bot.progress import progress_line
from bot.router import Route
from bot.scheduler import Job
from bot.store import conversations as conversations_store
from bot.store import dashboard as dashboard_store
from bot.store import plantings as store
from bot.store import roster as roster_store
from handlers.core import text_is

log = logging.getLogger(__name__)

# The parts of a record and the review flags, as the messages name them.
PART_NAMES = {"photo": "planting.part_photo", "species": "planting.part_species", "count": "planting.part_count",
              "area": "planting.part_area"}
FLAG_REASONS = {"duplicate_photo": "planting.flag_duplicate_photo", "far_from_village": "planting.flag_far_from_village",
                "old_photo": "planting.flag_old_photo", "unknown_species": "planting.flag_unknown_species"}

# -- settings and shared services -------------------------------------------------------------------
def _window(config) -> timedelta:
    return timedelta(minutes=int(config.get("conversation.timeout_minutes")))


def species_table(app) -> dict:
    return app.service("species_table", lambda _app: load_species_table(MESSAGES_DIR))


def photo_index(app) -> NearDuplicateIndex:
    """The near-duplicate index, loaded once per process from the stored record photos."""
    def build(a):
        index = NearDuplicateIndex(threshold=int(a.config.get("planting.near_duplicate_bits")))
        index.load(store.record_phashes(a.db))
        return index

    return app.service("photo_index", build)


# -- matchers ---------------------------------------------------------------------------------------
def _collecting(ctx) -> dict | None:
    """The sender's pending record while its window is open."""
    state = FLOW.state(ctx)
    record = store.get(ctx.db, state.data.get("planting_id")) if state else None
    return record if record and record["status"] == "pending" else None


def _is_photo(ctx) -> bool:
    return ctx.msg.msg_type == "image"


def _location_target(ctx) -> dict | None:
    """The record a location joins; ``{"id": None}`` (a registered sender without one): kept for the next."""
    if ctx.msg.msg_type != "location" or ctx.msg.lat is None or ctx.msg.lng is None:
        return None
    record = _collecting(ctx) or store.latest_of(ctx.db, ctx.openid, clock.to_db(ctx.now - _window(ctx.config)))
    return record or ({"id": None} if ctx.person else None)


def _planting_text(ctx):
    if ctx.msg.msg_type != "text":
        return None
    # what the open record, or a late one this text would finish ("还差棵数" reminder), is waiting for
    record = _collecting(ctx) or _late_record(ctx, "text")
    waiting = text_parts_missing(record) if record else frozenset()
    return parse_text(ctx.msg.text or "", species_table(ctx.app), waiting)


# -- handlers ---------------------------------------------------------------------------------------
def on_menu(ctx, _match) -> str:
    return require_registered(ctx) or ctx.t("planting.how_to")


def on_photo(ctx, _match) -> str:
    hint = require_registered(ctx)
    if hint:
        return hint
    media_row_id = store.media_row_id(ctx.db, ctx.msg.media_id)
    linked = store.photo_by_media(ctx.db, media_row_id)
    if linked:  # the same photo handled again (replayed after 登记): nothing new
        return _advance(ctx, linked["planting_id"])
    _settle_sender(ctx)
    record = _collecting(ctx)
    if record is None:
        extra_since = ctx.now - timedelta(seconds=int(ctx.config.get("planting.extra_photo_seconds")))
        latest = store.latest_of(ctx.db, ctx.openid, clock.to_db(extra_since))
        if latest and latest["status"] == "complete":
            store.add_photo(ctx.db, latest["id"], media_row_id, ctx.now_s)
            store.update(ctx.db, latest["id"], {"last_part_at": ctx.now_s, "updated_at": ctx.now_s})
            return ctx.t("planting.extra_photo", id=latest["id"], n=len(store.photos_of(ctx.db, latest["id"])))
        record = _reopen(ctx, "photo") or _new_record(ctx)
    store.add_photo(ctx.db, record["id"], media_row_id, ctx.now_s)
    return _advance(ctx, record["id"])


def on_text(ctx, parsed) -> str:
    hint = require_registered(ctx)
    if hint:
        return hint
    person = ctx.person
    if needs_cadre(parsed) and not is_cadre(person, tuple(ctx.config.get("planting.cadre_roles"))):
        return ctx.t("planting.cadres_only")
    _settle_sender(ctx)
    record = _collecting(ctx) or _reopen(ctx, "text") or _new_record(ctx)
    updates = text_updates(parsed)
    if parsed.proxy_name:
        member = _household_member(ctx, parsed.proxy_name, person)
        updates.update(person_id=member["id"], entered_by_person_id=person["id"])
    store.update(ctx.db, record["id"], updates)
    return _advance(ctx, record["id"], vague=parsed.vague)


def on_location(ctx, record) -> str:
    hint = require_registered(ctx)
    if hint:
        return hint
    location = {"lat": ctx.msg.lat, "lng": ctx.msg.lng, "location_label": ctx.msg.label}
    if record["id"] is None:  # location first: the flow keeps it for the record the next part starts
        FLOW.enter(ctx, "collecting", {"location": location})
        return ctx.t("planting.location_saved") + ctx.t("planting.ask_species_count_photo")
    store.update(ctx.db, record["id"], {**location, "updated_at": ctx.now_s})
    if record["status"] == "pending":
        return ctx.t("planting.location_saved") + _advance(ctx, record["id"])
    refresh_flags(ctx.app, ctx.db, record["id"], ctx.now_s)
    return ctx.t("planting.location_attached", id=record["id"])


# -- the record -------------------------------------------------------------------------------------
def _new_record(ctx) -> dict:
    """A new pending record; a location sent just before (kept in the flow) joins it."""
    person = ctx.person
    planting_id = store.create(ctx.db, openid=ctx.openid, person_id=person["id"], village_id=person["village_id"],
                               inbox_id=ctx.inbox_id, now=ctx.now_s)
    state = FLOW.state(ctx)
    if state and state.data.get("location"):
        store.update(ctx.db, planting_id, state.data["location"])
    return store.get(ctx.db, planting_id)


def _late_record(ctx, arriving: str) -> dict | None:
    """The sender's incomplete record (window over, within planting.late_part_hours) that this part completes
    or moves on: a photo for a record that has its text, a text for one that has only photos."""
    since = ctx.now - timedelta(hours=float(ctx.config.get("planting.late_part_hours")))
    record = store.latest_incomplete(ctx.db, ctx.openid, clock.to_db(since))
    if record is None:
        return None
    missing = missing_parts(record, len(store.photos_of(ctx.db, record["id"])))
    fits = missing == ["photo"] if arriving == "photo" else ("photo" not in missing and bool(missing))
    return record if fits else None


def _reopen(ctx, arriving: str) -> dict | None:
    """``_late_record``, taken up again (its window reopens)."""
    record = _late_record(ctx, arriving)
    if record:
        store.update(ctx.db, record["id"], {"closed_at": None})
    return record


def _household_member(ctx, name: str, cadre: dict) -> dict:
    """The person of that name in the cadre's village; a 群众 (source 'proxy') is added when absent."""
    member = roster_store.person_by_name_in_village(ctx.db, name, cadre["village_id"])
    if member is None:
        person_id = roster_store.insert_person(ctx.db, {"name": name, "village_id": cadre["village_id"],
                                                        "role": "群众", "source": "proxy"}, ctx.now_s)
        member = roster_store.person(ctx.db, person_id)
    return member


def _advance(ctx, planting_id: int, vague: bool = False) -> str:
    """After a part joined the record: ask for what is missing, or finish it and confirm."""
    record = store.get(ctx.db, planting_id)
    photos = store.photos_of(ctx.db, planting_id)
    missing = missing_parts(record, len(photos))
    if record["status"] == "complete":
        return _confirmation(ctx, record)
    if missing:
        store.update(ctx.db, planting_id, {"last_part_at": ctx.now_s, "updated_at": ctx.now_s})
        FLOW.enter(ctx, "collecting", {"planting_id": planting_id})
        return _ask(ctx, record, missing, len(photos), vague)
    store.update(ctx.db, planting_id, {"status": "complete", "completed_at": ctx.now_s, "last_part_at": ctx.now_s,
                                       "closed_at": ctx.now_s, "updated_at": ctx.now_s})
    FLOW.end(ctx)
    refresh_flags(ctx.app, ctx.db, planting_id, ctx.now_s)
    return _confirmation(ctx, store.get(ctx.db, planting_id))


def _ask(ctx, record: dict, missing: list[str], photo_count: int, vague: bool) -> str:
    """One short line asking for what is missing."""
    if missing == ["photo"]:
        return ctx.t("planting.ask_photo", what=describe(record))
    if "species" in missing and ("count" in missing or "area" in missing):
        line = ctx.t("planting.ask_species_area" if "area" in missing else "planting.ask_species_count")
    elif "species" in missing:
        line = ctx.t("planting.ask_species", what=describe(record))
    elif "area" in missing:
        line = ctx.t("planting.ask_area", site=record["site"] or "地块")
    elif vague:
        line = ctx.t("planting.ask_exact_count", species=record["species"])
    else:
        line = ctx.t("planting.ask_count", species=record["species"])
    if "photo" in missing:
        return line + ctx.t("planting.and_photo")
    return ctx.t("planting.photo_received", n=photo_count) + line


def _confirmation(ctx, record: dict) -> str:
    credited = roster_store.person(ctx.db, record["person_id"]) or ctx.person
    lines = [ctx.t("planting.done", id=record["id"], what=describe(record))]
    if record["entered_by_person_id"] and record["entered_by_person_id"] != record["person_id"]:
        lines.append(ctx.t("planting.done_proxy", name=credited["name"]))
    if record["species_known"] == 0:
        lines.append(ctx.t("planting.done_unknown_species", species=record["species"]))
    lines.append(progress_line(ctx.app, ctx.db, credited))
    return "\n".join(lines)


# -- closing windows --------------------------------------------------------------------------------
def _settle(app, db, records: list[dict], live_ids: set, expired_rows: list[dict], now_s: str) -> dict:
    """Pending records outside a live window: cancelled (their flow vanished) or incomplete (reminded once)."""
    expired = {row["data"].get("planting_id"): row for row in expired_rows}
    counts = {"cancelled": 0, "incomplete": 0}
    for record in records:
        if record["id"] in live_ids:
            continue
        if record["id"] not in expired:
            store.update(db, record["id"], {"status": "cancelled", "closed_at": now_s, "updated_at": now_s})
            counts["cancelled"] += 1
            continue
        store.update(db, record["id"], {"closed_at": now_s, "reminded_at": now_s, "updated_at": now_s})
        conversations_store.drop(db, record["openid"], FLOW.name)
        missing = missing_parts(record, len(store.photos_of(db, record["id"])))
        names = "、".join(app.t(PART_NAMES[part]) for part in missing)
        outbox.enqueue(db, openid=record["openid"], kind="system", dedupe_key=f"planting-incomplete:{record['id']}",
                       text=app.t("planting.reminder", what=describe(record) or app.t("planting.part_photo"),
                                  missing=names, hours=app.config.get("planting.late_part_hours")),
                       now=clock.from_db(now_s))
        counts["incomplete"] += 1
    return counts


def _settle_sender(ctx) -> None:
    """Close the sender's earlier windows before a new part is placed (the job does it for everyone)."""
    records = store.unsettled(ctx.db, ctx.openid)
    state = FLOW.state(ctx)
    live_ids = {state.data.get("planting_id")} if state else set()
    if all(r["id"] in live_ids for r in records):
        return
    expired = [r for r in conversations_store.expired(ctx.db, FLOW.name, ctx.now_s) if r["openid"] == ctx.openid]
    _settle(ctx.app, ctx.db, records, live_ids, expired, ctx.now_s)


def settle_windows(app, now) -> dict:
    """Job: close every window that was cancelled or ran out (idempotent: a closed record is not seen again)."""
    db, now_s = app.db, clock.to_db(now)
    with transaction(db):
        records = store.unsettled(db)
        live_ids = set()
        for record in records:
            live = conversations_store.get(db, record["openid"], FLOW.name, now_s)
            if live and live["data"].get("planting_id") == record["id"]:
                live_ids.add(record["id"])
        return _settle(app, db, records, live_ids, conversations_store.expired(db, FLOW.name, now_s), now_s)


# -- photos and flags -------------------------------------------------------------------------------
def refresh_flags(app, db, planting_id: int, now_s: str) -> list[str]:
    """Recompute a record's flags (with their reasons) and its review state from what is known now."""
    record = store.get(db, planting_id)
    cfg = app.config
    flags = compute_flags(record, store.photos_of(db, planting_id), roster_store.village(db, record["village_id"]),
                          season=season_start(cfg.get("campaign.year"), cfg.get("campaign.window")),
                          old_photo_tolerance_days=int(cfg.get("planting.old_photo_tolerance_days")))
    details = {f.name: {"reason": app.t(FLAG_REASONS[f.name], **f.values), "ref": f.ref} for f in flags}
    store.update(db, planting_id, {
        "flags": " ".join(f.name for f in flags),
        "flag_details": json.dumps(details, ensure_ascii=False) if details else None,
        "review": review_after(record["review"], flags), "updated_at": now_s})
    return [f.name for f in flags]


def _duplicate_of(db, sha256: str, near: list[tuple], planting_id: int) -> tuple[int | None, int | None]:
    """(other record, Hamming distance) for the closest counting record that holds the same photo."""
    exact = store.records_with_sha256(db, sha256, planting_id)
    if exact:
        return exact[0], 0
    statuses = store.statuses(db, [key for key, _ in near])
    for key, distance in near:  # closest first
        if statuses.get(key) not in (None, "cancelled"):
            return key, distance
    return None, None


def prepare_record_photo(app, media_row: dict, data: bytes):
    """Media listener, outside any transaction and possibly in parallel: hash the photo, read its EXIF,
    write the thumbnail (the slow part). Returns (photo row, PhotoResult | PhotoError) or None."""
    if media_row["kind"] != "image":
        return None
    photo = store.photo_by_media(app.db, media_row["id"])
    if photo is None:
        return None
    try:
        return photo, process_photo(data, app.config.photos_dir, None)
    except PhotoError as error:
        return photo, error


def analyse_record_photo(app, db, media_row: dict, prepared) -> None:
    """Media listener, inside the media job's transaction: save the analysis, refresh the record's flags."""
    if prepared is None:
        return
    photo, result = prepared
    now_s = media_row["fetched_at"] or clock.to_db(app.clock())
    planting_id = photo["planting_id"]
    if isinstance(result, PhotoError):
        log.warning("photo %s of planting %s unusable: %s", media_row["id"], planting_id, result)
        store.save_photo_analysis(db, photo["id"], sha256=media_row["sha256"], phash=None, exif_time=None,
                                  exif_lat=None, exif_lng=None, duplicate_of=None, duplicate_distance=None,
                                  error=str(result)[:300], now=now_s)
        return
    info = result.info
    # The index step runs here, in media-row order, so the later of two near-identical photos is the flagged one.
    near = photo_index(app).check_and_add(planting_id, info.phash)
    duplicate_of, distance = _duplicate_of(db, info.sha256, near, planting_id)
    store.save_photo_analysis(db, photo["id"], sha256=info.sha256, phash=info.phash, exif_time=info.taken_at,
                              exif_lat=info.lat, exif_lng=info.lng, duplicate_of=duplicate_of,
                              duplicate_distance=distance, error=None, now=now_s)
    refresh_flags(app, db, planting_id, now_s)


ROUTES: list = [
    Route("planting_menu", text_is("planting.commands.menu"), on_menu),
    Route("planting_photo", _is_photo, on_photo),
    Route("planting_location", _location_target, on_location),
    Route("planting_text", _planting_text, on_text),
]
JOBS: list = [Job("planting_windows", settle_windows, 60)]
MEDIA_LISTENERS: list = [MediaListener(prepare_record_photo, analyse_record_photo)]
# dashboard_store holds the review decisions (they refer to plantings, so it migrates after it)
STORES: list = [store, dashboard_store]
EXPORTS: dict = {**store.EXPORT_SQL, **dashboard_store.EXPORT_SQL}
DASHBOARD: list = review_pages.PAGES
