"""Round sim63 (the demo county as a rehearsal, a clock moved back, planting days far from their village), through
the real webhook with signed XML."""

from __future__ import annotations

from tests.conftest import rows_of


def test_a_clock_moved_back_never_lets_a_flow_started_later_take_a_message(person, bot, standin, clock):
    """A rehearsal's BOT_NOW moved back a day (a trainer replaying the morning) found the photo sent on the later day
    still waiting for its tree: '2棵桂花' then completed that later record. A flow entered after now is not live: the
    text starts a record of its own, which waits for its photo."""
    from tests.e2e.test_planting import photo

    clock.set("2027-04-12T16:00")
    villager = person("o-wang", "王大妈")
    standin.add_media("m-1", photo(1))
    assert villager.sends_photo("m-1").startswith("照片收到（1张）")
    clock.set("2027-04-11T16:00")
    reply = villager.says("2棵桂花")
    assert reply == "记下了：2棵桂花。请再发一张种好的树的照片📷"
    later, earlier = rows_of(bot, "SELECT id, status, species, count FROM plantings ORDER BY id")
    assert later["status"] != "complete" and later["species"] is None
    assert (earlier["status"], earlier["species"], earlier["count"]) == ("pending", "桂花", 2)
