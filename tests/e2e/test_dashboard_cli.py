"""`create-admin` links adviser logins to their roster person (--person, or the same name)."""
from __future__ import annotations

from bot import cli
from bot.store import admins
from tests.e2e.dashboard_seed import seed


def run(config, tmp_path, *argv):
    """`python run.py --config <a copy of config.toml pointing at this test's database> ARGV`."""
    text = (cli.config_mod.DEFAULT_CONFIG.read_text(encoding="utf-8")
            .replace('database = "data/bot.db"', f'database = "{config.database_path}"')
            .replace('photos = "data/photos"', f'photos = "{config.photos_dir}"'))
    path = tmp_path / "test.toml"
    path.write_text(text, encoding="utf-8")
    return cli.main(["--config", str(path), *argv])


def test_create_admin_links_an_adviser_login_to_its_person(bot, config, tmp_path, capsys):
    county = seed(bot)
    bot.db.conn.commit()
    assert run(config, tmp_path, "create-admin", "zhou", "--password", "12345678", "--role", "adviser",
               "--person", "李顾问") == 0
    assert "acting as roster person 李顾问" in capsys.readouterr().out
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
    assert run(config, tmp_path, "create-admin", "x", "--password", "12345678", "--role", "adviser",
               "--person", "没有这个人") == 2
    assert "nothing saved" in capsys.readouterr().err
    assert admins.by_username(bot.db, "x") is None
    assert run(config, tmp_path, "create-admin", "y", "--password", "12345678", "--role", "adviser") == 0
    assert "sees no village" in capsys.readouterr().err
