"""One ``core.either`` (tidy77): a pure-only ``_either`` had stood beside the staged one, so 帮助's words were one
kind of matcher and registration's fix_name another. Now every caller gets the same behaviour: the first's match wins
and the second is not asked then; two pure parts make a pure matcher (the plan decides it before the transaction); a
staged part makes a staged one, a pure first's match deciding ahead alone. Plain callables as messages, no database."""

from __future__ import annotations

import pytest

from bot.router import Decided, pure, staged
from handlers import core


def _pure(answers: dict, asked: list, name: str):
    @pure
    def matches(ctx):
        asked.append(name)
        return answers.get(ctx)

    return matches


def _staged(ahead_answers: dict, then_answers: dict, asked: list, name: str):
    def ahead(ctx):
        asked.append(f"{name}.ahead")
        return ahead_answers.get(ctx)

    def then(ctx, read):
        asked.append(f"{name}.then")
        return then_answers.get(ctx)

    return staged(ahead, then)


def test_one_helper_one_name():
    assert not hasattr(core, "_either")


def test_two_pure_parts_are_pure_and_the_first_match_wins_without_asking_the_second():
    asked: list = []
    matcher = core.either(_pure({"a": "first"}, asked, "first"), _pure({"a": "second", "b": "second"}, asked, "second"))
    assert matcher.then is None and matcher.ahead is matcher  # pure: decided in the plan
    assert matcher("a") == "first" and asked == ["first"]
    assert matcher("b") == "second" and matcher("c") is None


@pytest.mark.parametrize("text", ["a", "b", "c"])
def test_a_staged_second_gives_the_same_answers_as_calling_them_in_turn(text):
    asked: list = []
    first = _pure({"a": "first"}, asked, "first")
    second = _staged({"b": "read", "c": "read"}, {"b": "second"}, asked, "second")
    matcher = core.either(first, second)
    assert matcher.then is not None  # staged: the second's part needs the transaction
    expected = first(text) or second(text)
    assert matcher(text) == expected


def test_a_pure_firsts_match_decides_ahead_and_the_second_is_never_read():
    asked: list = []
    matcher = core.either(_pure({"a": "first"}, asked, "first"), _staged({"a": "read"}, {"a": "x"}, asked, "second"))
    assert matcher.ahead("a") == Decided("first") and asked == ["first"]
    asked.clear()
    read = matcher.ahead("b")
    assert read is None and asked == ["first", "second.ahead"]  # neither may match: dropped from the plan


def test_a_staged_first_is_asked_first_in_the_transaction():
    asked: list = []
    first = _staged({"a": "read"}, {"a": "first"}, asked, "first")
    matcher = core.either(first, _pure({"a": "second"}, asked, "second"))
    assert matcher("a") == "first"
    assert core.either(_staged({"a": "read"}, {}, [], "first"), _pure({"a": "second"}, [], "second"))("a") == "second"
