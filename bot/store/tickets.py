"""Adviser tickets: questions the bot could not answer, their attachments, and FAQ entries made from them."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("tickets")

EXPORT_SQL = {
    "tickets": (
        "SELECT t.id, t.openid, v.name AS village, t.question, t.status, a.name AS adviser, t.created_at,"
        " t.answered_at, t.answer, t.source, t.answered_by, t.closed_at,"
        " CAST(ROUND((julianday(t.answered_at) - julianday(t.created_at)) * 24, 2) AS REAL) AS response_hours"
        " FROM tickets t LEFT JOIN villages v ON v.id = t.village_id"
        " LEFT JOIN people a ON a.id = t.adviser_person_id ORDER BY t.id"
    ),
}


@migrations()
def m001_tickets(db: Database) -> None:
    db["tickets"].create(
        {
            "id": int, "openid": str, "person_id": int, "village_id": int,
            "adviser_person_id": int,   # the assigned adviser (people.id, role 技术顾问); None = the admins
            "question": str,
            "source": str,              # text | voice | photo | explicit (问专家) | low_confidence
            "status": str,              # open | answered | closed
            "answer": str, "answered_by": str, "answered_at": str,
            "public_token": str,        # /answer/<token>
            "reminded_at": str, "escalated_at": str, "closed_at": str, "reopened_count": int,
            "created_at": str, "updated_at": str,
        },
        pk="id", not_null={"openid", "question", "status", "reopened_count"},
        defaults={"status": "open", "reopened_count": 0},
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id"),
                      ("adviser_person_id", "people", "id")],
    )
    db["tickets"].create_index(["status", "created_at"])
    db["tickets"].create_index(["adviser_person_id", "status"])
    db["tickets"].create_index(["openid", "created_at"])
    db["tickets"].create_index(["public_token"], unique=True)
    db["ticket_attachments"].create(
        {"id": int, "ticket_id": int, "media_row_id": int, "text": str, "created_at": str},
        pk="id", not_null={"ticket_id"}, foreign_keys=[("ticket_id", "tickets", "id")],
    )
    db["ticket_attachments"].create_index(["ticket_id"])
    db["faq_entries"].create(
        {"id": int, "ticket_id": int, "question": str, "answer": str, "created_by": str, "created_at": str},
        pk="id", not_null={"question", "answer"},
    )
