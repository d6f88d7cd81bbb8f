"""Round 34: a name and a roster village told in clauses among others, read by ``identity.read_name_and_village_in_clauses``
(the e2e examples: tests/e2e/test_conversation_round34.py)."""

from __future__ import annotations

import pytest

from bot import identity

VILLAGES = [{"id": 1, "name": "埔心村"}, {"id": 2, "name": "东平社区"}]


@pytest.mark.parametrize(
    ("text", "name", "village"),
    [
        ("埔心村 李淑贞 🙏 绑定", "李淑贞", "埔心村"),
        ("我叫黄志强，石角镇埔心村人，帮我登记一下身份", "黄志强", "埔心村"),
        ("我姓何 叫何福生 埔心村五队的 孙仔话要先报上名字村名", "何福生", "埔心村"),
        ("东平社区 欧阳丽华 谢谢", "欧阳丽华", "东平社区"),
        ("张伟强 埔心村 刚关注", "张伟强", "埔心村"),  # 刚关注 is no name (no surname)
    ],
)
def test_the_one_reading_among_the_clauses(text, name, village):
    assert identity.read_name_and_village_in_clauses(text, VILLAGES) == identity.RegisterText(name, village)


@pytest.mark.parametrize(
    "text",
    [
        "埔心村 今年 种几多树",  # no surname
        "埔心村 李淑贞 东平社区 陈国良",  # two readings that differ: none
        "李淑贞 陈国良",  # no village
        "埔心村李淑贞",  # one clause: the whole-text readers' (``read_name_and_village``)
    ],
)
def test_no_reading(text):
    assert identity.read_name_and_village_in_clauses(text, VILLAGES) is None


def test_the_surname_filter():
    assert identity.has_common_surname("冼国华") and identity.has_common_surname("欧阳华")
    assert not identity.has_common_surname("刚关注") and not identity.has_common_surname("陈")
    assert not identity.has_common_surname("欧阳")
