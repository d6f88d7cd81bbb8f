"""Esc101: the FAQ's ``person`` class stays the adviser's (messages/escalation_routes.toml says why: of the 499 set
questions the FAQ reads as ``person``, most ask for an expert to come and look, or when the technician comes)."""

from __future__ import annotations

import pytest

from bot import escalation


@pytest.mark.parametrize("source", ["question", "explicit"])
def test_a_person_wanted_is_the_advisers(source):
    assert escalation.route_for("person", source, "技术员讲好来睇我啲荔枝 到而家都未嚟") == escalation.ROUTE_ADVISER
