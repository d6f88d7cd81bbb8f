"""The lead's findings of the forty-first session, each from the simulator, through the real webhook with signed XML:
a plan said with a month from today's before the trees ('下个月种两棵龙眼') is pledged for that month."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)

# the simulator (a party member, 25 March): '下个月种两棵龙眼' had been pledged with no month ('您家现在认领：…、2棵龙眼')
LATER_PLANTING = [
    ("下个月种两棵龙眼", [("龙眼", 2, 4)]),
    ("我下个月种三棵荔枝", [("荔枝", 3, 4)]),
    # written before the change, not run before it
    ("下月再种2棵桂花", [("桂花", 2, 4)]),
    ("我哋下个月补种一棵杨梅", [("杨梅", 1, 4)]),
    ("我家打算种三棵龙眼", [("龙眼", 3, None)]),  # the control: no month said, none taken
]


@pytest.mark.parametrize(("said", "pledged"), LATER_PLANTING)
def test_a_month_said_from_todays_before_the_trees_is_the_pledges_month(probe, said, pledged):  # noqa: F811
    probe.count += 1
    openid = f"o-later-{probe.count}"
    probe.member(openid).says(said)  # the probe's clock: 16 March
    rows = probe.rows(
        "SELECT species, count, month FROM pledges WHERE cancelled_at IS NULL AND person_id IN"
        " (SELECT id FROM people WHERE openid = ?) ORDER BY id",
        [openid],
    )
    assert [(r["species"], r["count"], r["month"]) for r in rows] == pledged, said
