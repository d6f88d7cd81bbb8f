"""Frames75, frames76, tidy77 (issue 17 §5): held-out probes of each duty moved onto the request frame
(bot/request_frames.py), tests/data/frame_moves_frames75.tsv, frame_moves_frames76.tsv and frame_moves_tidy77.tsv
(opt-outs said loosely: Cantonese 咪, an adviser's answers), written in other words before
each move and measured on main before it: Cantonese, voice without punctuation, a relative's, negated, asked against
said. Each read as its duty's reader reads it, with the text as sent (where the sender paused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import nlu, request_frames

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FILES = ("frame_moves_frames75.tsv", "frame_moves_frames76.tsv", "frame_moves_tidy77.tsv")
READERS = {
    "zone": nlu.zone_wished,
    "back": nlu.reminders_wanted_back,
    "join": nlu.joining_said,  # frames76: the sender with others
    "off": lambda norm, text: nlu.reminders_said(norm, text) == "off",  # frames76: round 31's frames moved
    "or": lambda norm, _text: nlu.is_question(norm),  # frames76: Cantonese 定 (or) after a tree's name
    # tidy77: an adviser's answers not wanted, no reminders (the off probes of the file hold Cantonese 咪)
    "answers": lambda norm, text: request_frames.answers_stopped(nlu.request_frame(norm, text)),
}
# probes still missed, each with why (strict xfails)
LEFT: dict[str, str] = {}  # frames75: the two reminders probes left at the zones' move are read now


def _probes() -> list:
    lines = [line for name in FILES for line in (DATA_DIR / name).read_text("utf-8").splitlines()]
    rows = [line.split("\t") for line in lines if line and line[0] != "#"]
    return [
        pytest.param(duty, text, expected == "1", id=f"{duty}:{text}", marks=_left(text))
        for duty, text, expected, _note in rows
    ]


def _left(text: str) -> list:
    return [pytest.mark.xfail(reason=LEFT[text], strict=True)] if text in LEFT else []


@pytest.mark.parametrize(("duty", "text", "expected"), _probes())
def test_a_moved_duty_reads_its_held_out_probes(duty, text, expected):
    assert READERS[duty](nlu.normalize(text), text) is expected
