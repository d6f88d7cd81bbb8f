"""Round 48: a count its sender corrected stays visible to the village's cadres: the dashboard's records (village page
and review queue) say what the record said at first (`报后改过，原为2棵荔枝`), and `export plantings` carries it
(`recounted_from`, `recounted_at`); a record never corrected shows nothing of it."""

from __future__ import annotations

import csv
import io

from bot import cli
from bot.db import transaction
from bot.store import roster as roster_store
from tests.e2e.dashboard_seed import admin, county  # noqa: F401 (fixtures)


def test_a_corrected_count_is_shown_to_the_cadres_and_exported(
    app, bot, admin, county, villager_factory, rows, config_file, capsys
):  # noqa: F811
    with transaction(bot.db):
        roster_store.bind_openid(
            bot.db, county.people["陈大伯"], "o-recount-audit", "2027-03-01T00:00:00", via="roster"
        )
    villager = villager_factory("o-recount-audit")
    villager.follows()
    villager.says("两棵荔枝")
    villager.sends_photo("m-recount-audit")
    bot.clock.advance(minutes=2)
    villager.says("头先报错咗 系三棵唔系两棵")
    villager.says("确定")
    (record,) = rows("SELECT id, count, recounted_from, recounted_at FROM plantings WHERE openid = 'o-recount-audit'")
    assert (record["count"], record["recounted_from"]) == (3, "2棵荔枝") and record["recounted_at"]
    page = admin.get(f"/admin/villages/{county.villages['埔心村']}").get_data(as_text=True)
    assert "报后改过，原为2棵荔枝" in page
    assert page.count("报后改过") == 1  # the seed's records were never corrected
    capsys.readouterr()
    assert cli.main(["--config", str(config_file), "export", "plantings"]) == 0
    exported = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    mine = [r for r in exported if r["id"] == str(record["id"])]
    assert mine[0]["recounted_from"] == "2棵荔枝" and mine[0]["count"] == "3"
    assert all(not r["recounted_from"] for r in exported if r["id"] != str(record["id"]))
