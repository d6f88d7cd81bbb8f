"""`python run.py backup`: a consistent copy while the bot keeps writing, and the documented restore."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import threading

from bench.harness import write_config
from bot.app import create_app
from bot.backup import make_backup
from bot.cli import main as cli_main
from bot.media import download_due
from bot.simulator import Signer, WeChatUser
from tests.conftest import make_config, transport_for


def test_backup_while_villagers_keep_writing_is_consistent(app, bot, villager_factory, tmp_path):
    stop = threading.Event()
    sent: list[str] = []

    def writer():  # each message: one inbox row and one new users row, in one transaction
        n = 0
        while not stop.is_set() and n < 400:
            user = villager_factory(f"o-writer-{n}")
            user.says("帮助")
            sent.append(user.openid)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(sent) < 20:
            threading.Event().wait(0.01)
        out, manifest = make_backup(bot.config, tmp_path / "during.tar.gz")
    finally:
        stop.set()
        thread.join()
    assert manifest["integrity_check"] == "ok"
    with tarfile.open(out) as tar:
        tar.extractall(tmp_path / "x", filter="data")
    copy = sqlite3.connect(tmp_path / "x" / "bot.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    inbox = copy.execute("SELECT COUNT(*) FROM inbox WHERE openid LIKE 'o-writer-%'").fetchone()[0]
    users = copy.execute("SELECT COUNT(*) FROM users WHERE openid LIKE 'o-writer-%'").fetchone()[0]
    assert 20 <= inbox == users <= len(sent)  # one moment of the database: no message without its user row
    assert manifest["tables"]["inbox"] == copy.execute("SELECT COUNT(*) FROM inbox").fetchone()[0]
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()


def test_backup_command_then_restore_into_a_fresh_install(tmp_path, standin):
    # A running install: a config file, a villager, a stored photo.
    live = tmp_path / "live"
    config_path = write_config(
        live,
        {
            "wechat.api_base_url": standin.url,
            "wechat.app_id": standin.appid,
            "wechat.app_secret": standin.secret,
            "wechat.token": "spamtest",
        },
    )
    from bot import config as config_mod

    cfg = config_mod.load(config_path, env={})
    app = create_app(cfg)
    bot = app.extensions["bot"]
    user = WeChatUser(transport_for(app), Signer("spamtest", "", standin.appid), openid="o-restore")
    standin.add_media("m-tree", b"\xff\xd8 a photo of a tree")
    user.says("帮助")
    user.sends_photo("m-tree")
    assert download_due(bot, bot.clock())["stored"] == 1

    archive = tmp_path / "nightly.tar.gz"
    assert cli_main(["--config", str(config_path), "backup", "--out", str(archive)]) == 0
    assert cli_main(["--config", str(config_path), "backup", "--out", str(archive)]) == 1  # never overwrites
    folder = tmp_path / "as-folder"
    assert cli_main(["--config", str(config_path), "backup", "--out", str(folder)]) == 0
    assert json.loads((folder / "MANIFEST.json").read_text())["photo_files"] == 1
    app.extensions["bot"].databases.close_all()

    # Restore as docs/operations.md says: stop, unpack, put bot.db and photos/ where the config points.
    fresh = make_config(tmp_path / "fresh", standin)
    fresh.database_path.parent.mkdir(parents=True)
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    shutil.copy(unpacked / "bot.db", fresh.database_path)
    shutil.copytree(unpacked / "photos", fresh.photos_dir)

    restored = create_app(fresh).extensions["bot"]
    texts = [
        r["content"] for r in restored.db.query("SELECT content FROM inbox WHERE openid = 'o-restore' ORDER BY id")
    ]
    assert texts == ["帮助", "m-tree"]
    media = next(restored.db.query("SELECT * FROM media WHERE media_id = 'm-tree'"))
    assert (restored.config.photos_dir / media["path"]).read_bytes() == b"\xff\xd8 a photo of a tree"
    # and the restored bot keeps working on the restored data
    again = WeChatUser(
        transport_for(create_app(fresh, restored)), Signer("spamtest", "", standin.appid), openid="o-restore"
    )
    assert again.says("帮助")
    assert restored.db.execute("SELECT COUNT(*) FROM inbox WHERE openid = 'o-restore'").fetchone()[0] == 3
    restored.databases.close_all()
