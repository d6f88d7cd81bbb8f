"""Frames75 (issue 17 §5): held-out probes of each duty moved onto the request frame (bot/request_frames.py),
tests/data/frame_moves_frames75.tsv, written in other words before each move and measured on main before it: Cantonese,
voice without punctuation, a relative's, negated, asked against said. Each read as its duty's reader reads it, with the
text as sent (where the sender paused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import nlu

DATA = Path(__file__).resolve().parent.parent / "data" / "frame_moves_frames75.tsv"
READERS = {
    "zone": nlu.zone_wished,
    "back": nlu.reminders_wanted_back,
}
# probes still missed, each with why (strict xfails)
LEFT: dict[str, str] = {}  # frames75: the two reminders probes left at the zones' move are read now


def _probes() -> list:
    rows = [line.rstrip("\n").split("\t") for line in DATA.read_text("utf-8").splitlines() if line and line[0] != "#"]
    return [
        pytest.param(duty, text, expected == "1", id=f"{duty}:{text}", marks=_left(text))
        for duty, text, expected, _note in rows
    ]


def _left(text: str) -> list:
    return [pytest.mark.xfail(reason=LEFT[text], strict=True)] if text in LEFT else []


@pytest.mark.parametrize(("duty", "text", "expected"), _probes())
def test_a_moved_duty_reads_its_held_out_probes(duty, text, expected):
    assert READERS[duty](nlu.normalize(text), text) is expected
