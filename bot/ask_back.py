"""Which of two answers the villager meant (round 43, issue 17 §1: a confident wrong answer is the worst outcome).

When the FAQ's rules and its model read a question as two different entries (``FaqResult.other``, bot/faq.py
``_asked_back``), the reply names both, numbered, instead of answering with one: on the sets the model had not seen,
the rules' answer was wrong about half the time in such a case, and one of the two was the right one four times in
five. A question going to a person only for a doubt whose answer the model reads (``_confirmed_first``) is asked
first whether that answer is what was meant: ``1`` for it, ``0`` for the adviser (handlers/escalation.py). The
``faq_choice`` flow keeps the question and the answers offered; ``1`` or ``2`` (voice: 一, 第二个) gives that answer,
``0`` (都不是) sends the question to the village's adviser. Anything else goes its own way: the choice lapses after
``conversation.timeout_minutes``. Each offer is kept with the villager's pick (bot/store/faq_choices.py). Handlers:
handlers/faq.py (``CHOICE_TABLE``); the diagram is in docs/faq.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import nlu
from bot.context import Ctx
from bot.conversation import Flow
from bot.escalation import load_faq_index
from bot.faq import FaqResult, result_label
from bot.store import faq_choices as store

FLOW = Flow("faq_choice", ("choosing",), choice_states=("choosing",))

NEITHER = 0
# the whole message, normalised (full-width digits and punctuation as ASCII, a voice message's full stop gone); the
# answer picked by its number or place is nlu.pick's (tidy72: one reader for every numbered list)
_NEITHER_WORDS = re.compile(
    r"0|零|(?:两个)?都(?:不是|唔系|不对|唔啱)|冇一个啱|(?:不|唔)(?:是|系|对|啱)(?:啊|呀|啦)?|问专家|转专家"
)
# one answer offered ('您是想问“…”吗？'): a yes is it
_YES = re.compile(
    r"(?:是|对|合适|没有错|没错|好)(?:的|啊|呀|啦|嘅|咯)?|是(?:呀|啊)?是"
)  # normalised: 系 是, 啱 合适, 冇 没有


def chosen(text: str, offered: int = 2) -> int | None:
    """1 or 2 for the first or second answer offered, ``NEITHER`` (0) for a person; with one offered, a yes is 1;
    None for anything else, or a number past those offered."""
    norm = nlu.normalize(text).strip(" 。.!！")
    if _NEITHER_WORDS.fullmatch(norm):
        return NEITHER
    number = nlu.pick(text, offered)
    if number is not None:
        return number
    return 1 if offered == 1 and _YES.fullmatch(norm) else None


def offer(ctx: Ctx, question: str, answers: Sequence[FaqResult], replies: Sequence[str]) -> str:
    """Ask which of ``answers`` was meant (two: ``faq.ask_back``; one, else a person: ``faq.ask_back_one``), each sent
    as its ``replies`` when picked; the offer kept, the flow entered."""
    index = ctx.app.service("faq", load_faq_index)
    titles = [name(index, answer) for answer in answers]
    labels = [result_label(answer) for answer in answers]
    second = labels[1] if len(labels) > 1 else "escalate"
    kept = store.asked(ctx.db, openid=ctx.openid, question=question, first=labels[0], second=second, now=ctx.now_s)
    FLOW.enter(ctx, "choosing", {"question": question, "answers": list(replies), "choice_id": kept})
    if len(titles) == 1:
        return ctx.t("faq.ask_back_one", first=titles[0])
    return ctx.t("faq.ask_back", first=titles[0], second=titles[1])


def name(index, answer: FaqResult) -> str:
    """An answer's name in the list: a technique's or campaign entry's title, a tree's card as its fields are named
    ('龙眼·简介', round 48: offered beside one of its fields; its first line is a description), else the answer's first
    line ('龙眼·适合种在哪里')."""
    entry_id = answer.entry_id or ""
    if entry_id.startswith("species.") and entry_id.endswith(".card"):
        return index.card_title(entry_id.split(".")[1])
    entry = None if entry_id.startswith(("species.", "recommend.")) else index.entry(entry_id)
    return title(answer.answer_text, entry.title if entry is not None else None)


def title(answer_text: str, entry_title: str | None) -> str:
    """An answer's name in the list: its entry's title, else its first line (a tree's field: '荔枝·什么时候种')."""
    if entry_title:
        return entry_title
    first = next((line for line in answer_text.splitlines() if line.strip()), "")
    return first.strip().rstrip("：:")
