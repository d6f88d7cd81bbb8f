"""Planting records: the parts of a record that arrive in any order, what is still missing, the flags.

A record needs a photo, a species and a count (a cadre's plot: a photo, a species and an area in 亩);
a location is welcome. The parts may come in any order within the collecting window
(``conversation.timeout_minutes``): the pending record's id is kept in the ``planting`` flow, the
record itself is a ``plantings`` row from its first part on, so a photo links to it (its media row)
at once and is analysed later by the media job.

Everything from ``parse_text`` to ``review_after`` is pure (no app, no database) and unit-tested;
the few functions above and below it read the pending record through the ``planting`` flow.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from bot import nlu
from bot.conversation import Flow
from bot.photos import haversine_m, is_far_from, is_old_photo



def _cancel_pending_record(ctx, state) -> None:
    """取消 while a record is being collected: it is marked cancelled at once (it never counted)."""
    from bot.store import plantings as store

    record = store.get(ctx.db, state.data.get("planting_id"))
    if record and record["status"] == "pending":
        store.update(ctx.db, record["id"], {"status": "cancelled", "closed_at": ctx.now_s, "updated_at": ctx.now_s})


# data: {"planting_id": int}; timeout: conversation.timeout_minutes
FLOW = Flow("planting", ("collecting",), on_cancel=_cancel_pending_record)

FLAG_ORDER = ("duplicate_photo", "far_from_village", "old_photo", "unknown_species")
PLOT_SITES = ("党建林", "主题林", "示范点")

# A bare tree name typed while a record waits for its species: CJK only, short, not a command.
_BARE_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
_NOT_A_NAME = {"取消", "帮助", "好", "好的", "是", "是的", "对", "对的", "不是", "没有", "知道了", "谢谢"}


# -- text -------------------------------------------------------------------------------------------
def parse_text(text: str, species_table: Mapping, waiting_for: frozenset[str] = frozenset()
               ) -> nlu.PlantingText | None:
    """A planting report, as ``nlu.parse_planting_text`` reads it; while a record waits for parts
    (``waiting_for``: 'species', 'count', 'area'), a bare answer is accepted too: ``3棵``, ``三株``,
    ``桂花``, ``2亩``, or an unknown tree name as written (``黄皮``).

    nlu gap this covers: ``parse_planting_text`` needs a tree word next to a count ('3棵' alone, or
    '桂花' alone, is not a report), which is right without context but not as an answer.
    """
    parsed = nlu.parse_planting_text(text, species_table)
    if parsed is not None or not waiting_for:
        return parsed
    text = nlu.to_halfwidth(text or "").strip().strip("。.!！,，")
    if not text or nlu.is_question(text) or nlu.is_chitchat(text):
        return None
    count = nlu.parse_count(text)
    area = nlu.parse_area_mu(text)
    species, written = nlu.find_species(text, species_table)
    unknown = False
    if species is None and "species" in waiting_for and count is None and area is None \
            and _BARE_NAME_RE.match(text) and text not in _NOT_A_NAME and not nlu.find_site(text):
        written = re.sub(r"(树苗|树)$", "", text) if len(text) > 2 else text
        unknown = True
    if count is None and area is None and species is None and not unknown:
        return None
    return nlu.PlantingText(count=count.count if count else None, vague=bool(count and count.vague),
                            species=species, species_text=written, unknown_species=unknown,
                            site_kind=nlu.find_site(text), area_mu=area, proxy_name=None)


def is_plot(parsed: nlu.PlantingText) -> bool:
    """A cadre's plot record: an area in 亩 (党建林 2.5亩 …)."""
    return parsed.area_mu is not None


def needs_cadre(parsed: nlu.PlantingText) -> bool:
    return is_plot(parsed) or parsed.proxy_name is not None


def is_cadre(person: Mapping | None, roles: tuple[str, ...] | list[str]) -> bool:
    """May this person log plot records and 代种 (``planting.cadre_roles``)?"""
    return bool(person) and person.get("role") in roles


def text_updates(parsed: nlu.PlantingText) -> dict[str, Any]:
    """The record columns a planting text sets (only what it says; a vague count sets none)."""
    fields: dict[str, Any] = {}
    if is_plot(parsed):
        fields["kind"] = "plot"
        fields["area_mu"] = parsed.area_mu
    if parsed.site_kind:
        fields["site"] = parsed.site_kind
    if parsed.species:
        fields.update(species=parsed.species, species_known=1)
    elif parsed.unknown_species and parsed.species_text:
        fields.update(species=parsed.species_text, species_known=0)
    if parsed.count is not None:
        fields["count"] = parsed.count
    return fields


# -- what is missing --------------------------------------------------------------------------------
def missing_parts(record: Mapping, photo_count: int) -> list[str]:
    """The parts a record still needs, in the order the bot asks for them."""
    missing = []
    if not record.get("species"):
        missing.append("species")
    if record.get("kind") == "plot":
        if record.get("area_mu") is None:
            missing.append("area")
    elif record.get("count") is None:
        missing.append("count")
    if photo_count < 1:
        missing.append("photo")
    return missing


def text_parts_missing(record: Mapping) -> frozenset[str]:
    return frozenset(p for p in missing_parts(record, 1) if p != "photo")


def describe(record: Mapping) -> str:
    """What was recorded, as a villager would say it: '3棵桂花', '党建林 2.5亩 120棵香樟'."""
    parts = []
    if record.get("kind") == "plot" or record.get("site") in PLOT_SITES:
        parts.append(record.get("site") or "")
    if record.get("area_mu") is not None:
        parts.append(f"{record['area_mu']:g}亩")
    tree = ""
    if record.get("count") is not None:
        tree += f"{record['count']}棵"
    tree += record.get("species") or ("树" if tree else "")
    parts.append(tree)
    return " ".join(p for p in parts if p)


# -- flags ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Flag:
    name: str
    values: dict      # what the reason text is made of
    ref: int | None = None  # duplicate_photo: the other record


def season_start(year: int, window: list[str] | tuple[str, ...]) -> date:
    month, day = (int(x) for x in window[0].split("-"))
    return date(int(year), month, day)


def compute_flags(record: Mapping, photos: list[Mapping], village: Mapping | None, *, season: date,
                  old_photo_tolerance_days: int) -> list[Flag]:
    """The review flags of a record, from its parts and its analysed photos."""
    flags: list[Flag] = []
    dups = [p for p in photos if p.get("duplicate_of")]
    if dups:
        first = min(dups, key=lambda p: (p.get("duplicate_distance") or 0, p["duplicate_of"]))
        flags.append(Flag("duplicate_photo", {"ref": first["duplicate_of"],
                                              "distance": first.get("duplicate_distance") or 0},
                          ref=first["duplicate_of"]))
    lat, lng = record.get("lat"), record.get("lng")
    if lat is None or lng is None:
        gps = next((p for p in photos if p.get("exif_lat") is not None and p.get("exif_lng") is not None), None)
        lat, lng = (gps["exif_lat"], gps["exif_lng"]) if gps else (None, None)
    if village and is_far_from(lat, lng, village.get("lat"), village.get("lng"), village.get("radius_m")):
        distance = haversine_m(lat, lng, village["lat"], village["lng"])
        flags.append(Flag("far_from_village", {"village": village.get("name") or "",
                                               "km": round(distance / 1000, 1),
                                               "radius_km": round(village["radius_m"] / 1000, 1)}))
    old = [p for p in photos if is_old_photo(p.get("exif_time"), season, old_photo_tolerance_days)]
    if old:
        flags.append(Flag("old_photo", {"taken": old[0]["exif_time"][:10], "season": season.isoformat()}))
    if record.get("species") and record.get("species_known") == 0:
        flags.append(Flag("unknown_species", {"species": record["species"]}))
    return sorted(flags, key=lambda f: FLAG_ORDER.index(f.name))


def review_after(current_review: str, flags: list[Flag]) -> str:
    """Flags ask for a review; a decision already taken (approved/rejected) stands."""
    if current_review in ("approved", "rejected"):
        return current_review
    return "pending" if flags else "none"


# -- the escalation hooks ---------------------------------------------------------------------------
def is_collecting_text_record(ctx) -> bool:
    """Is the sender's pending record one that already has its text (species, count or area) and
    waits for its photo? Then a photo belongs to it, even inside a ticket's 补充 window."""
    from bot.store import plantings as store

    state = FLOW.state(ctx)
    record = store.get(ctx.db, state.data.get("planting_id")) if state else None
    return bool(record and record["status"] == "pending"
                and (record["species"] or record["count"] is not None or record["area_mu"] is not None))


def take_pending_photos(ctx) -> list[int]:
    """The media row ids of the sender's pending record when it has photos but no species/count/area yet,
    dropping that record (cancelled, photos unlinked): the escalation capability calls this when the
    text after a photo is a question, so the photo goes to the adviser instead. [] when there is none."""
    from bot.store import plantings as store

    state = FLOW.state(ctx)
    if state is None:
        return []
    record = store.get(ctx.db, state.data.get("planting_id"))
    if record is None or record["status"] != "pending" or record["species"] or record["count"] is not None \
            or record["area_mu"] is not None:
        return []
    media_ids = store.unlink_photos(ctx.db, record["id"])
    if not media_ids:
        return []
    store.update(ctx.db, record["id"], {"status": "cancelled", "closed_at": ctx.now_s, "updated_at": ctx.now_s})
    FLOW.end(ctx)
    return media_ids
