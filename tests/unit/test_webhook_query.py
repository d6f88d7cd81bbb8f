"""bot/webhook.py ``query_args``: a push's query parameters read as werkzeug's ``Request.args`` reads them (the first
of each name), its plain-ASCII fast path included (issue 21, thirteenth round)."""

from __future__ import annotations

import random

from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from bot.webhook import query_args

PIECES = ["signature", "timestamp", "nonce", "openid", "encrypt_type", "msg_signature", "a", "", "=", "&", "==", "x=1"]
ODD = ["%41", "%zz", "+", "%E5%9F%94", "é", "%", "%2", ";", "a;b", "%26", "%3D", " "]


def as_werkzeug(query: str) -> dict[str, str]:
    environ = EnvironBuilder(path="/wechat", method="POST").get_environ()
    environ["QUERY_STRING"] = query
    args = Request(environ).args
    return {name: args.get(name) for name in args}


def test_wechat_query_strings_read_as_werkzeug_reads_them():
    query = "signature=9b1c&timestamp=1767225600&nonce=1234&openid=o-abc&encrypt_type=aes&msg_signature=ff00"
    assert query_args(query) == as_werkzeug(query)
    assert query_args(query)["encrypt_type"] == "aes"


def test_random_query_strings_read_as_werkzeug_reads_them():
    rng = random.Random(13)
    for _ in range(3000):
        pool = PIECES + (ODD if rng.random() < 0.5 else [])
        query = ""
        for _ in range(rng.randint(0, 8)):
            query += rng.choice(pool) + rng.choice(["=", "&", "", "=v", "&&"]) + rng.choice(pool)
        query = query.encode().decode("latin1")  # as a WSGI server hands it over
        assert query_args(query) == as_werkzeug(query), query


def test_the_first_of_a_name_and_blank_values_are_kept():
    assert query_args("nonce=1&nonce=2&empty=&bare") == {"nonce": "1", "empty": "", "bare": ""}
    assert query_args("") == {} and query_args("&&") == {}
