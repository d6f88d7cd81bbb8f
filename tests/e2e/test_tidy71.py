"""tidy71: trees told, then a question in the same message, read by one reader (bot/planting.py ``told_then_asked``).
Held-out cases (new sentences of the class: Mandarin and Cantonese, with and without a photo before) and controls that
must not split (a tree's trouble, a question with a number in it, the record just finished told again), written
before the two readers were folded into one and run on the untouched branch first."""

from __future__ import annotations

import pytest

from bot import faq, planting
from bot.faq import load_offlist, load_species_table
from bot.messages import MESSAGES_DIR
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)


def _tables() -> tuple[dict, tuple[str, ...]]:
    """The species table and the trees off the list, as the app reads them (pure readers' arguments)."""
    return load_species_table(MESSAGES_DIR), tuple(load_offlist(MESSAGES_DIR))


EXAMPLES = [
    # Mandarin, nothing before
    ("member", "我刚在院子里种了两棵桂花 想问一下多久浇一次水", "planting"),
    ("member", "今天种了三棵龙眼 顺便问下要不要施肥", "planting"),
    ("party", "我种好了一棵香樟，请问什么时候修剪", "planting"),
    ("member", "杨梅两棵种好了 另外想问几时施肥", "planting"),
    # Cantonese, nothing before
    ("member", "我尋日喺屋企门口种咗两棵荔枝 想问下几时施肥", "planting"),
    ("member", "啱啱种咗一棵龙眼 顺便问下要唔要淋水", "planting"),
    ("member", "涯种了三棵桂花 记到冇", "planting"),
    # after a photo
    ("after_photo", "种了两棵杨梅 想问下多久浇水", "planting"),
    ("after_photo", "桂花三棵 顺便问下几时施肥", "planting"),
    ("after_photo", "我种咗两棵龙眼 几时可以结果", "planting"),
]
CONTROLS = [
    ("member", "我种了两棵桂花 叶子怎么发黄了", "question"),  # a tree's trouble: the FAQ's or the adviser's
    ("member", "去年种咗三棵龙眼 有一棵枯咗点算", "question"),  # one of the trees told of
    ("member", "一棵桂花 要浇几次水", "question"),  # a question with a number in it
    ("member", "种两棵荔枝 要隔几米", "question"),
    ("member", "我准备种两棵杨梅 什么时候种好", "question"),  # trees meant, not planted
    ("finished", "两棵荔枝种好了 多久施一次肥", "question"),  # the record just finished told again
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES, *CONTROLS], {}))
def test_told_then_asked(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "question"),
    [
        ("member", "今天种了两棵龙眼 顺便问下要不要施肥", "要不要施肥"),
        ("after_photo", "我种咗两棵杨梅 想问下几耐淋一次水", "几耐淋一次水"),
    ],
)
def test_the_question_is_never_lost(probe, context, message, question):  # noqa: F811
    """The record takes the trees; the question is answered after the record's line (the FAQ's answer, as said or of
    the trees just told), or goes to the adviser as a ticket."""
    from bot import escalation

    assert probe.run(context, message, "planting") == ""
    openid = f"o-probe-{probe.count}"
    reply = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]
    tree = probe.rows("SELECT species FROM plantings WHERE openid = ?", [openid])[0]["species"]
    answers = [escalation.faq_match(probe.bot, probe.bot.db, q) for q in (question, tree + question)]
    texts = [a.answer_text.strip() for a in answers if a.kind == "answer"]
    tickets = probe.rows("SELECT question FROM tickets WHERE openid = ?", [openid])
    assert any(t in reply for t in texts) or tickets, reply


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("今天种了三棵龙眼 顺便问下要不要施肥", ("龙眼", 3, "要不要施肥", True, True, False)),
        ("桂花三棵 顺便问下几时施肥", ("桂花", 3, "几时施肥", False, True, False)),
        ("涯种了三棵桂花 记到冇", ("桂花", 3, "记到冇", True, False, True)),
        ("我种咗两棵龙眼 几时可以结果", ("龙眼", 2, "几时可以结果", True, False, False)),
    ],
)
def test_one_reader_splits_the_report_from_the_question(text, read):
    """The one place that splits trees told from the question after them (bot/planting.py ``told_then_asked``)."""
    said = planting.told_then_asked(text, *_tables())
    assert said is not None
    assert (said.told.species, said.told.count, said.question, said.planted_said, said.aside, said.status) == read


@pytest.mark.parametrize("text", [message for _context, message, _kind in CONTROLS[:5]])
def test_controls_are_never_split(text):
    """Never a report said planted, split from its question. Round 78 (21p): a bare count and tree before a plain
    question ('一棵桂花 要浇几次水') is read out unsaid (``planted_said`` False), for the caller with a record being
    collected only (after a photo: '两棵荔枝 荔枝几时施肥好'); with nothing in progress it stays a question
    (``test_told_then_asked`` above, through the webhook)."""
    said = planting.told_then_asked(text, *_tables())
    assert said is None or not (said.planted_said or said.aside or said.status or said.troubled)


# -- task 3: a cancelled planting day keeps its planned span ---------------------------------------------------------
def test_a_cancelled_day_keeps_its_planned_span_and_is_over(person, bot, app, clock, standin):
    """A day called off keeps its planned times (the notices and pages show them with 已取消); no query of days not
    over finds it (参加, 参加 <code>, its QR scene); the trees of its span are those logged before the cancel; one
    called off before its start was never held."""
    from bot.store import events as events_store
    from tests.conftest import rows_of
    from tests.e2e.dashboard_seed import add_logins, login
    from tests.e2e.test_events import NEAR, PLACE
    from tests.e2e.test_planting import photo

    clock.set("2027-03-06T08:30")
    secretary = person("o-wang", "王书记", "村书记")
    member = person("o-chen", "陈党员", "党员")
    secretary.sends_location(*PLACE)
    secretary.says("活动 村口植树 9点到12点")
    clock.set("2027-03-06T09:10")
    member.sends_location(*NEAR)
    assert member.says("参加").startswith("已签到")
    standin.add_media("m-1", photo(1))
    member.sends_photo("m-1")
    member.says("3棵桂花")
    clock.set("2027-03-06T10:00")
    assert "已取消“村口植树”（3月6日 09:00–12:00）" in secretary.says("下雨了 今天的活动取消")
    [day] = rows_of(bot, "SELECT id, code, starts_at, ends_at, cancelled_at FROM events")
    assert (day["ends_at"] > day["cancelled_at"], day["starts_at"] < day["cancelled_at"]) == (True, True), day
    assert member.says("今天的活动取消了吗？") == "“村口植树”（3月6日 09:00–12:00）已取消。改期会另行通知。"
    clock.set("2027-03-06T10:30")
    assert "没有进行中的植树活动" in member.says("参加")
    assert member.says(f"参加 {day['code']}") == bot.t("events.unknown_code", code=day["code"])
    assert day["code"] not in events_store.codes_in_use(bot.db, "2027-03-06T02:30:00Z")
    standin.add_media("m-2", photo(2))
    member.sends_photo("m-2")
    member.says("2棵龙眼")  # after the cancel: not the day's
    [row] = rows_of(bot, events_store.EXPORT_SQL["events"])
    assert (row["ends_at"], row["trees"], row["present"]) == (day["ends_at"], 3, 2)
    assert events_store.held_by_village(bot.db, "2027-03-01", "2027-04-01") == {1: 1}  # under way: it was held

    # a second day, called off before its start: never held, its planned span shown with 已取消
    clock.set("2027-03-07T07:00")
    secretary.sends_location(*PLACE)
    secretary.says("活动 河边植树 9点到11点")
    secretary.says("活动取消")
    assert events_store.held_by_village(bot.db, "2027-03-01", "2027-04-01") == {1: 1}
    client = app.test_client()
    add_logins(bot.db, [("admin", "admin")])
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/events").get_data(as_text=True)
    assert page.count('<span class="tag">已取消</span>') == 2 and "3月7日 09:00–11:00" in page, page
    second = rows_of(bot, "SELECT id FROM events WHERE name = '河边植树'")[0]["id"]
    day_page = client.get(f"/admin/events/{second}").get_data(as_text=True)
    assert "3月7日 09:00–11:00" in day_page and "确认到场</button>" not in day_page


# -- task 4: replant_told looks for 补/重/再/回 before it normalises --------------------------------------------------
def test_the_replant_look_first_reads_every_text_as_the_full_read():
    """Every FAQ question, the replant sentences (traditional 補種, Cantonese 种返) read the same with the cheap look first
    as by the full read; an ordinary text skips the full read."""
    from pathlib import Path

    from tests.e2e.test_conversation_replant import CONTROLS as REPLANT_CONTROLS
    from tests.e2e.test_conversation_replant import EXAMPLES as REPLANTS

    table, others = _tables()
    data = Path(__file__).resolve().parents[1] / "data" / "faq_questions.tsv"
    replants = [m for _c, m, _k in [*REPLANTS, *REPLANT_CONTROLS]] + [
        "舊年種嗰棵龍眼死咗 今日補種咗兩棵",
        "桂花死咗 种返一棵",
    ]
    for text in [case.question for case in faq.load_eval_set(data)] + replants:
        assert planting.replant_told(text, table, others) == planting._replant_of(text, table, others), text
    assert planting.replant_told("舊年種嗰棵龍眼死咗 今日補種咗兩棵", table, others) is not None
    assert not planting._REPLANT_HINT_RE.search("桂花几月份种最合适")
