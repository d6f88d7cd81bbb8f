"""A roster village's name misheard by one character of its sound (round 81: 铺心村 for 埔心村) is read through an index of
the names with one character out (the lead, forty-fourth session: a city's 1,200 villages had cost a text 5-9 ms read
one by one): the same village, at the same place, as the one-by-one reading."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import identity, nlu

CHARS = "埔铺浦心新星石十实岗港刚村社区我叫住在的"


def one_by_one(norm: str, villages: list[dict]) -> str:
    """The reading before the index: every village in the roster's order, every place word."""
    ends = [found.end() for found in re.finditer(r"村|社区", norm)]
    for village in villages:
        name = village["name"]
        for end in ends if len(name) >= 3 else ():
            heard = norm[max(0, end - len(name)) : end]
            changed = [(a, b) for a, b in zip(heard, name) if a != b]
            if (
                len(heard) == len(name)
                and len(changed) == 1
                and nlu.readings(changed[0][0]) & nlu.readings(changed[0][1])
            ):
                return norm[: end - len(name)] + name + norm[end:]
    return norm


def test_a_village_misheard_by_one_character_of_its_sound_is_the_rosters():
    villages = [{"name": "石岗村"}, {"name": "埔心村"}]
    assert identity._village_by_its_sound("我叫张龙眼铺心村", villages) == "我叫张龙眼埔心村"
    assert identity._village_by_its_sound("我系十岗村的", villages) == "我系石岗村的"
    assert identity._village_by_its_sound("我叫张龙眼东心村", villages) == "我叫张龙眼东心村"  # not its sound
    assert identity._village_by_its_sound("我叫张龙眼铺星村", villages) == "我叫张龙眼铺星村"  # two characters off
    # two villages fit: the first in the roster's order; one village at two place words: the first place
    assert (
        identity._village_by_its_sound("我叫张三铺心村", [{"name": "浦心村"}, {"name": "埔心村"}]) == "我叫张三浦心村"
    )
    assert (
        identity._village_by_its_sound("我叫张三铺心村", [{"name": "埔心村"}, {"name": "浦心村"}]) == "我叫张三埔心村"
    )
    assert identity._village_by_its_sound("十岗村定系实岗村", [{"name": "石岗村"}]) == "石岗村定系实岗村"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(CHARS, min_size=1, max_size=4), min_size=1, max_size=12),
    st.text(CHARS, min_size=0, max_size=14),
)
def test_the_index_reads_as_the_villages_one_by_one(names, text):
    villages = [{"name": name + "村"} for name in names]
    assert identity._village_by_its_sound(text, villages) == one_by_one(text, villages)
