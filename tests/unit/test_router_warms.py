"""bot/router.py ``plan``: the caches a plan warms (``warmed_by``) are found once a plan and kept with it, each warmed
once a message, whether the plan was read anew or kept (issue 21, fourteenth round)."""

from __future__ import annotations

from bot import router
from bot.context import Ctx
from bot.incoming import from_fields


def message(text: str):
    return from_fields({"FromUserName": "o", "MsgType": "text", "CreateTime": "1", "Content": text})


def routes_warming(calls: list[tuple[str, str]]):
    def warm(name):
        return lambda reading: calls.append((name, reading.msg.text))

    shared = warm("shared")
    first = router.warmed_by(shared)(lambda ctx: ctx.msg.text == "first")
    second = router.warmed_by(shared)(lambda ctx: ctx.msg.text == "second")  # the same cache: warmed once
    own = router.warmed_by(warm("own"))(lambda ctx: ctx.msg.text == "own")
    read_ahead = router.warmed_by(warm("read"))(router.pure(lambda ctx: ctx.msg.text == "pure"))  # read: not warmed
    stop = router.Route("stop", router.pure(lambda ctx: ctx.msg.text == "stop"), lambda c, m: "stop")
    late = router.warmed_by(warm("late"))(lambda ctx: True)  # after a pure match: never asked, never warmed
    return [
        router.Route("first", first, lambda c, m: "first"),
        router.Route("pure", read_ahead, lambda c, m: "pure"),
        router.Route("second", second, lambda c, m: "second"),
        router.Route("own", own, lambda c, m: "own"),
        stop,
        router.Route("late", late, lambda c, m: "late"),
    ]


EXPECTED = {  # text -> the caches warmed, in order
    "anything": ["shared", "own", "late"],
    "stop": ["shared", "own"],  # a pure match: no route after it is asked
    "pure": ["shared"],  # the route whose pure part read it is not warmed
    "x" * 100: ["shared", "own", "late"],  # too long to keep its plan
}


def test_each_cache_is_warmed_once_a_message_kept_plan_or_not():
    calls: list[tuple[str, str]] = []
    routes = routes_warming(calls)
    cache = router.PlanCache()
    for text, expected in EXPECTED.items():
        uncached = router.plan(routes, message(text), object())  # type: ignore[arg-type]
        assert calls == [(name, text) for name in expected]
        calls.clear()
        kept = [router.plan(routes, message(text), object(), cache) for _ in range(3)]  # type: ignore[arg-type]
        assert all(plan == uncached for plan in kept)
        assert calls == [(name, text) for name in expected] * 3  # every message, the plan kept or not
        calls.clear()
        assert (kept[1] is kept[0]) == (len(text) <= router.PlanCache.MAX_TEXT)


def test_warms_of_lists_the_asked_routes_caches_in_order_each_once():
    calls: list[tuple[str, str]] = []
    routes = routes_warming(calls)
    planned = router.plan(routes, message("anything"), object())  # type: ignore[arg-type]
    assert [route.name for route, _read in planned] == ["first", "second", "own", "late"]  # 'pure', 'stop' said no
    warms = router.warms_of(planned)
    assert [warm for warm in warms] == [routes[i].matches.warm for i in (0, 3, 5)]  # type: ignore[attr-defined]
    ctx = Ctx(app=object(), db=None, msg=message("own"), now=None, user={}, inbox_id=0)  # type: ignore[arg-type]
    assert router.dispatch(routes, ctx, router.plan(routes, message("own"), object())) == ("own", "own")  # type: ignore[arg-type]
