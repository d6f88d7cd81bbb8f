"""Questions asked back (round 43, bot/ask_back.py): the question, the two answers offered (their labels, as the FAQ's
evaluation sets write them), and which one the villager picked (1, 2; 0 for neither: a ticket), or none. What the
villagers pick is their own label of a question the matcher's two readers disagreed on: exported (导出 faq_choices),
a maintainer may add the picked ones to the precedents after a look (docs/faq.md)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id

migrations = Migrations("faq_choices")

EXPORT_SQL = {
    "faq_choices": "SELECT id, question, first, second, picked, asked_at, picked_at FROM faq_choices ORDER BY id",
}


@migrations()
def m001_faq_choices(db: Database) -> None:
    db.table("faq_choices").create(
        {
            "id": int,
            "openid": str,
            "question": str,
            "first": str,  # the rules' answer's label (species.荔枝.time, camp.deadlines…)
            "second": str,  # the model's
            "picked": int,  # 1 or 2; 0: neither (a ticket); None: not answered
            "asked_at": str,
            "picked_at": str,
        },
        pk="id",
        not_null={"openid", "question", "first", "second", "asked_at"},
    )
    db.table("faq_choices").create_index(["asked_at"])


def asked(db: Database, *, openid: str, question: str, first: str, second: str, now: str) -> int:
    cursor = db.execute(
        "INSERT INTO faq_choices (openid, question, first, second, asked_at) VALUES (?, ?, ?, ?, ?)",
        [openid, question, first, second, now],
    )
    return new_id(cursor)


def picked(db: Database, choice_id: int, number: int, now: str) -> None:
    db.execute("UPDATE faq_choices SET picked = ?, picked_at = ? WHERE id = ?", [number, now, choice_id])
