"""Escalation round 101 (issue 17 §1, after round 100's routing): the people who answer tickets. The county clerk's
tickets export says whose each ticket is (route, the holder's role) after the contract's columns; a cadre's dashboard
login answers its village's tickets, as 答 does; a ticket passed on names the role that held it; the FAQ's note under
a ticket says the rule, never again who answers; 问专家's question is read ahead, not matched again in the writer.
Through signed pushes, the real SQLite file, the outbox, the CLI and the real dashboard."""

from __future__ import annotations

import contextlib
import csv
import io
import threading

import pytest
from openpyxl import load_workbook

from bot import escalation
from bot.cli import main
from bot.db import transaction
from tests.e2e.dashboard_seed import add_cadre_login, add_logins, login
from tests.e2e.test_dashboard import page, post
from tests.e2e.test_escalation import ADMIN, LI, UNANSWERABLE, add_roster, send, ticket, ticket_number

SECRETARY, CADRE = "o-esc101-secretary", "o-esc101-cadre"
OTHER_SECRETARY = "o-esc101-secretary-dl"
DAYTIME = "2027-03-15T10:00"  # outside quiet hours: a notice goes at once
CONTRACT = ["id", "openid", "village", "question", "status", "adviser", "created_at", "answered_at", "answer"]
MONEY = "补贴还没到账"
COMPLAINT = "我要投诉我们村干部弄虚作假，种树数字是假的"


def arrange(bot) -> dict:
    """Two villages with their advisers and an admin (test_escalation's roster); 埔心村's 村书记 林书记 and 村干部 黄干部,
    大岭村's 村书记 周书记, each bound to WeChat through the roster's openid column."""
    ids = add_roster(bot)
    with transaction(bot.db):
        for name, role, openid, village in (
            ("林书记", "村书记", SECRETARY, "埔心村"),
            ("黄干部", "村干部", CADRE, "埔心村"),
            ("周书记", "村书记", OTHER_SECRETARY, "大岭村"),
        ):
            bot.db["people"].insert(
                {"name": name, "role": role, "openid": openid, "bound_via": "roster", "village_id": ids[village]}
            )
    bot.clock.set(DAYTIME)
    return ids


def three_tickets(bot, villager) -> dict:
    """A tree's trouble (the adviser's), money (the village's: 林书记) and a complaint (the office's)."""
    numbers = {"adviser": ticket_number(villager.says(UNANSWERABLE))}
    bot.clock.advance(minutes=30)
    numbers["village"] = ticket_number(villager.says(MONEY))
    bot.clock.advance(minutes=30)
    numbers["office"] = ticket_number(villager.says(COMPLAINT))
    return numbers


def export(config_file, capsys, *args) -> str:
    assert main(["--config", str(config_file), "export", *args]) == 0
    return capsys.readouterr().out


# -- 1. the tickets export says whose each ticket is ------------------------------------------------------------
def test_the_tickets_export_says_whose_each_ticket_is_after_the_contract_columns(
    bot, villager, config_file, capsys, tmp_path
):
    arrange(bot)
    numbers = three_tickets(bot, villager)
    reader = csv.reader(io.StringIO(export(config_file, capsys, "tickets")))
    header = next(reader)
    assert header[: len(CONTRACT)] == CONTRACT  # the contract's columns keep their places
    assert header[-3:] == ["route", "holder_role", "route_label"]
    rows = {int(row[0]): dict(zip(header, row, strict=True)) for row in reader}
    said = {
        kind: (rows[n]["adviser"], rows[n]["route"], rows[n]["holder_role"], rows[n]["route_label"])
        for kind, n in numbers.items()
    }
    assert said == {
        "adviser": ("李顾问", "adviser", "技术顾问", "技术顾问"),
        "village": ("林书记", "village", "村书记", "村里"),
        "office": ("", "office", "管理员", "活动办公室"),
    }
    out = tmp_path / "tickets.xlsx"
    export(config_file, capsys, "tickets", "--format", "xlsx", "--out", str(out))
    sheet = load_workbook(out).active
    xlsx_header = [c.value for c in sheet[1]]
    assert xlsx_header[: len(CONTRACT)] == CONTRACT and xlsx_header[-3:] == ["route", "holder_role", "route_label"]
    by_id = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_id[numbers["village"]][-3:] == ("village", "村书记", "村里")


def test_the_dashboards_tickets_download_says_whose_each_ticket_is(bot, villager, app):
    arrange(bot)
    numbers = three_tickets(bot, villager)
    add_logins(bot.db, [("clerk", "admin")])
    client = app.test_client()
    assert login(client, "clerk").status_code == 302
    listing = page(client, "/admin/exports")
    assert "工单（含谁来答：技术顾问、村里或活动办公室）（tickets.xlsx）" in listing
    response = client.get("/admin/exports/tickets.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [c.value for c in sheet[1]]
    assert header[: len(CONTRACT)] == CONTRACT
    column = {name: header.index(name) for name in ("route", "holder_role", "route_label")}
    by_id = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    office = by_id[numbers["office"]]
    assert (office[column["route"]], office[column["route_label"]]) == ("office", "活动办公室")
    assert by_id[numbers["village"]][column["holder_role"]] == "村书记"


# -- 3. a ticket passed on names the role that held it ----------------------------------------------------------
def test_a_ticket_a_cadre_passes_on_names_the_cadres_role_to_the_next_holder(bot, villager, villager_factory, sent_to):
    arrange(bot)
    secretary, cadre = villager_factory(SECRETARY), villager_factory(CADRE)
    cadre.says("你好")  # written lately: the notice may go as a customer-service message
    number = ticket_number(villager.says(MONEY))
    assert ticket(bot, number)["adviser_person_id"] is not None
    reply = secretary.says(f"{number}号我答唔到 转给别人")
    assert f"第{number}号问题已转给黄干部" in reply
    send(bot)
    notice = sent_to(CADRE)[-1]
    assert f"转给您：第{number}号问题" in notice and "原来由村书记林书记答" in notice
    assert "原来的顾问" not in notice  # a 村书记 is no adviser


def test_a_ticket_an_adviser_passes_on_still_says_it_was_the_advisers(bot, villager, villager_factory, sent_to):
    arrange(bot)
    adviser, office = villager_factory(LI), villager_factory(ADMIN)
    office.says("你好")
    number = ticket_number(villager.says(UNANSWERABLE))
    assert f"第{number}号问题已转给" in adviser.says(f"{number}号转给管理员")
    send(bot)
    assert "原来由技术顾问李顾问答" in sent_to(ADMIN)[-1]


# -- 4. the note under a ticket says the rule, the reply alone who answers ---------------------------------------
# (the question, in words of our own; the class the FAQ reads; the note's rule, still said; who holds it, said once)
NOTED = [
    ("我垫了两百块买苗 村里几时还我", "money", "名单和账目", "林书记"),
    ("村委讲好帮我家出苗钱 到而家都冇下文", "money", "名单和账目", "林书记"),
    ("有个老板话要先交五百押金先有苗", "deposit", "多半是骗局", "林书记"),
    ("有人自称镇里干部上门收种树费", "impostor", "多半是骗局", "林书记"),
    ("点解评先进冇我份", "own_request", "一家一户的事", "林书记"),
    ("村委讲好种完树每户发一包肥料 到而家都冇下文", "promise_broken", "当初怎么说定", "林书记"),
    ("我去年摔伤了脚 种树的 保险赔不赔", "injury", "买了什么保险", "林书记"),
    ("支书种树弄虚作假会唔会被处分", "person_fate", "由组织上按规定来定", "活动办公室"),
    ("村里卖了集体林的木头，钱去哪了", "village_acts", "核实清楚", "活动办公室"),
]
WHO_AGAIN = ("问村委", "问过村委", "村里的答复", "会给您答复", "核实后答复您", "为准")


@pytest.mark.parametrize("question,reason,rule,holder", NOTED)
def test_the_note_under_a_ticket_says_the_rule_and_who_answers_is_said_once(
    bot, villager, question, reason, rule, holder
):
    arrange(bot)
    reply = villager.says(question)
    number = ticket_number(reply)
    assert ticket(bot, number)["route"] == ("office" if holder == "活动办公室" else "village")
    assert rule in reply, reply
    assert reply.count(holder) == 1, reply  # the reply's 已转给…, never again in the note
    assert not [words for words in WHO_AGAIN if words in reply], reply


# -- 5. 问专家's question is read ahead, not matched again in the writer -------------------------------------------
@contextlib.contextmanager
def matches_counted(bot):
    """Every question the FAQ index matches while the block runs, with the thread that matched it (the writer's is
    ``message-writer``): a counter on the real index, the database untouched."""
    index = bot.service("faq", escalation.load_faq_index)
    seen: list[tuple[str, str]] = []
    real = index.match

    def counted(question, *args, **kwargs):
        seen.append((threading.current_thread().name, question))
        return real(question, *args, **kwargs)

    index.match = counted
    try:
        yield seen
    finally:
        del index.match


# (问专家 and the question, of our own words; whose the ticket is)
ASKED = [("我垫咗三百蚊买苗 村里几时还", "village"), ("我的荔枝叶尖发黑干枯", "adviser")]


@pytest.mark.parametrize("question,route", ASKED)
def test_ask_experts_question_is_read_ahead_and_the_writer_does_not_match_it_again(bot, villager, question, route):
    arrange(bot)
    with matches_counted(bot) as seen:
        number = ticket_number(villager.says(f"问专家 {question}"))
    assert ticket(bot, number)["route"] == route
    # the same route as the question read now, alone, by the FAQ (what _route had matched in the writer)
    reason = bot.service("faq", escalation.load_faq_index).match(question).reason
    assert escalation.route_for(reason, "explicit", question) == route
    in_writer = [text for thread, text in seen if thread == "message-writer"]
    ahead = [text for thread, text in seen if thread != "message-writer"]
    assert question in ahead and question not in in_writer, seen


# -- 2. a cadre login answers its village's tickets on the dashboard ----------------------------------------------
@pytest.fixture
def village_tickets(bot, villager, villager_factory) -> dict:
    """埔心村's three tickets (the adviser's, the village's held by 林书记, the office's) and 大岭村's money question
    (held by its 周书记); cadre logins for 林书记 and 黄干部."""
    ids = arrange(bot)
    numbers = three_tickets(bot, villager)
    with transaction(bot.db):
        bot.db["people"].insert(
            {"name": "赵大伯", "role": "群众", "openid": "o-dl-villager", "village_id": ids["大岭村"]}
        )
    numbers["other_village"] = ticket_number(villager_factory("o-dl-villager").says(MONEY))
    assert ticket(bot, numbers["other_village"])["route"] == "village"
    add_cadre_login(bot.db, "linshuji", "林书记")
    add_cadre_login(bot.db, "huang", "黄干部")
    return numbers


def cadre_client(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def test_a_cadre_login_sees_its_villages_tickets_routed_to_the_village_and_no_other(app, village_tickets):
    client = cadre_client(app, "linshuji")
    assert "/admin/tickets" in page(client, "/admin/")  # the 工单 nav entry
    listing = page(client, "/admin/tickets")
    assert f"#{village_tickets['village']}" in listing and MONEY in listing and "林书记（村书记）" in listing
    for other in ("adviser", "office", "other_village"):
        assert f"#{village_tickets[other]}<" not in listing and f"#{village_tickets[other]}\n" not in listing
        assert client.get(f"/admin/tickets/{village_tickets[other]}").status_code == 403
    html = page(client, f"/admin/tickets/{village_tickets['village']}")
    assert MONEY in html and "发送回答" in html and "收录" not in html


def test_a_cadre_login_answers_and_the_villager_gets_it_as_from_答(app, bot, villager, village_tickets, sent_to):
    number = village_tickets["village"]
    client = cadre_client(app, "linshuji")
    url = f"/admin/tickets/{number}"
    response = post(client, f"{url}/answer", {"answer": "补贴下个月统一发，名单在村委公示栏。"}, url)
    assert response.status_code == 302
    row = ticket(bot, number)
    assert (row["status"], row["answered_by"]) == ("answered", "林书记")
    send(bot)
    expected = bot.t(
        "escalation.answer_delivery_village",
        id=number,
        question=MONEY,
        answer="补贴下个月统一发，名单在村委公示栏。",
        signature="村书记 林书记",
        days=int(bot.config.get("escalation.reopen_days")),
    )
    assert sent_to(villager.openid)[-1] == expected.strip() or sent_to(villager.openid)[-1] == expected
    (queued,) = bot.db.query("SELECT kind, dedupe_key FROM outbox WHERE dedupe_key LIKE ?", [f"answer:{number}:%"])
    assert queued == {"kind": "answer", "dedupe_key": f"answer:{number}:0"}
    # the other cadre, the office's ticket and the other village's stay untouched
    assert ticket(bot, village_tickets["office"])["status"] == "open"
    # an answer to a ticket not the village's is refused
    refused = post(client, f"/admin/tickets/{village_tickets['office']}/answer", {"answer": "乱答"}, url)
    assert refused.status_code == 403 and ticket(bot, village_tickets["office"])["status"] == "open"


def test_the_villages_other_cadre_sees_the_ticket_but_only_its_holder_answers(app, bot, village_tickets):
    number = village_tickets["village"]
    client = cadre_client(app, "huang")
    html = page(client, f"/admin/tickets/{number}")
    assert MONEY in html and "村里：林书记（村书记）" in html and "发送回答" not in html
    refused = post(client, f"/admin/tickets/{number}/answer", {"answer": "我来答"}, f"/admin/tickets/{number}")
    assert refused.status_code == 403 and ticket(bot, number)["status"] == "open"
