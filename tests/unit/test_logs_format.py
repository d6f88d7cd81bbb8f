"""bot/logs.py ``RedactingFormatter``: the bot's lines put together directly, their seconds formatted once a second,
are the text ``logging.Formatter`` makes of them, then redacted (issue 21, fourteenth round)."""

from __future__ import annotations

import logging
import random
import sys

from bot import logs


def record(message: str, args: tuple, created: float, exc_info=None, name: str = "bot.webhook", level=logging.INFO):
    made = logging.LogRecord(name, level, "(unknown file)", 0, message, args, exc_info)
    made.created = created
    made.msecs = int((created - int(created)) * 1000) + 0.0  # as LogRecord computes it
    return made


def as_logging_formats(made: logging.LogRecord, fmt: str = logs.LINE_FORMAT) -> str:
    return logs.redact(logging.Formatter(fmt).format(made))


MESSAGES = [
    ("msg openid=%s type=%s handler=%s latency_ms=%.1f", ("3f2a9c0d1e4b", "text", "faq_answer", 12.345)),
    ("msg openid=%s type=%s handler=%s latency_ms=%.1f", ("-", "subscribe", "failed", 0.04)),
    ("refused %s: %s (from %s)", (403, "bad signature", "10.0.0.7")),
    ("fetching https://api.weixin.qq.com/cgi-bin/token?appid=x&secret=%s", ("hunter2",)),
    ("100%% done", ()),
    ("a %(name)s mapping", ({"name": "dict"},)),
    ("中文 %s", ("埔心村 李秀英",)),
    ("no args at all", ()),
]


def test_the_bots_lines_read_as_logging_formats_them():
    formatter = logs.RedactingFormatter()
    rng = random.Random(21)
    start = 1_767_225_599.0
    for step in range(3000):
        created = start + step * rng.choice([0.0004, 0.013, 0.25, 0.9999, 1.0, 61.5])
        message, args = rng.choice(MESSAGES)
        level = rng.choice([logging.INFO, logging.WARNING, logging.ERROR])
        made, again = record(message, args, created, level=level), record(message, args, created, level=level)
        assert formatter.format(made) == as_logging_formats(again)
        assert made.asctime == again.asctime and made.message == again.message  # as a formatter leaves them
    assert "secret=***" in formatter.format(record(*MESSAGES[3], start))


def test_a_traceback_and_another_format_go_through_logging_itself():
    formatter = logs.RedactingFormatter()
    try:
        raise ValueError("access_token=abc123 went wrong")
    except ValueError:
        exc_info = sys.exc_info()
    made, again = (
        record("failed %s", ("x",), 1_767_225_600.5, exc_info),
        record("failed %s", ("x",), 1_767_225_600.5, exc_info),
    )
    line = formatter.format(made)
    assert line == as_logging_formats(again)
    assert "Traceback" in line and "access_token=***" in line and "abc123" not in line
    short = logs.RedactingFormatter("%(levelname)s %(message)s")
    assert short.format(record("a %s", ("b",), 5.0)) == "INFO a b"
    dated = logs.RedactingFormatter()
    assert dated.formatTime(record("a", (), 1_767_225_600.25), "%H") == logging.Formatter().formatTime(
        record("a", (), 1_767_225_600.25), "%H"
    )


def test_the_second_kept_is_the_records_own_whatever_the_order():
    formatter = logs.RedactingFormatter()
    for created in (1_767_225_600.999, 1_767_225_601.0, 1_767_225_600.5, 1_767_225_662.0, 1_767_225_600.0):
        assert formatter.formatTime(record("a", (), created)) == logging.Formatter().formatTime(
            record("a", (), created)
        )
