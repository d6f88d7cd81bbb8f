"""Adviser tickets: questions the bot could not answer, their attachments, and FAQ entries made from them."""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.roster import ADMIN, ADVISER
from bot.store import new_id, one

migrations = Migrations("tickets")

EXPORT_SQL = {
    "tickets": (
        "SELECT t.id, t.openid, v.name AS village, t.question, t.status, a.name AS adviser, t.created_at,"
        " t.answered_at, t.answer, t.source, t.answered_by, t.closed_at, t.closed_by, t.close_reason,"
        " t.corrected_at,"
        " CAST(ROUND((julianday(t.answered_at) - julianday(t.created_at)) * 24, 2) AS REAL) AS response_hours,"
        # esc101: whose the ticket is (round 100's route; none before it: the adviser's) and the holder's role (the
        # ``adviser`` column names a village's cadre too; nobody there: the admins hold it), after the contract's columns
        " COALESCE(t.route, 'adviser') AS route,"
        f" CASE WHEN t.adviser_person_id IS NULL THEN '{ADMIN}' ELSE a.role END AS holder_role"
        " FROM tickets t LEFT JOIN villages v ON v.id = t.village_id"
        " LEFT JOIN people a ON a.id = t.adviser_person_id ORDER BY t.id"
    ),
    # every answer a ticket had, the corrected ones kept (answer history)
    "ticket_answers": (
        "SELECT h.id, h.ticket_id, h.round, h.kind, h.answer, h.answered_by, h.signature, h.created_at"
        " FROM ticket_answers h ORDER BY h.ticket_id, h.id"
    ),
}


@migrations()
def m001_tickets(db: Database) -> None:
    db.table("tickets").create(
        {
            "id": int,
            "openid": str,
            "person_id": int,
            "village_id": int,
            "adviser_person_id": int,  # the assigned adviser (people.id, role 技术顾问); None = the admins
            "question": str,
            "source": str,  # text | voice | photo | explicit (问专家) | low_confidence
            "status": str,  # open | answered | closed
            "answer": str,
            "answered_by": str,
            "answered_at": str,
            "public_token": str,  # /answer/<token>
            "reminded_at": str,
            "escalated_at": str,
            "closed_at": str,
            "reopened_count": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"openid", "question", "status", "reopened_count"},
        defaults={"status": "open", "reopened_count": 0},
        foreign_keys=[
            ("person_id", "people", "id"),
            ("village_id", "villages", "id"),
            ("adviser_person_id", "people", "id"),
        ],
    )
    db.table("tickets").create_index(["status", "created_at"])
    db.table("tickets").create_index(["adviser_person_id", "status"])
    db.table("tickets").create_index(["openid", "created_at"])
    db.table("tickets").create_index(["public_token"], unique=True)
    db.table("ticket_attachments").create(
        {"id": int, "ticket_id": int, "media_row_id": int, "text": str, "created_at": str},
        pk="id",
        not_null={"ticket_id"},
        foreign_keys=[("ticket_id", "tickets", "id")],
    )
    db.table("ticket_attachments").create_index(["ticket_id"])
    db.table("faq_entries").create(
        {"id": int, "ticket_id": int, "question": str, "answer": str, "created_by": str, "created_at": str},
        pk="id",
        not_null={"question", "answer"},
    )


@migrations()
def m002_ticket_clocks(db: Database) -> None:
    """opened_at: when the current round began (creation or reopening; the SLA clock);
    activity_at: the villager's last message on it (the 补充 window); assigned_at: round-robin order;
    answered_by_person_id: who answered (people.id; None for a dashboard admin)."""
    db.table("tickets").add_column("opened_at", str)
    db.table("tickets").add_column("activity_at", str)
    db.table("tickets").add_column("assigned_at", str)
    db.table("tickets").add_column("answered_by_person_id", int)
    db.execute("UPDATE tickets SET opened_at = created_at, activity_at = created_at, assigned_at = created_at")
    db.table("faq_entries").create_index(["ticket_id"])


@migrations()
def m003_close_reason_signature_rounds(db: Database) -> None:
    """closed_by, close_reason: a ticket closed by staff (not a question, a duplicate …), who and why (``解决了``
    leaves both empty); answer_signature: how the villager saw the answer signed (县林业站 王工);
    ticket_attachments.round: the ticket's reopened_count when it came (0: the question's round; a reopened
    round's first attachment is its follow-up question)."""
    db.table("tickets").add_column("closed_by", str)
    db.table("tickets").add_column("close_reason", str)
    db.table("tickets").add_column("answer_signature", str)
    db.table("ticket_attachments").add_column("round", int, not_null_default=0)


@migrations()
def m004_attachments_by_media(db: Database) -> None:
    """Whether a photo is on a ticket already is asked for each of a sender's recent photos on most texts
    (``recent_activity``): by this index, not through every attachment."""
    db.table("ticket_attachments").create_index(["media_row_id"])


@migrations()
def m005_answer_history(db: Database) -> None:
    """``ticket_answers``: every answer a ticket was given, in order (``kind`` 'answer' for ``答`` and the dashboard's
    answer, 'correction' for ``更正``), with who and when: a corrected answer is kept, never overwritten silently; the
    ticket's ``answer`` is the latest. ``tickets.corrected_at``: when its answer was last corrected.
    ``faq_entries.revision``: raised (the largest + 1) each time an entry's answer is corrected, so that every
    process's FAQ index takes the corrected answer (bot/escalation.py ``_AdviserEntrySync``). Answers given before
    this migration become each ticket's first row."""
    db.table("ticket_answers").create(
        {
            "id": int,
            "ticket_id": int,
            "round": int,  # the ticket's reopened_count when given
            "kind": str,  # answer | correction | supplement (sim69: 补充, added to the answer, never replacing it)
            "answer": str,
            "answered_by": str,
            "answered_by_person_id": int,
            "signature": str,
            "created_at": str,
        },
        pk="id",
        not_null={"ticket_id", "kind", "answer"},
        defaults={"round": 0},
        foreign_keys=[("ticket_id", "tickets", "id")],
    )
    db.table("ticket_answers").create_index(["ticket_id"])
    db.table("tickets").add_column("corrected_at", str)
    db.table("faq_entries").add_column("revision", int, not_null_default=0)
    db.table("faq_entries").create_index(["revision"])
    db.execute(
        "INSERT INTO ticket_answers (ticket_id, round, kind, answer, answered_by, answered_by_person_id, signature,"
        " created_at) SELECT id, reopened_count, 'answer', answer, answered_by, answered_by_person_id,"
        " answer_signature, answered_at FROM tickets WHERE answer IS NOT NULL AND answer != '' ORDER BY id"
    )


@migrations()
def m006_ticket_route(db: Database) -> None:
    """Round 100: ``tickets.route``, whose ticket it is: 'adviser' (a tree's trouble: a 技术顾问 holds it) or 'village'
    (money, land …: the village's 村书记 or 村干部 holds it, else the admins); tickets before it are the adviser's
    (NULL reads 'adviser': bot/escalation.py ``route_of``)."""
    db.table("tickets").add_column("route", str)


# -- tickets ---------------------------------------------------------------------------------------
def create(
    db: Database,
    *,
    openid: str,
    person_id: int | None,
    village_id: int | None,
    adviser_person_id: int | None,
    question: str,
    source: str,
    public_token: str,
    now: str,
    route: str = "adviser",
) -> int:
    cursor = db.execute(
        "INSERT INTO tickets (openid, person_id, village_id, adviser_person_id, question, source, status,"
        " public_token, reopened_count, created_at, updated_at, opened_at, activity_at, assigned_at, route)"
        " VALUES (?, ?, ?, ?, ?, ?, 'open', ?, 0, ?, ?, ?, ?, ?, ?)",
        [
            openid,
            person_id,
            village_id,
            adviser_person_id,
            question,
            source,
            public_token,
            *[now] * 5,
            route,
        ],
    )
    return new_id(cursor)


def get(db: Database, ticket_id: int) -> dict | None:
    return one(db, "SELECT * FROM tickets WHERE id = ?", [ticket_id])


def by_public_token(db: Database, token: str) -> dict | None:
    return one(db, "SELECT * FROM tickets WHERE public_token = ?", [token])


# the villager's open tickets written to at or after a time (the 补充 window); params: openid (unless given as
# {openid}), since
# params: since, until (now). A ticket asked after now is none of them (sim64: a rehearsal's BOT_NOW moved back an hour
# found the question asked at the later moment open for its 补充, as sim63 found flows: bot.store.conversations LIVE).
_OPEN_SINCE_SQL = (
    "SELECT {what} FROM tickets WHERE openid = {openid} AND status = 'open' AND activity_at >= ? AND created_at <= ?"
)


def open_with_activity_since(db: Database, openid: str, since: str, until: str) -> list[dict]:
    """The villager's open tickets, asked at or before ``until`` (now), they wrote to at or after ``since`` (the 补充
    window), latest first."""
    return list(
        db.query(
            _OPEN_SINCE_SQL.format(what="*", openid="?") + " ORDER BY activity_at DESC, id DESC", [openid, since, until]
        )
    )


# whether the villager has a ticket answered between the parameters (the reopen window, now), read with the user row
# (bot/registry.py UserRead; handlers/escalation.py RECENT_ANSWER): most texts then ask no ticket of their own
ANSWERED_SINCE_OF_USER = (
    "EXISTS (SELECT 1 FROM tickets t WHERE t.openid = users.openid AND t.status = 'answered' AND t.answered_at >= ?"
    " AND t.answered_at <= ?)"
)


def latest_open(db: Database, openid: str) -> dict | None:
    """The villager's open ticket they wrote to last (round 52: a question withdrawn, ``不用问了``)."""
    return one(
        db,
        "SELECT * FROM tickets WHERE openid = ? AND status = 'open' ORDER BY activity_at DESC, id DESC LIMIT 1",
        [openid],
    )


def latest_answered_since(db: Database, openid: str, since: str, until: str) -> dict | None:
    """The villager's most recently answered (not closed) ticket answered at or after ``since`` and not after
    ``until`` (now: an answer given after a rehearsal clock moved back is not yet given, as ``_OPEN_SINCE_SQL``)."""
    return one(
        db,
        "SELECT * FROM tickets WHERE openid = ? AND status = 'answered' AND answered_at >= ? AND answered_at <= ?"
        " ORDER BY answered_at DESC, id DESC LIMIT 1",
        [openid, since, until],
    )


def count_created_since(db: Database, openid: str, since: str) -> int:
    return next(db.query("SELECT COUNT(*) AS n FROM tickets WHERE openid = ? AND created_at >= ?", [openid, since]))[
        "n"
    ]


def touch_activity(db: Database, ticket_id: int, now: str) -> None:
    db.execute("UPDATE tickets SET activity_at = ?, updated_at = ? WHERE id = ?", [now, now, ticket_id])


def set_answer(
    db: Database,
    ticket_id: int,
    *,
    answer: str,
    answered_by: str,
    answered_by_person_id: int | None,
    signature: str,
    now: str,
) -> None:
    """Record the latest answer; answered_at keeps the first answer's time (the response time)."""
    db.execute(
        "UPDATE tickets SET status = 'answered', answer = ?, answered_by = ?, answered_by_person_id = ?,"
        " answer_signature = ?, answered_at = COALESCE(answered_at, ?), updated_at = ? WHERE id = ?",
        [answer, answered_by, answered_by_person_id, signature, now, now, ticket_id],
    )


def set_corrected_answer(db: Database, ticket_id: int, *, answer: str, signature: str, now: str) -> None:
    """The ticket's answer corrected (``更正``): who answered first and when stay (the response time, who may
    correct); the signature is the corrector's, as the villager now reads it."""
    db.execute(
        "UPDATE tickets SET answer = ?, answer_signature = ?, corrected_at = ?, updated_at = ? WHERE id = ?",
        [answer, signature, now, now, ticket_id],
    )


def add_answer_history(
    db: Database,
    ticket_id: int,
    *,
    round_: int,
    kind: str,
    answer: str,
    answered_by: str,
    answered_by_person_id: int | None,
    signature: str,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO ticket_answers (ticket_id, round, kind, answer, answered_by, answered_by_person_id, signature,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [ticket_id, round_, kind, answer, answered_by, answered_by_person_id, signature, now],
    )
    return new_id(cursor)


def answer_history(db: Database, ticket_id: int) -> list[dict]:
    """Every answer the ticket was given, oldest first (the last is its answer now); what was added to them (补充) is
    ``supplements``'."""
    return list(
        db.query("SELECT * FROM ticket_answers WHERE ticket_id = ? AND kind != 'supplement' ORDER BY id", [ticket_id])
    )


def supplements(db: Database, ticket_id: int) -> list[dict]:
    """Sim69: what its advisers added to the ticket's answers (补充), oldest first."""
    return list(
        db.query("SELECT * FROM ticket_answers WHERE ticket_id = ? AND kind = 'supplement' ORDER BY id", [ticket_id])
    )


def last_answer_at(db: Database, ticket_id: int) -> str | None:
    """When the ticket's last answer was given (corrections aside: they do not move the follow-up window)."""
    row = one(
        db, "SELECT MAX(created_at) AS at FROM ticket_answers WHERE ticket_id = ? AND kind = 'answer'", [ticket_id]
    )
    return row["at"] if row else None


def close(db: Database, ticket_id: int, now: str, by: str | None = None, reason: str | None = None) -> None:
    db.execute(
        "UPDATE tickets SET status = 'closed', closed_at = ?, closed_by = ?, close_reason = ?, updated_at = ?"
        " WHERE id = ?",
        [now, by, reason, now, ticket_id],
    )


def reopen(db: Database, ticket_id: int, now: str) -> None:
    """A follow-up question: open again, with a fresh SLA clock (reminder and reassignment re-armed)."""
    db.execute(
        "UPDATE tickets SET status = 'open', reopened_count = reopened_count + 1, opened_at = ?, activity_at = ?,"
        " reminded_at = NULL, escalated_at = NULL, updated_at = ? WHERE id = ?",
        [now, now, now, ticket_id],
    )


def undo_close(db: Database, ticket_id: int, now: str) -> None:
    """A ticket its adviser closed unanswered, open again for the answer they give after all (round 54,
    ``escalation.reopens_for_closer``): no longer closed, nobody's reason kept (the log keeps that it was)."""
    db.execute(
        "UPDATE tickets SET status = 'open', closed_at = NULL, closed_by = NULL, close_reason = NULL, updated_at = ?"
        " WHERE id = ?",
        [now, ticket_id],
    )


def assign(db: Database, ticket_id: int, adviser_person_id: int | None, now: str) -> None:
    db.execute(
        "UPDATE tickets SET adviser_person_id = ?, assigned_at = ?, updated_at = ? WHERE id = ?",
        [adviser_person_id, now, now, ticket_id],
    )


def mark_reminded(db: Database, ticket_id: int, now: str) -> None:
    db.execute("UPDATE tickets SET reminded_at = ? WHERE id = ?", [now, ticket_id])


def mark_escalated(db: Database, ticket_id: int, now: str) -> None:
    db.execute("UPDATE tickets SET escalated_at = ? WHERE id = ?", [now, ticket_id])


# A reopened ticket's follow-up: the first attachment of its current round (added when it was reopened).
_FOLLOW_UP = (
    "(SELECT {column} FROM ticket_attachments fa LEFT JOIN media fm ON fm.id = fa.media_row_id"
    " WHERE fa.ticket_id = t.id AND t.reopened_count > 0 AND fa.round = t.reopened_count ORDER BY fa.id LIMIT 1)"
)
_LIST_SQL = (
    "SELECT t.*, v.name AS village, a.name AS adviser, a.role AS holder_role,"
    f" {_FOLLOW_UP.format(column='fa.text')} AS follow_up_text,"
    f" {_FOLLOW_UP.format(column='fm.kind')} AS follow_up_media"
    " FROM tickets t LEFT JOIN villages v ON v.id = t.village_id LEFT JOIN people a ON a.id = t.adviser_person_id"
    " WHERE {where}"
)
_OPEN = "t.status = 'open' {extra} ORDER BY t.opened_at, t.id"


def open_for_adviser(db: Database, person_id: int) -> list[dict]:
    """Open tickets assigned to one adviser, oldest first."""
    return list(db.query(_LIST_SQL.format(where=_OPEN.format(extra="AND t.adviser_person_id = ?")), [person_id]))


def open_for_admins(db: Database) -> list[dict]:
    """Open tickets with no adviser (raised to the campaign admins), oldest first."""
    return list(db.query(_LIST_SQL.format(where=_OPEN.format(extra="AND t.adviser_person_id IS NULL")), []))


def all_open(db: Database) -> list[dict]:
    return list(db.query(_LIST_SQL.format(where=_OPEN.format(extra="")), []))


def open_of_village(db: Database, village_id: int, route: str) -> list[dict]:
    """Esc101: one village's open tickets of one route (a cadre login's queue: its village's), oldest first."""
    where = _OPEN.format(extra="AND t.village_id = ? AND t.route = ?")
    return list(db.query(_LIST_SQL.format(where=where), [village_id, route]))


def recently_answered(
    db: Database,
    adviser_person_id: int | None = None,
    limit: int = 30,
    *,
    village: tuple[int, str] | None = None,
) -> list[dict]:
    """The latest answered or closed tickets (one adviser's, or everyone's when None; esc101: ``village``, one village's
    of one route), newest first."""
    params: list[int | str]
    extra, params = ("AND t.adviser_person_id = ?", [adviser_person_id]) if adviser_person_id else ("", [])
    if village is not None:
        extra, params = "AND t.village_id = ? AND t.route = ?", [*village]
    where = f"t.status != 'open' AND t.answered_at IS NOT NULL {extra} ORDER BY t.answered_at DESC LIMIT ?"
    return list(db.query(_LIST_SQL.format(where=where), [*params, limit]))


def due_for_reminder(db: Database, opened_before: str) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM tickets WHERE status = 'open' AND reminded_at IS NULL AND opened_at <= ? ORDER BY id",
            [opened_before],
        )
    )


def due_for_reassignment(db: Database, opened_before: str) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM tickets WHERE status = 'open' AND escalated_at IS NULL AND opened_at <= ? ORDER BY id",
            [opened_before],
        )
    )


def owned_outside_their_villages(db: Database, cadre_roles: tuple[str, ...]) -> list[dict]:
    """Open tickets whose adviser no longer serves them (the lead, forty-second session; sim67 left it): the roster
    names the owner no 技术顾问 any more, or the ticket's village is no longer linked to them while another adviser is.
    Round 100: a village's ticket (route 'village') is its cadre's, never an adviser's: it is handed on only when the
    roster no longer names its holder one of ``cadre_roles`` of the ticket's village.
    Tickets already handed on (``escalated_at``: passed on in chat, or reassigned once by the SLA) are where someone
    sent them, and stay."""
    roles = ", ".join("?" * len(cadre_roles))
    return list(
        db.query(
            "SELECT t.* FROM tickets t JOIN people p ON p.id = t.adviser_person_id"
            " WHERE t.status = 'open' AND t.escalated_at IS NULL AND (COALESCE(t.route, 'adviser') = 'adviser'"
            " AND (p.role != ? OR (t.village_id IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM adviser_villages av WHERE av.person_id = p.id AND av.village_id = t.village_id)"
            " AND EXISTS (SELECT 1 FROM adviser_villages av JOIN people q ON q.id = av.person_id"
            " WHERE av.village_id = t.village_id AND q.role = ?)))"
            f" OR t.route = 'village' AND (p.role NOT IN ({roles}) OR p.village_id IS NOT t.village_id))"
            " ORDER BY t.id",
            [ADVISER, ADVISER, *cadre_roles],
        )
    )


def response_times(db: Database) -> list[dict]:
    """Per answering adviser: answered tickets and hours from question to first answer (round 100: the advisers'
    tickets only; a village's, answered by its cadres or the office, are no adviser's figure)."""
    return list(
        db.query(
            "SELECT COALESCE(p.name, t.answered_by) AS adviser, COUNT(*) AS answered,"
            " ROUND(AVG((julianday(t.answered_at) - julianday(t.created_at)) * 24), 2) AS avg_hours,"
            " ROUND(MAX((julianday(t.answered_at) - julianday(t.created_at)) * 24), 2) AS max_hours"
            " FROM tickets t LEFT JOIN people p ON p.id = t.answered_by_person_id"
            " WHERE t.answered_at IS NOT NULL AND COALESCE(t.route, 'adviser') = 'adviser' GROUP BY 1 ORDER BY 1"
        )
    )


def open_by_adviser(db: Database) -> dict[int, int]:
    """adviser (people.id) -> open tickets assigned to them."""
    return {
        r["adviser_person_id"]: r["n"]
        for r in db.query(
            "SELECT adviser_person_id, COUNT(*) AS n FROM tickets WHERE status = 'open' AND adviser_person_id IS NOT NULL"
            " AND COALESCE(route, 'adviser') = 'adviser' GROUP BY adviser_person_id"
        )
    }


def answer_hours(db: Database, since: str | None = None, until: str | None = None) -> list[dict]:
    """Each adviser's ticket (round 100: not a village's) first answered in [since, until] by a roster person: who
    (``person_id``) and the hours from the question to that answer."""
    return list(
        db.query(
            "SELECT answered_by_person_id AS person_id,"
            " (julianday(answered_at) - julianday(created_at)) * 24 AS hours FROM tickets"
            " WHERE answered_at IS NOT NULL AND answered_by_person_id IS NOT NULL AND COALESCE(route, 'adviser') = 'adviser'"
            " AND (:since IS NULL OR answered_at >= :since) AND (:until IS NULL OR answered_at <= :until)",
            {"since": since, "until": until},
        )
    )


# -- attachments -----------------------------------------------------------------------------------
def add_attachment(
    db: Database, ticket_id: int, *, media_row_id: int | None, text: str | None, now: str, round_: int = 0
) -> int:
    """A photo, voice or text on the ticket, in round ``round_`` (the ticket's reopened_count)."""
    cursor = db.execute(
        "INSERT INTO ticket_attachments (ticket_id, media_row_id, text, created_at, round) VALUES (?, ?, ?, ?, ?)",
        [ticket_id, media_row_id, text, now, round_],
    )
    return new_id(cursor)


def attachments(db: Database, ticket_id: int) -> list[dict]:
    """The ticket's attachments with their media (kind, status, path, sha256) and, for a voice, WeChat's speech
    recognition of it (``recognition``: None when it had none)."""
    return list(
        db.query(
            "SELECT a.*, m.kind AS media_kind, m.status AS media_status, m.path AS media_path, m.sha256 AS media_sha256,"
            " NULLIF(TRIM(json_extract(i.payload, '$.Recognition')), '') AS recognition"
            " FROM ticket_attachments a LEFT JOIN media m ON m.id = a.media_row_id"
            " LEFT JOIN inbox i ON i.id = m.inbox_id AND json_valid(i.payload)"
            " WHERE a.ticket_id = ? ORDER BY a.id",
            [ticket_id],
        )
    )


# photos the villager sent in [since, until] that no ticket holds; params: openid (unless given as {openid}), since,
# until
_UNATTACHED_IMAGES_SQL = (
    "SELECT {what} FROM media m WHERE m.openid = {openid} AND m.kind = 'image' AND m.created_at >= ?"
    " AND m.created_at <= ? AND NOT EXISTS (SELECT 1 FROM ticket_attachments a WHERE a.media_row_id = m.id)"
)


# whether the villager has an open ticket a voice opened, read with the user row (bot/registry.py UserRead;
# bot/planting.py OPEN_VOICE_TICKET): most senders have none, and their planting texts then ask no
# ``photos_on_unheard_voice``
OPEN_VOICE_TICKET_OF_USER = (
    "EXISTS (SELECT 1 FROM tickets t WHERE t.openid = users.openid AND t.status = 'open' AND t.source = 'voice')"
)


def photos_on_unheard_voice(db: Database, openid: str, since: str, until: str) -> list[int]:
    """Photos the villager sent in [since, until] that joined an open ticket opened by a voice WeChat could not read
    and never told in words: what that ticket is about is unknown, so the photos may well be of trees just planted
    (bot/planting.py ``record_for``: a planting text that follows takes them)."""
    return [
        r["id"]
        for r in db.query(
            "SELECT m.id FROM media m JOIN ticket_attachments a ON a.media_row_id = m.id"
            " JOIN tickets t ON t.id = a.ticket_id WHERE m.openid = ? AND m.kind = 'image' AND m.created_at >= ?"
            " AND m.created_at <= ? AND t.source = 'voice' AND t.status = 'open' AND NOT EXISTS (SELECT 1 FROM"
            " ticket_attachments w WHERE w.ticket_id = t.id AND COALESCE(w.text, '') != '') ORDER BY m.id",
            [openid, since, until],
        )
    ]


def recent_unattached_images(db: Database, openid: str, since: str, until: str) -> list[int]:
    """Photos the villager sent in [since, until] (until: now; the demo's lie in the campaign year) that no
    ticket holds yet."""
    return [
        r["id"]
        for r in db.query(
            _UNATTACHED_IMAGES_SQL.format(what="m.id", openid="?") + " ORDER BY m.id", [openid, since, until]
        )
    ]


def recent_activity(db: Database, openid: str, since: str, until: str) -> tuple[list[int], bool]:
    """``recent_unattached_images(since, until)`` and whether ``open_with_activity_since(since)`` has a ticket, in
    one statement (asked together on most texts, where both are nothing)."""
    (read,) = db.conn.execute(
        f"SELECT {_recent_activity_sql('?')}", [openid, since, until, openid, since, until]
    ).fetchone()
    return recent_activity_of(read)


def _recent_activity_sql(openid: str) -> str:
    return (
        f"json_array(json(({_UNATTACHED_IMAGES_SQL.format(what='json_group_array(m.id)', openid=openid)})),"
        f" EXISTS ({_OPEN_SINCE_SQL.format(what='1', openid=openid)}))"
    )


# ``recent_activity`` as an expression over a users row, read with it (bot/registry.py UserRead); params: since,
# until, since, until. ``recent_activity_of`` reads its value.
RECENT_ACTIVITY_OF_USER = _recent_activity_sql("users.openid")


def recent_activity_of(read: str) -> tuple[list[int], bool]:
    if read == _NO_RECENT_ACTIVITY:  # most texts: no photo, no ticket open (no JSON to read)
        return [], False
    photos, any_open = json.loads(read)
    return sorted(photos), bool(any_open)


_NO_RECENT_ACTIVITY = "[[],0]"  # what SQLite's json_array gives for no photo and no ticket open


# -- who answers -----------------------------------------------------------------------------------
_PEOPLE_BY_ASSIGNMENT_SQL = (
    "SELECT p.*, (SELECT MAX(t.assigned_at) FROM tickets t WHERE t.adviser_person_id = p.id) AS last_assigned_at,"
    " (SELECT MAX(t.id) FROM tickets t WHERE t.adviser_person_id = p.id) AS last_ticket_id"
    " FROM people p {join} WHERE p.role = ? {where}"
    " ORDER BY last_assigned_at IS NOT NULL, last_assigned_at, last_ticket_id, p.id"
)


def advisers_of_village(db: Database, village_id: int) -> list[dict]:
    """Advisers linked to a village, least recently assigned first."""
    sql = _PEOPLE_BY_ASSIGNMENT_SQL.format(
        join="JOIN adviser_villages av ON av.person_id = p.id", where="AND av.village_id = ?"
    )
    return list(db.query(sql, [ADVISER, village_id]))


def cadres_of_village(db: Database, village_id: int | None, roles: tuple[str, ...]) -> list[dict]:
    """Round 100: the village's people holding one of ``roles`` (村书记, 村干部), in that order, each role least recently
    assigned first; none for no village."""
    if village_id is None:
        return []
    rank = " ".join(f"WHEN ? THEN {n}" for n in range(len(roles)))
    marks = ", ".join("?" * len(roles))
    sql = (
        "SELECT p.*, (SELECT MAX(t.assigned_at) FROM tickets t WHERE t.adviser_person_id = p.id) AS last_assigned_at"
        f" FROM people p WHERE p.village_id = ? AND p.role IN ({marks})"
        f" ORDER BY CASE p.role {rank} END, last_assigned_at IS NOT NULL, last_assigned_at, p.id"
    )
    return list(db.query(sql, [village_id, *roles, *roles]))


def advisers(db: Database) -> list[dict]:
    """Every adviser, least recently assigned first (round-robin order)."""
    return list(db.query(_PEOPLE_BY_ASSIGNMENT_SQL.format(join="", where=""), [ADVISER]))


# -- FAQ entries from answers ----------------------------------------------------------------------
def add_faq_entry(db: Database, *, ticket_id: int, question: str, answer: str, created_by: str, now: str) -> int:
    cursor = db.execute(
        "INSERT INTO faq_entries (ticket_id, question, answer, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
        [ticket_id, question, answer, created_by, now],
    )
    return new_id(cursor)


def faq_entry_for_ticket(db: Database, ticket_id: int) -> dict | None:
    return one(db, "SELECT * FROM faq_entries WHERE ticket_id = ?", [ticket_id])


def faq_entries_after(db: Database, after_id: int, revision: int = 0) -> list[dict]:
    """The entries past ``after_id`` and those whose answer was corrected past ``revision`` (any id), by id."""
    return list(db.query("SELECT * FROM faq_entries WHERE id > ? OR revision > ? ORDER BY id", [after_id, revision]))


def revise_faq_entry(db: Database, entry_id: int, answer: str) -> None:
    """The entry's answer corrected: its ``revision`` becomes the largest + 1 (bot/escalation.py follows it)."""
    db.execute(
        "UPDATE faq_entries SET answer = ?, revision = (SELECT COALESCE(MAX(revision), 0) + 1 FROM faq_entries)"
        " WHERE id = ?",
        [answer, entry_id],
    )
