"""Tidy round 79's readers (issue 17 §5), as pure functions: the stop of the reminders taken back read by one regex
(``nlu._STOP_TAKEN_BACK_RE``, the unsubscribing refused its named alternative), and the please-words read from one
list (messages/request_frames.toml [wrappers]) by every reader that leaves them out."""

from __future__ import annotations

import pytest

from bot import nlu, request_frames


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


# The please-words: one list (messages/request_frames.toml [wrappers] please, you, help_me), read by the frame's
# wrappers (``request_frames.without_politeness``), a command asked politely (``nlu.without_please``) and a retraction
# asked politely (``nlu.retraction_said``). Written and run before the change: 0 of 11 (tidy79), the others and controls held.
@pytest.mark.parametrize(
    ("said", "command"),
    [
        ("唔该你哋帮我退订", "退订"),  # tidy79: 你们 (it had left '们帮我退订': the FAQ's how-to, not the command)
        ("请你们帮忙退订", "退订"),  # tidy79
        ("唔该帮我退订", "退订"),
        ("拜托替我退订", "退订"),
        ("麻烦您退订", "退订"),
        ("我说了退订", "退订"),
        ("退订", ""),  # nothing left out: the command's own words read it
    ],
)
def test_without_please(said, command):
    assert nlu.without_please(nlu.normalize(said)) == command


@pytest.mark.parametrize(
    ("said", "retracted"),
    [
        ("麻烦你们帮我删掉刚才那张", True),  # tidy79: 你们 after the please
        ("唔该你哋帮我删咗头先嗰张", True),  # tidy79
        ("请替我删掉刚才那张", True),  # tidy79: 替我, the help-me of the commands
        ("替我删掉它", True),  # tidy79: the help-me alone before the deleting
        ("麻烦你帮我删掉刚才那张", True),
        ("劳驾帮我删掉刚才那张", True),
        ("帮忙撤回刚才那条", True),
        # controls: no retraction, however politely
        ("麻烦你们看看这张", False),
        ("唔该你哋帮我睇下呢张相清唔清楚", False),
        ("替我问下专家", False),
    ],
)
def test_retraction_asked_politely(said, retracted):
    assert nlu.retraction_said(nlu.normalize(said)) is retracted


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("劳驾列出未答嘅提问", "列出未答的提问"),  # tidy79: 劳驾, 拜托 and 您 are please-words of the frame's too
        ("拜托你 列出未答的提问", "列出未答的提问"),  # tidy79
        ("麻烦您列出未答嘅提问", "列出未答的提问"),  # tidy79
        ("您好 我想认领一片责任区", "我想认领一片责任区"),  # tidy79: 您好 a greeting as 你好 is (not 您, then 好)
        ("你们好 我想认领", "我想认领"),  # tidy79: so is 你们好 (it had left '好我想认领')
        ("唔该列出未答嘅提问", "列出未答的提问"),
        ("你好 我想认领", "我想认领"),
        # controls: no politeness before it
        ("列出未答的提问", "列出未答的提问"),
        ("我想认领", "我想认领"),
        ("好我想认领", "好我想认领"),
    ],
)
def test_without_politeness(said, left):
    assert request_frames.without_politeness(nlu.normalize(said)) == left
