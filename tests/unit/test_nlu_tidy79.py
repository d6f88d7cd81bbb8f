"""Tidy round 79's readers (issue 17 §5), as pure functions: the stop of the reminders taken back read by one regex
(``nlu._STOP_TAKEN_BACK_RE``, the unsubscribing refused its named alternative), and the please-words read from one
list (messages/request_frames.toml [wrappers]) by every reader that leaves them out."""

from __future__ import annotations

import pytest

from bot import nlu


@pytest.mark.parametrize(
    ("said", "taken_back"),
    [
        # the unsubscribing refused, said last alone (the lead's, forty-ninth session)
        ("不用退订了", True),
        ("还是不要退订吧", True),
        ("别退订啦", True),
        ("唔使退订住", True),
        ("我讲错咗 唔好退订", True),
        # the sending asked to go on after a clause taking the stop back (round 93)
        ("我按错了，继续发吧", True),
        ("不要退订 继续发", True),
        ("不退订 照发", True),
        ("不要 继续发吧", True),
        # tidy79: 别退订 before it takes the stop back as 不要退订 does (one list of refusals: it had been only the last
        # clause's), and so do 算了 and 罢了 (their 了 is left out before the clause is read: they had never matched)
        ("别退订 照常发吧", True),
        ("别退订，继续发给我", True),
        ("算了 继续推送给我", True),
        ("罢了，照旧推送吧", True),
        # controls: the stop itself, the sending refused, asked, or the unsubscribing wished after the slip
        ("退订", False),
        ("不要继续发", False),
        ("继续发吗", False),
        ("讲错咗 系要退订", False),
        ("算了，不要再发了", False),
        ("不要退订的", False),
    ],
)
def test_stop_taken_back(said, taken_back):
    assert nlu.stop_taken_back(said) is taken_back
