"""Certificates (证书): the service layer of the certificates capability (job, chat, public page, awards).

Like 全民义务植树's 尽责证书, which people share in 朋友圈. The rules (config keys in brackets; docs/certificates.md
says why):

- A person earns a 植绿尽责证书 when their verified (核实) trees first reach their role's quota
  ([campaign.quotas]; verified: bot.planting's rule, review none, spot_check or approved). For a role whose
  quota is 0 (群众), when they log their household's first verified tree: a household gets one such certificate
  (advisers and admins, who belong to no household, get none). A record that becomes verified later (a review
  approves it) counts when it does: the ``certificates`` job looks at every record changed since its last run.
- Each certificate has a short serial (LM27-00012, printed) and a random page token of 192 bits (``/cert/<token>``,
  never the serial). Its page says it is genuine, or 已撤销 once a record behind it no longer counts (a rejected
  spot check) or its award was withdrawn. A person whose certificate was revoked earns a new one when their
  verified trees reach the quota again.
- Sending: the PNG (bot/certificate_image.py, a CJK font found on the system or [certificates.font]) as an image
  message through the outbox (uploaded when it is sent: WeChat keeps temporary media 3 days), and always a text
  line naming 证书 with the page's address (kind ``notice``: the notice template outside the 48-hour window, where
  the image waits). With no CJK font the text line goes alone and the log says which package to install.
- ``我的证书`` sends them again; award winners get a 荣誉证书 the same way (bot/awards.py calls ``issue_award``).

``earns_certificate`` to ``looks_like_token`` are pure (no app, no database) and unit-tested; the functions after
them are the services: they read and write through bot/store/certificates.py.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from bot import certificate_image, clock, media, outbox, planting, progress, reminders
from bot.db import transaction
from bot.roster import NON_HOUSEHOLD_ROLES
from bot.store import certificates as store
from bot.store import roster as roster_store

log = logging.getLogger(__name__)

QUOTA, AWARD = store.QUOTA, store.AWARD
JOB_CHECKS = "quota"  # the job's row in certificate_checks
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")


# -- pure -------------------------------------------------------------------------------------------
def earns_certificate(quota: int, own_trees: int, in_a_household: bool, household_certified: bool) -> bool:
    """Does a person earn their 植绿尽责证书 now? ``quota`` > 0: their verified trees reach it; quota 0 (群众): they
    have a verified tree, belong to a household (no adviser or admin), and nobody of it holds one yet."""
    if quota > 0:
        return own_trees >= quota
    return in_a_household and own_trees >= 1 and not household_certified


def own_and_collective_trees(records: list[dict]) -> tuple[int, int]:
    """(own trees, trees logged at a collective site) of verified records: a 党建林/主题林/示范点 record is planted by
    many and logged by one, so a certificate prints it apart from the holder's own; both count for the quota (taking
    part is what it asks: docs/certificates.md)."""
    own = sum(int(r["count"] or 0) for r in records if not r.get("collective"))
    return own, sum(int(r["count"] or 0) for r in records if r.get("collective"))


def species_words(records: list[dict], names: Mapping[str, str] | None = None) -> str:
    """The species of these records, each once, in the order first planted, as ``names`` (planting.display_names)
    shows them: '桂花、桃子'."""
    names = names or {}
    return "、".join(dict.fromkeys(names.get(r["species"], r["species"]) for r in records if r.get("species")))


def serial_prefix(year: int) -> str:
    return f"LM{year % 100:02d}-"


def new_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits


def looks_like_token(token: str) -> bool:
    return bool(_TOKEN_RE.match(token or ""))


# -- the image and the page ------------------------------------------------------------------------------
def font(app) -> Path | None:
    """The CJK font certificates are drawn with; None (and a warning in the log, once) when there is none."""
    found = certificate_image.find_cjk_font(str(app.config.path_of("certificates.font") or ""))

    def warn(_app) -> bool:
        if found is None:
            log.warning(
                "no Chinese (CJK) font found: certificates are sent as a link only. Install one (Debian/"
                "Ubuntu: apt-get install %s) or set certificates.font",
                certificate_image.FONT_PACKAGE,
            )
        return True

    app.service("certificate_font_checked", warn)
    return found


def page_path(cert: dict) -> str:
    return f"/cert/{cert['token']}"


def page_url(app, cert: dict) -> str:
    return app.config.public_link(page_path(cert))


def local_date(app, moment: str) -> str:
    day = clock.local(clock.from_db(moment), app.tz).date()
    return app.t("certificates.card.date", year=day.year, month=day.month, day=day.day)


def card(app, cert: dict) -> certificate_image.Card:
    """What the certificate says (every word from messages/replies/certificates.toml)."""
    t = app.t
    lines: tuple[str, ...]
    if cert["kind"] == AWARD:
        title = t("certificates.card.award_title")
        lines = (
            t("certificates.card.award_line", title=cert["title"]),
            t("certificates.card.period_line", period=cert["period"]) if cert["period"] else "",
        )
    else:
        title = t("certificates.card.quota_title")
        collective = int(cert.get("collective_trees") or 0)
        if cert["trees"] or not collective:
            planted = (
                t("certificates.card.trees_line", year=cert["year"], trees=cert["trees"]),
                t("certificates.card.collective_line", trees=collective) if collective else "",
            )
        else:  # none of their own: the collective planting, its trees below
            planted = (
                t("certificates.card.collective_only_line", year=cert["year"]),
                t("certificates.card.collective_count_line", trees=collective),
            )
        lines = (
            *planted,
            t("certificates.card.species_line", species=cert["species"]) if cert["species"] else "",
        )
    return certificate_image.Card(
        title=title,
        name=cert["name"],
        village=cert["village"] or "",
        lines=tuple(line for line in (*lines, t("certificates.card.closing")) if line),
        campaign=t("certificates.card.campaign", campaign=app.config.get("campaign.name"), year=cert["year"]),
        date=local_date(app, cert["issued_at"]),
        serial=t("certificates.card.serial", serial=cert["serial"]),
        address=t("certificates.card.address", url=page_url(app, cert)),
    )


def image_path(app, cert: dict) -> Path:
    return app.config.photos_dir / "certificates" / f"{cert['serial']}.png"


def draw(app, cert: dict) -> Path | None:
    """The certificate's PNG file, drawn now when it is not on disk (the slow part: outside any transaction when
    it can be); None without a CJK font."""
    path = image_path(app, cert)
    if path.is_file():
        return path
    found = font(app)
    if found is None:
        return None
    media.write_whole(path, certificate_image.render(card(app, cert), found))
    return path


def image_of(app, db, cert: dict) -> Path | None:
    """``draw``, and the path kept with the certificate."""
    path = draw(app, cert)
    if path is not None and cert.get("image") != str(path):
        store.set_image(db, cert["id"], str(path))
    return path


def is_genuine(db, cert: dict) -> bool:
    """Not withdrawn, and every record behind it still counts (a rejected spot check revokes it)."""
    if cert["revoked_at"]:
        return False
    records = store.records_of(db, cert["id"])
    return len(planting.still_verified(db, records)) == len(records)


def waits_for_review(db, cert: dict) -> bool:
    """Sim70: not genuine only because records behind it wait for a reviewer (a far location sent after it was issued
    moved one to review): neither withdrawn nor rejected; genuine again if the review approves them."""
    if cert["revoked_at"]:
        return False
    records = store.records_of(db, cert["id"])
    counted, waiting = planting.still_verified(db, records), planting.awaiting_review(db, records)
    return bool(waiting) and len(counted) + len(waiting) == len(records)


def held(db, cert: dict) -> bool:
    """Genuine, or waiting for a review of its records: a new certificate is never issued beside it."""
    return is_genuine(db, cert) or waits_for_review(db, cert)


def by_token(db, token: str) -> dict | None:
    return store.by_token(db, token) if looks_like_token(token) else None


# -- sending ----------------------------------------------------------------------------------------
TEXT_LINES = {QUOTA: "certificates.issued_quota", AWARD: "certificates.issued_award"}
TITLES = {QUOTA: "certificates.card.quota_title", AWARD: "certificates.card.award_title"}


def text_line(app, cert: dict, again: bool = False) -> str:
    """The line that goes with every certificate sent: it names 证书 and gives the page's address."""
    if again:
        return app.t(
            "certificates.again", title=app.t(TITLES[cert["kind"]]), serial=cert["serial"], url=page_url(app, cert)
        )
    return app.t(
        TEXT_LINES[cert["kind"]],
        name=cert["name"],
        title=cert["title"] or "",
        serial=cert["serial"],
        url=page_url(app, cert),
    )


def queue_image(app, db, cert: dict, openid: str, key: str, now: datetime, not_before: datetime | None = None) -> bool:
    """The certificate's picture to one user (an image message: uploaded when it is sent); False without a font."""
    path = image_of(app, db, cert)
    if path is None:
        return False
    outbox.enqueue(
        db,
        openid=openid,
        kind="notice",
        text=app.t("certificates.image_text", serial=cert["serial"]),
        dedupe_key=f"{key}:image",
        now=now,
        not_before=not_before,
        image=str(path),
    )
    return True


def send(app, db, cert: dict, openids: list[str], now: datetime) -> int:
    """A newly issued certificate to its holders: the picture, then the text line with the link (once each). A
    notice, so both wait for the end of quiet hours (``reminders.quiet_hours``); 我的证书's picture, a reply, does
    not (``send_again``)."""
    sent = 0
    send_at = reminders.send_time(app.config, now)
    for openid in openids:
        key = f"cert:{cert['id']}:{openid}"
        queue_image(app, db, cert, openid, key, now, not_before=send_at)
        sent += reminders.queue_notice(
            db, app.config, openid=openid, text=text_line(app, cert), key=f"{key}:text", now=now, url=page_path(cert)
        )
    store.mark_sent(db, cert["id"], clock.to_db(now))
    return sent


def holders(db, cert: dict) -> list[str]:
    """Whom a 植绿尽责证书 goes to: its person, when bound to WeChat."""
    person = roster_store.person(db, cert["person_id"])
    return [person["openid"]] if person and person["openid"] else []


# -- issuing ----------------------------------------------------------------------------------------
def _household_certified(db, member_ids: list[int]) -> bool:
    return any(held(db, c) for c in store.of_people(db, member_ids, QUOTA))


def ensure_quota_certificate(app, db, person_id: int, now: datetime) -> dict | None:
    """Issue the person's 植绿尽责证书 if they earn one now and hold no genuine one (not sent yet: ``issue_due``
    sends it); the new certificate or None. Call inside a transaction."""
    person = roster_store.person(db, person_id)
    if person is None or any(held(db, c) for c in store.of_people(db, [person_id], QUOTA)):
        return None
    records = planting.verified_tree_records(db, person_id)
    trees, collective = own_and_collective_trees(records)
    household = progress.household_progress(db, app.config, person_id)
    members = [m for m in (household.member_ids if household else (person_id,)) if m != person_id]
    if not earns_certificate(
        progress.quota_for(app.config, person["role"]),
        trees + collective,
        person["role"] not in NON_HOUSEHOLD_ROLES,
        _household_certified(db, members),
    ):
        return None
    village = roster_store.village(db, person["village_id"])
    year = int(app.config.get("campaign.year"))
    cert_id = store.add(
        db,
        kind=QUOTA,
        person_id=person_id,
        village_id=person["village_id"],
        award_id=None,
        token=new_token(),
        name=person["name"],
        village=village["name"] if village else "",
        title=None,
        period=None,
        trees=trees,
        collective_trees=collective,
        species=species_words(records, planting.display_names(app)),
        year=year,
        serial_prefix=serial_prefix(year),
        planting_ids=[r["id"] for r in records],
        now=clock.to_db(now),
    )
    return store.get(db, cert_id)


def _issue_earned(app, db, now: datetime, checked: datetime | None = None) -> list[dict]:
    """The certificates earned by the records that changed since the last look, up to ``now``, issued (not sent);
    the look recorded as made at ``checked`` (default ``now``). Call inside a transaction."""
    since, until = store.checked_until(db, JOB_CHECKS), clock.to_db(now)
    issued = [
        ensure_quota_certificate(app, db, pid, now) for pid in planting.people_with_changed_records(db, since, until)
    ]
    store.set_checked_until(db, JOB_CHECKS, clock.to_db(checked or now))
    return [cert for cert in issued if cert is not None]


def issue_as_sent(app, now: datetime) -> int:
    """Every certificate the records up to ``now`` earn, issued and marked sent at ``now`` with no message (the
    picture is drawn when first asked for): a season loaded at once (``demo``), whose certificates went out
    during the season. The next look starts from the program clock's now, if that is earlier. How many."""
    with transaction(app.db):
        issued = _issue_earned(app, app.db, now, checked=min(now, app.clock()))
        for cert in issued:
            store.mark_sent(app.db, cert["id"], clock.to_db(now))
    return len(issued)


def issue_due(app, now: datetime, openid: str | None = None) -> dict:
    """Job: every person credited with a record that changed since the last run (finished, analysed, approved)
    gets their certificate if they earn it now; then every certificate not sent yet goes to its holder, its
    picture drawn first outside the transaction (so that many certificates at once never hold the write lock).
    With ``openid`` (the simulator's share) only that user's certificates are drawn and sent; the rest wait."""
    db = app.db
    with transaction(db):
        issued = len(_issue_earned(app, db, now))
    waiting = [c for c in store.unsent(db) if c["kind"] == QUOTA and (openid is None or openid in holders(db, c))]
    for cert in waiting:
        draw(app, cert)
    with transaction(db):
        still = {c["id"] for c in store.unsent(db)}  # 我的证书 may have given one meanwhile
        sent = sum(send(app, db, cert, holders(db, cert), now) for cert in waiting if cert["id"] in still)
    if issued:
        log.info("certificates issued: %s", issued)
    return {"issued": issued, "sent": sent}


def resting_on(db, person_id: int, planting_id: int) -> list[dict]:
    """The person's 植绿尽责证书 sent that rest on this record (sim70: a far location moves it to review)."""
    return [
        c
        for c in store.of_people(db, [person_id], QUOTA)
        if c["sent_at"] and not c["revoked_at"] and planting_id in store.records_of(db, c["id"])
    ]


def mine(ctx) -> tuple[list[dict], list[dict]]:
    """The sender's certificates (issuing the one they earn now: the reply carries its line): (genuine, revoked)."""
    new = ensure_quota_certificate(ctx.app, ctx.db, ctx.person["id"], ctx.now)
    if new:
        store.mark_sent(ctx.db, new["id"], ctx.now_s)
    held = store.of_people(ctx.db, [ctx.person["id"]])
    genuine = [c for c in held if is_genuine(ctx.db, c)]
    return genuine, [c for c in held if c not in genuine]


def send_again(ctx, certs: list[dict]) -> int:
    """我的证书: each certificate's picture again (the reply carries the text lines); how many pictures."""
    return sum(
        queue_image(ctx.app, ctx.db, cert, ctx.openid, f"cert:{cert['id']}:again:{ctx.inbox_id}", ctx.now)
        for cert in certs
    )


# -- awards (bot/awards.py) -------------------------------------------------------------------------------
def issue_award(
    app,
    db,
    *,
    award_id: int,
    person_id: int | None,
    village_id: int | None,
    name: str,
    title: str,
    period: str,
    openids: list[str],
    now: datetime,
) -> dict:
    """A 荣誉证书 for an award winner (a person, or a village: ``name`` is then the village's), sent to ``openids`` at
    once (one picture, drawn inside the office's request)."""
    village = roster_store.village(db, village_id)
    year = int(app.config.get("campaign.year"))
    cert_id = store.add(
        db,
        kind=AWARD,
        person_id=person_id,
        village_id=village_id,
        award_id=award_id,
        token=new_token(),
        name=name,
        village=village["name"] if village and person_id else "",
        title=title,
        period=period,
        trees=None,
        species=None,
        year=year,
        serial_prefix=serial_prefix(year),
        planting_ids=[],
        now=clock.to_db(now),
    )
    cert = store.get(db, cert_id)
    assert cert is not None  # just issued
    send(app, db, cert, openids, now)
    return cert


def revoke_award(db, award_id: int, reason: str, now: str) -> None:
    """The award was withdrawn: its certificate's page says 已撤销."""
    cert = store.of_award(db, award_id)
    if cert:
        store.revoke(db, cert["id"], reason, now)
