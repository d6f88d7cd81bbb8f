import os

from bot import router
from tests.e2e.test_conversation_probes import probe  # noqa: F401


def test_dbg(probe):
    orig = router._handled

    def handled(routes, ctx, route, match):
        print("ROUTE", route.name, type(match).__name__)
        return orig(routes, ctx, route, match)

    router._handled = handled
    for ctx_, msg in [m.split(":", 1) for m in os.environ["DBG"].split("|")]:
        print("MSG", msg, probe.run(ctx_, msg, "progress"))
    router._handled = orig
