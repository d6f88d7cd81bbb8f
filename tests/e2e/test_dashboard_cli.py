"""`create-admin` links adviser logins to their roster person (--person, or the same name)."""

from __future__ import annotations

from bot import cli
from bot.store import admins
from tests.e2e.dashboard_seed import admin, county, seed, wang  # noqa: F401 (fixtures)


def run(config, tmp_path, *argv):
    """`python run.py --config <a copy of config.toml pointing at this test's database> ARGV`."""
    text = (
        cli.config_mod.DEFAULT_CONFIG.read_text(encoding="utf-8")
        .replace('database = "data/bot.db"', f'database = "{config.database_path}"')
        .replace('photos = "data/photos"', f'photos = "{config.photos_dir}"')
    )
    path = tmp_path / "test.toml"
    path.write_text(text, encoding="utf-8")
    return cli.main(["--config", str(path), *argv])


def test_create_admin_links_an_adviser_login_to_its_person(bot, config, tmp_path, capsys):
    county = seed(bot)
    bot.db.conn.commit()
    assert (
        run(
            config,
            tmp_path,
            "create-admin",
            "zhou",
            "--password",
            "12345678",
            "--role",
            "adviser",
            "--person",
            "李顾问",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "以名册中的 李顾问" in out and "回答署名：技术顾问 李顾问" in out
    assert admins.by_username(bot.db, "zhou")["person_id"] == county.people["李顾问"]
    # a password reset without --person keeps the link
    assert run(config, tmp_path, "create-admin", "zhou", "--password", "abcdefgh", "--role", "adviser") == 0
    assert admins.by_username(bot.db, "zhou")["person_id"] == county.people["李顾问"]
    # by the same name
    assert run(config, tmp_path, "create-admin", "王顾问", "--password", "12345678", "--role", "adviser") == 0
    assert admins.by_username(bot.db, "王顾问")["person_id"] == county.people["王顾问"]


def test_create_admin_refuses_an_unknown_person(bot, config, tmp_path, capsys):
    seed(bot)
    bot.db.conn.commit()
    assert (
        run(
            config,
            tmp_path,
            "create-admin",
            "x",
            "--password",
            "12345678",
            "--role",
            "adviser",
            "--person",
            "没有这个人",
        )
        == 2
    )
    assert "没有保存" in capsys.readouterr().err
    assert admins.by_username(bot.db, "x") is None
    assert run(config, tmp_path, "create-admin", "y", "--password", "12345678", "--role", "adviser") == 0
    assert "看不到任何村和工单" in capsys.readouterr().err


def test_answers_are_signed_with_the_logins_title_and_display_name(app, bot, config, tmp_path):
    from tests.e2e.dashboard_seed import login
    from tests.e2e.test_dashboard import page, post

    county = seed(bot)
    bot.db.conn.commit()
    assert (
        run(
            config,
            tmp_path,
            "create-admin",
            "clerk",
            "--password",
            "12345678",
            "--display-name",
            "王工",
            "--title",
            "县林业站",
        )
        == 0
    )
    assert run(config, tmp_path, "create-admin", "clerk", "--password", "abcdefgh") == 0  # a reset keeps them
    assert {k: admins.by_username(bot.db, "clerk")[k] for k in ("display_name", "title")} == {
        "display_name": "王工",
        "title": "县林业站",
    }
    clerk = app.test_client()
    login(clerk, "clerk", "abcdefgh")
    ticket_id = county.tickets["li"]
    html = page(clerk, f"/admin/tickets/{ticket_id}")
    assert "王工（县林业站）" in html
    post(clerk, f"/admin/tickets/{ticket_id}/answer", {"answer": "浇透水，别施肥。"}, f"/admin/tickets/{ticket_id}")
    text = next(bot.db.query("SELECT text FROM outbox WHERE dedupe_key LIKE ?", [f"answer:{ticket_id}:%"]))["text"]
    assert text.endswith("—— 县林业站 王工\n解决了请回“解决了”；还有疑问，3天内直接回复。") and "技术顾问" not in text
    token = next(bot.db.query("SELECT public_token FROM tickets WHERE id = ?", [ticket_id]))["public_token"]
    assert "县林业站 王工" in app.test_client().get(f"/answer/{token}").get_data(as_text=True)


def test_without_a_title_an_admin_signs_as_管理员_and_an_adviser_as_技术顾问(app, bot, county, admin, wang):
    from tests.e2e.test_dashboard import post

    for client, key in ((admin, "li"), (wang, "wang")):
        ticket_id = county.tickets[key]
        post(client, f"/admin/tickets/{ticket_id}/answer", {"answer": "先停水。"}, f"/admin/tickets/{ticket_id}")
    texts = {r["dedupe_key"].split(":")[1]: r["text"] for r in bot.db.query("SELECT dedupe_key, text FROM outbox")}
    assert "—— 管理员 admin" in texts[str(county.tickets["li"])]
    assert "—— 技术顾问 王顾问" in texts[str(county.tickets["wang"])]
