"""Round conv83b: set 21z's misses (the planting told done then what is left asked, who holds the zones asked, a
withdrawal whose why is that the neighbours planted them), each example run on integ first and failing, with controls."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    probe,
)


# -- the planting told done, then what is left of one's duties asked: one's progress (trees and the planting day) -------
@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("party", "我种树已经完成咗 仲差参加活动未", "progress"),
        # held out, written before the change
        ("party", "我已经种完树了 还差参加活动吗", "progress"),
        ("party", "我树已经种好咗 仲差边样", "progress"),
        ("party", "我种树搞掂咗 仲差啲乜", "progress"),
        # controls: the care after planting, seedlings still wanted
        ("party", "种完树还有什么要做", "question"),
        ("party", "我已经种完树了 还差两棵树苗去哪里领", "question"),
    ],
)
def test_planting_done_then_what_is_left_asked_is_ones_progress(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- who holds the zones, asked of the party members or cadres: the zones list, which says who holds each --------------
@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("cadre", "责任区边啲党员认领咗", "zone"),
        # held out, written before the change
        ("party", "管护区哪些干部已经认了", "zone"),
        ("cadre", "党员责任区哪些党员认领了", "zone"),
        ("party", "责任区哪个干部认领咗", "zone"),
        # controls: who may claim, and who has not, stay the FAQ's
        ("cadre", "责任区哪些党员可以认领", "question"),
        ("cadre", "责任区哪些党员还没认领", "question"),
    ],
)
def test_who_holds_the_zones_asked_of_members_is_the_zones_list(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- the record just finished dropped, the neighbours having planted them: its withdrawal asked to confirm -------------
@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("finished", "啱啱嗰条唔算 系隔篱屋种嘅", "cancel"),
        # held out, written before the change
        ("finished", "刚才那条不算 是别人种的树", "cancel"),
        ("finished", "头先嗰个唔要 系人哋种嘅", "cancel"),
        ("finished", "上一条作废吧 是隔壁家种的", "cancel"),
        # controls: the neighbours' trees asked about, no retraction
        ("finished", "隔壁家种的树怎么登记", "question"),
        ("finished", "这棵是邻居家种的 能算我的吗", "question"),
    ],
)
def test_dropped_because_the_neighbours_planted_them_withdraws_the_record(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- a cadre telling what a household said it will plant, then 帮佢登记认领: the pledge for that name (asked which
# household when the roster has none of that name), never the FAQ's family answer -------------------------------------
@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("cadre", "李婶屋企话四月种三棵柿 帮佢登记个认领", "pledge"),
        # held out, written before the change
        ("cadre", "陈伯话三月种两棵龙眼 帮他登记认领", "pledge"),
        ("cadre", "黄姨家讲清明前种一棵荔枝 帮佢报个认领", "pledge"),
        ("cadre", "张伯说五月种两棵桂花 帮他登记一下认领", "pledge"),
        # controls: one's own relative (the family answer), and how to do it asked
        ("cadre", "我阿妈话四月种三棵柿 帮佢登记个认领", "question"),
        ("cadre", "李婶话四月种三棵柿 点样帮佢登记认领", "question"),
    ],
)
def test_household_said_then_register_it_for_them_is_their_pledge(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- in a ticket's window, the tree's age, place and little sun told ('晒唔到几多日头': a small amount, no how-many asked):
# a 补充 of the ticket, never a ticket of its own ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("ticket", "种咗两年 喺屋门口 晒唔到几多日头", "supplement"),
        # held out, written before the change
        ("ticket", "种了三年了 在屋后面 照不到多少太阳", "supplement"),
        ("ticket", "栽咗一年 喺墙角 冇几多日照", "supplement"),
        # controls: how much sun asked, and what to plant where there is little (questions of their own)
        ("ticket", "晒不到多少太阳的地方种什么树好", "new"),
        ("ticket", "荔枝一年要晒多少日头", "new"),
    ],
)
def test_little_sun_told_in_a_tickets_window_is_its_supplement(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
