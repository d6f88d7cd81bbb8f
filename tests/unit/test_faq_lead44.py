"""The lead, forty-fourth session (sim70's finding in the simulator): where to plant asked with no tree and no coast named
('种在哪里好') had the mangroves' answer by the ranked matcher (its phrasing '红树林种在哪里'); the mangroves' answer now
needs its words (``[answer_needs]``: every question the sets label tech.mangrove says one)."""

from __future__ import annotations

import pytest

from bot import faq


@pytest.mark.parametrize("question", ["种在哪里好", "这棵树种在哪里好", "应该种喺边度好"])
def test_where_to_plant_with_nothing_named_is_no_mangroves_answer(index, question):
    assert faq.result_label(index.match(question)) != "tech.mangrove"


@pytest.mark.parametrize("question", ["红树林种在哪里", "海边滩涂种什么树", "秋茄苗种喺边度好"])
def test_the_mangroves_asked_by_their_words_keep_their_answer(index, question):
    assert faq.result_label(index.match(question)) == "tech.mangrove"
