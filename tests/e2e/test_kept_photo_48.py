"""Round 48, through signed pushes: a follower not yet registered asks a question (a ticket: the FAQ and the advisers
answer anyone), then says trees planted (kept until 登记) and sends their photo. The photo is the record's, kept with
it and replayed after 登记, never a 补充 of the ticket (found in the simulator: the photo went to the adviser and the
record, once registered, waited for a photo that never came)."""

from __future__ import annotations

from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture)


def _attachments(probe, openid: str) -> int:  # noqa: F811
    return probe.rows(
        "SELECT COUNT(*) AS n FROM ticket_attachments WHERE ticket_id IN (SELECT id FROM tickets WHERE openid = ?)",
        [openid],
    )[0]["n"]


def test_the_photo_after_a_kept_record_is_the_records(probe):  # noqa: F811
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.user(openid)
    user.follows()
    user.says("我家桂花叶子发黄还掉叶是怎么回事")
    assert len(probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])) == 1
    assert "登记" in user.says("种咗两棵龙眼喺屋门口")
    user.sends_photo(f"m-kept-{probe.count}")
    assert _attachments(probe, openid) == 0
    user.says("登记 邓亚妹 埔心村")
    records = probe.rows("SELECT status, count, species FROM plantings WHERE openid = ?", [openid])
    assert records == [{"status": "complete", "count": 2, "species": "龙眼"}]


def test_a_photo_after_the_ticket_alone_is_still_its_supplement(probe):  # noqa: F811
    """Nothing kept after the ticket: the photo within the 补充 window is the ticket's, registered or not."""
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.user(openid)
    user.follows()
    user.says("我家桂花叶子发黄还掉叶是怎么回事")
    user.sends_photo(f"m-kept-{probe.count}")
    assert _attachments(probe, openid) == 1
