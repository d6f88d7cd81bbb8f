"""Tidy80: the readers of a request said politely read the one please list (messages/request_frames.toml [wrappers]
please, as ``nlu.PLEASE_LEAD``): the name said right, the adoption list, the queue listed, the answer hurried. Held-out
examples in other words than the rounds' sets (each please the list holds, 烦请, 劳烦 and 求下 added to it), and
controls that must stay unread."""

from __future__ import annotations

import inspect

import pytest

from bot import nlu
from bot.messages import MESSAGES_DIR
from bot.planting import load_species_table

SPECIES = load_species_table(MESSAGES_DIR)


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("劳驾帮我改成李秀英", "李秀英"),  # read before too
        ("麻烦你改为陈志强", "陈志强"),
        ("烦请改成邓丽芳", "邓丽芳"),  # read with tidy80
        ("唔该帮我改成何桂芳", "何桂芳"),
        ("拜托改做林春花", "林春花"),
        ("求下帮我改成张国华", "张国华"),
        ("请帮我改成三棵", None),  # control: a count
        ("你好改成", None),
    ],
)
def test_the_name_said_right_asked_politely(said, name):
    assert nlu.name_said_right(nlu.normalize(said)) == name


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("烦请发一下本村可认养树木清单", True),
        ("唔该发个认养清单给我", True),  # read with tidy80
        ("求下发份认养名单", True),
        ("请你们把村里可认养的树列个清单", True),
        ("烦请把种树记录发给我", False),  # control: the records, not the trees to adopt
    ],
)
def test_the_adoption_list_asked_politely(said, asked):
    assert nlu.adoption_wished(nlu.normalize(said), SPECIES) is asked


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("劳烦把还没回复的群众提问发给我", True),
        ("求下把未答的提问发我看下", True),
        ("烦请把龙眼没回答的问题发给我", False),  # control: a tree's question
    ],
)
def test_the_queue_listed_asked_politely(said, asked):
    assert nlu.queue_asked(nlu.normalize(said), SPECIES) is asked


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("求下快啲答我", True),
        ("劳烦老师赶快答复一下", True),  # read with tidy80
        ("烦请尽快处理", True),
        ("麻烦你们快点回复", True),
        ("麻烦快点种树", False),  # controls: hurried, but not the answer
        ("唔该快啲", False),
    ],
)
def test_the_answer_hurried_politely(said, asked):
    assert nlu.wait_asked(nlu.normalize(said), SPECIES) is asked


def test_no_reader_writes_a_please_list_of_its_own():
    for pattern in (nlu._NAME_SAID_RIGHT_RE, nlu._ADOPTION_LIST_RE, nlu._QUEUE_LISTED_RE, nlu._HURRIED_RE):
        assert nlu._PLEASE in pattern.pattern
    assert "烦请|" not in inspect.getsource(nlu)
