"""Reading ahead (bot/router.py ``plan``, bot/webhook.py ``read_ahead``) never changes an answer.

The same long conversation, over the project's own phrases (every text the tests say, the commands' words, the FAQ
sets' questions, the menu's clicks) from senders in every role, with photos, locations, voice and events between
them, goes to two bots on two SQLite files: one reads ahead in the request thread and applies the plan in the writer,
the other asks every route in the transaction, as before. Every message must get the same handler and reply from
both. On the second bot each message is also checked against its plan: every route that would match, up to where
the plan stops, is in the plan, and what a pure part read ahead is what the route's matcher says in the transaction.
"""

from __future__ import annotations

import itertools
import re
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from bot import router, webhook
from bot.context import Ctx
from bot.db import transaction
from bot.incoming import from_fields
from bot.menu import click_texts
from bot.registry import Registry
from tests.conftest import PUXIN, Clock, add_roster, app_over_file

ROOT = Path(__file__).resolve().parents[2]
START = "2027-03-15T10:00"
SENDERS = ("o-stranger", "o-villager", "o-cadre", "o-adviser", "o-neighbour")


def _test_phrases() -> list[str]:
    """Every text the tests have a follower say (``says("…")``)."""
    found: set[str] = set()
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        found.update(re.findall(r"says\((?:[^()\"]*, )?\"([^\"\n]{1,60})\"\)", path.read_text(encoding="utf-8")))
    return sorted(found)


def _tsv_questions(name: str, every: int = 1, folder: Path = ROOT / "tests" / "data") -> list[str]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    questions = [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]
    return questions[::every]


def _command_words(app) -> list[str]:
    """Every word of every command (``*.commands.*`` in messages/replies), and each with a number after it, spaced or
    not in turn (both forms of every word had made the test the suite's slowest)."""
    words: list[str] = []
    for key, listed in sorted(app.messages.word_lists.items()):
        if ".commands." in key:
            for n, word in enumerate(sorted(listed)):
                words += [word, f"{word} 2" if n % 2 else f"{word}1"]
    return words


def phrases(app) -> list[str]:
    texts = [
        *_test_phrases(),
        *_command_words(app),
        *_tsv_questions("faq_questions.tsv", every=4),
        *_tsv_questions("faq_rule_checks.tsv"),
        *_tsv_questions("faq_heldout_k.tsv", every=6, folder=ROOT / "messages" / "faq" / "precedents"),
        *click_texts().values(),
    ]
    return list(dict.fromkeys(texts))


def conversation(app) -> list[dict[str, str]]:
    """The messages, as WeChat's fields: the phrases from senders in turn, with other kinds of message between; then
    the first 250 again from other senders (a plan kept for a text then serves another sender, in another state)."""
    clicks = sorted(click_texts())
    messages: list[dict[str, str]] = []
    said = phrases(app)
    for n, text in enumerate([*said, *said[:250]]):
        sender = SENDERS[(n + n // len(said)) % len(SENDERS)]
        if n % 3 == 1:  # a photo just before: a planting record waits, or a ticket may take it
            messages.append({"FromUserName": sender, "MsgType": "image", "MediaId": f"m{n}", "PicUrl": "http://x/p"})
        if n % 11 == 5:
            messages.append(
                {"FromUserName": sender, "MsgType": "location", "Location_X": "23.1", "Location_Y": "114.4"}
            )
        if n % 13 == 7:
            messages.append({"FromUserName": sender, "MsgType": "voice", "MediaId": f"v{n}", "Recognition": text})
            continue
        if n % 17 == 9:
            messages.append({"FromUserName": sender, "MsgType": "event", "Event": "CLICK", "EventKey": clicks[n % 4]})
        if n % 29 == 11:
            event = ("subscribe", "SCAN", "unsubscribe", "TEMPLATESENDJOBFINISH")[n % 4]
            messages.append({"FromUserName": sender, "MsgType": "event", "Event": event, "EventKey": "qrscene_1"})
        if n % 31 == 13:
            messages.append({"FromUserName": sender, "MsgType": "voice", "MediaId": f"w{n}", "Format": "amr"})
        messages.append({"FromUserName": sender, "MsgType": "text", "Content": text})
    return messages


def _bot(folder: Path):
    # one spot-check key for both bots: the draw is keyed, and a count of records waiting is said (round 58)
    app_cm = app_over_file(folder, **{"review.spot_check_key": "read-ahead"})
    app = app_cm.__enter__()
    app.clock = Clock()
    app.clock.set(START)
    add_roster(
        app,
        {"埔心村": {k: v for k, v in PUXIN.items() if k != "name"}},
        [
            ("o-villager", "王大妈", "埔心村", "群众"),
            ("o-cadre", "陈书记", "埔心村", "村书记"),
            ("o-adviser", "李工", "埔心村", "技术顾问"),
            ("o-neighbour", "李大叔", "埔心村", "群众"),
        ],
    )
    return app_cm, app


class RouteCheck:
    """Wraps the first route of a bot: when a message's dispatch starts, asks every route's matcher on that message
    (each on its own copy of the Ctx, inside a savepoint rolled back after) and compares with the plan."""

    def __init__(self, app):
        self.app, self.routes = app, app.registry.routes
        self.planned: router.Plan | None = None
        self.problems: list[str] = []
        first = self.routes[0]
        wrapped = router.Route(first.name, self._first_matcher(first.matches), first.handle)
        app.registry = Registry(**{**vars(app.registry), "routes": (wrapped, *self.routes[1:])})

    def _first_matcher(self, matches):
        def first(ctx: Ctx):
            if self.planned is not None:
                self._check(ctx, self.planned)
                self.planned = None  # a voice or a click redispatched as text is planned by no one
            return matches(ctx)

        return first

    def _copy(self, ctx: Ctx) -> Ctx:
        return Ctx(
            app=ctx.app,
            db=ctx.db,
            msg=ctx.msg,
            now=ctx.now,
            user=dict(ctx.user),
            inbox_id=ctx.inbox_id,
            _live_flows=set(ctx._live_flows or ()),
        )

    def _check(self, ctx: Ctx, planned: router.Plan) -> None:
        kept = {route.name: read for route, read in planned}
        last, last_read = planned[-1] if planned else (None, router.ASK)
        decided = last is not None and (
            isinstance(last_read, router.Decided) or (last_read is not router.ASK and last.matches.then is None)
        )
        stop = self.routes.index(last) if decided else len(self.routes) - 1
        for route in self.routes[: stop + 1]:
            match = self._ask(route, ctx)
            said = f"{ctx.msg.msg_type} {ctx.msg.text or ctx.msg.event or ''!r}: route {route.name}"
            if match and route.name not in kept:
                self.problems.append(f"{said} matches but the plan left it out")
            read = kept.get(route.name, router.ASK)
            if isinstance(read, router.Decided) and read.match != match:
                self.problems.append(f"{said} decided {read.match!r} ahead, {match!r} in the transaction")
            elif read is not router.ASK and route.matches.then is None and read != match:
                self.problems.append(f"{said} read {read!r} ahead, {match!r} in the transaction")

    def _ask(self, route: router.Route, ctx: Ctx):
        class Undo(Exception):
            pass

        answer = None
        try:
            with ctx.db.atomic():
                answer = route.matches(self._copy(ctx))
                raise Undo
        except Undo:
            pass
        return answer


# the random token of a public page's link (a certificate, an adoption), and a planting day's random check-in code
# (签到码：5326, 参加 5326: bot/events.py draws it with secrets)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,}|(?<=签到码：)\d+|(?<=参加 )\d+")


def _apply(app, msg, now, planned):
    """``process`` in a transaction of its own, as the writer applies it: (handler, reply with any random token or
    code masked), or what it raised."""
    try:
        with transaction(app.db):
            handler, reply = webhook.process(app, app.db, msg, now, 0.0, planned)
    except Exception as exc:  # noqa: BLE001 - both bots must fail alike
        return "raised", repr(exc)
    return handler, _TOKEN.sub("<token>", reply or "")


def test_reading_ahead_gives_every_message_the_same_answer(tmp_path):
    ahead_cm, ahead = _bot(tmp_path / "ahead")
    asked_cm, asked = _bot(tmp_path / "asked")
    check = RouteCheck(asked)
    plans = router.PlanCache()
    message_ids = itertools.count(1)
    differences, answered, shortened = [], 0, 0
    try:
        for fields in conversation(ahead):
            now = ahead.clock()
            common = {"ToUserName": "gh", "CreateTime": str(int(now.timestamp())), "MsgId": str(next(message_ids))}
            msg = from_fields({**common, **fields})
            planned = router.plan(ahead.routes, msg, ahead, plans)  # raises if a pure part reads more than the message
            shortened += len(planned) < len(ahead.routes)
            first = _apply(ahead, msg, now, planned)
            check.planned = router.plan(check.routes, msg, asked)
            second = _apply(asked, msg, now, None)
            answered += 1
            if first != second:
                differences.append((fields, first, second))
            for app in (ahead, asked):
                app.clock.set(now + timedelta(minutes=1))
    finally:
        ahead_cm.__exit__(None, None, None)
        asked_cm.__exit__(None, None, None)
    assert answered > 1000
    assert shortened > answered // 2  # the plan does leave routes out
    assert not differences, differences[:5]
    assert not check.problems, check.problems[:10]


def test_a_planned_route_is_handed_what_was_read():
    calls = []

    def ahead(ctx):
        return ctx.msg.text

    def then(ctx, read):
        calls.append(read)
        return read == "yes"

    staged = router.staged(ahead, then)
    route = router.Route("staged", staged, lambda ctx, match: "handled")
    fallback = router.Route("fallback", router.pure(lambda ctx: True), lambda ctx, match: "fallback")
    app = object()
    for text, expected in (("yes", "staged"), ("no", "fallback"), ("", "fallback")):
        msg = from_fields({"FromUserName": "o", "MsgType": "text", "CreateTime": "1", "Content": text})
        planned = router.plan([route, fallback], msg, app)  # type: ignore[arg-type]
        assert [r.name for r, _ in planned] == (["staged", "fallback"] if text else ["fallback"])
        ctx = Ctx(app=app, db=None, msg=msg, now=None, user={}, inbox_id=0)  # type: ignore[arg-type]
        assert router.dispatch([route, fallback], ctx, planned)[0] == expected
        assert router.dispatch([route, fallback], ctx)[0] == expected
    assert calls == ["yes", "yes", "no", "no"]  # asked with the plan and without, never for the empty text


def test_a_decided_or_pure_match_ends_the_plan():
    later = router.Route("later", router.pure(lambda ctx: True), lambda ctx, match: "later")
    decided = router.Route("decided", router.staged(lambda ctx: router.Decided(7), None), lambda c, m: str(m))  # type: ignore[arg-type]
    msg = from_fields({"FromUserName": "o", "MsgType": "text", "CreateTime": "1", "Content": "x"})
    planned = router.plan([decided, later], msg, object())  # type: ignore[arg-type]
    assert [(r.name, read) for r, read in planned] == [("decided", router.Decided(7))]
    ctx = Ctx(app=object(), db=None, msg=msg, now=None, user={}, inbox_id=0)  # type: ignore[arg-type]
    assert router.dispatch([decided, later], ctx, planned) == ("decided", "7")
    assert router.dispatch([decided, later], ctx) == ("decided", "7")


def test_a_pure_matcher_that_reads_the_sender_fails_ahead():
    """A ``Reading`` has the message and the app only: a matcher declared pure by mistake cannot read the sender."""
    wrong = router.Route("wrong", router.pure(lambda ctx: ctx.user), lambda ctx, match: "x")
    msg = from_fields({"FromUserName": "o", "MsgType": "text", "CreateTime": "1", "Content": "x"})
    with pytest.raises(AttributeError):
        router.plan([wrong], msg, object())  # type: ignore[arg-type]


def test_an_faq_answer_read_ahead_is_the_writers_until_an_adviser_entry_changes_it(tmp_path):
    """``read_faq_ahead`` (request thread) keeps the FAQ's answer for the writer's ``faq_match``; an adviser entry
    added since (by another process) makes the writer match again; an answer read while the index changed is not
    kept."""
    from bot import escalation
    from bot.store import tickets as tickets_store

    question, answer = "火龙果能不能和桂花种在一起", "可以，间隔2米以上，火龙果要搭架。"
    with app_over_file(tmp_path) as app, app_over_file(tmp_path) as other_process:
        sync = escalation._adviser_entries(app)
        with transaction(app.db) as db:
            before = escalation.faq_match(app, db, "桂花什么时候种")  # the entries read, the index built
        escalation.read_faq_ahead(app, question)
        kept = sync.results[question]
        assert answer not in kept.answer_text
        with transaction(app.db) as db:
            assert escalation.faq_match(app, db, question) is kept  # the writer matched nothing itself
        with transaction(other_process.db) as db:
            tickets_store.add_faq_entry(db, ticket_id=0, question=question, answer=answer, created_by="李", now="x")
        escalation.read_faq_ahead(app, question)  # still the old index: the entry is not read yet
        with transaction(app.db) as db:
            assert answer in escalation.faq_match(app, db, question).answer_text

        # an entry comes while a request thread matches: the index changes once it is done, and its answer is dropped
        index = app.service("faq", escalation.load_faq_index)
        later, later_answer = "簕杜鹃光长叶子不开花咋办", "簕杜鹃要晒足太阳才开花。"
        with transaction(other_process.db) as db:
            tickets_store.add_faq_entry(db, ticket_id=0, question=later, answer=later_answer, created_by="李", now="x")
        real_match, matching, go, changed = index.match, threading.Event(), threading.Event(), threading.Event()

        def slow_match(text):
            matching.set()
            go.wait(10)
            return real_match(text)

        def writer_catches_up():
            with transaction(app.db) as db, sync.lock:
                sync.catch_up(index, db)
            changed.set()

        index.match = slow_match
        try:
            reader = threading.Thread(target=escalation.read_faq_ahead, args=(app, later))
            reader.start()
            assert matching.wait(10)
            writer = threading.Thread(target=writer_catches_up)
            writer.start()
            assert not changed.wait(0.3)  # the writer waits for the match under way
            go.set()
            reader.join(10)
            writer.join(10)
        finally:
            del index.match
        assert changed.is_set()
        assert later not in sync.results  # read before the entry came
        with transaction(app.db) as db:
            assert later_answer in escalation.faq_match(app, db, later).answer_text
        assert before.kind == "answer"


def test_a_plan_is_kept_only_when_what_it_read_cannot_change():
    routes = [
        router.Route("frozen", router.pure(lambda ctx: ("n", 1) if ctx.msg.text == "a" else None), lambda c, m: "x"),
        router.Route("dict", router.pure(lambda ctx: {"note": ""} if ctx.msg.text == "b" else None), lambda c, m: "y"),
    ]
    cache = router.PlanCache()
    for text in ("a", "b"):
        msg = from_fields({"FromUserName": "o", "MsgType": "text", "CreateTime": "1", "Content": text})
        first = router.plan(routes, msg, object(), cache)  # type: ignore[arg-type]
        again = router.plan(routes, msg, object(), cache)  # type: ignore[arg-type]
        assert (again is first) == (text == "a")  # a dict may be changed by its handler: read anew
        other_routes = list(routes)
        assert router.plan(other_routes, msg, object(), cache) is not first  # type: ignore[arg-type]
