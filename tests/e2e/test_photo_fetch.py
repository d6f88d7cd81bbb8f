"""Photo URLs cannot reach inside (issue 13, 5): a push's PicUrl is fetched only from the hosts of
media.pic_hosts, never from an inside address unless that address is listed, without following
redirects, within media.max_bytes (also for media downloads through the API) and a timeout.

Through the real webhook and the real media job; the WeChat API stand-in (127.0.0.1) serves the photos."""

from __future__ import annotations

import pytest

from bot.media import download_due
from bot.simulator import Signer, WeChatUser
from tests.conftest import transport_for

JPEG = b"\xff\xd8" + b"photo-bytes" * 50


@pytest.fixture
def start(app_with):
    """start(**config overrides) -> (bot, a villager posting through that app's webhook)."""

    def make(**overrides):
        flask_app = app_with(**overrides)
        bot = flask_app.extensions["bot"]
        return bot, WeChatUser(
            transport_for(flask_app), Signer("spamtest"), openid="o-photo", now=lambda: bot.clock().timestamp()
        )

    return make


def media_row(bot) -> dict:
    return next(bot.db.query("SELECT * FROM media ORDER BY id DESC LIMIT 1"))


def pic_calls(standin) -> list[str]:
    return [endpoint for endpoint, _ in standin.calls if endpoint.startswith("pic/")]


def send_expired_photo_with_pic_url(bot, user, standin, pic_url: str) -> dict:
    """A photo whose media id WeChat no longer has: the job falls back to its PicUrl."""
    standin.expire_media("m-expired")
    user.sends_photo("m-expired", pic_url=pic_url)
    return download_due(bot, bot.clock())


def test_the_default_hosts_are_wechats_image_cdn(start):
    bot, _ = start()
    assert {"mmbiz.qpic.cn", "mmsns.qpic.cn"} <= set(bot.config.get("media.pic_hosts"))
    assert bot.config.get("media.max_bytes") == 10 * 1024 * 1024


@pytest.mark.parametrize(
    "url",
    [
        "{stand_in}pic/pic-only",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "http://mmbiz.qpic.cn.evil.example/x",
    ],
)
def test_a_pic_url_off_the_list_is_never_fetched(start, standin, url):
    bot, user = start()  # default media.pic_hosts: WeChat's CDN only
    standin.add_media("pic-only", JPEG)
    counts = send_expired_photo_with_pic_url(bot, user, standin, url.format(stand_in=standin.url))
    assert counts["stored"] == 0 and counts["failed"] == 1
    assert pic_calls(standin) == []
    assert media_row(bot)["status"] == "failed"


def test_a_listed_address_is_fetched(start, standin):
    bot, user = start(**{"media.pic_hosts": ["127.0.0.1"]})
    standin.add_media("pic-only", JPEG)
    assert send_expired_photo_with_pic_url(bot, user, standin, f"{standin.url}pic/pic-only")["stored"] == 1
    assert (bot.config.photos_dir / media_row(bot)["path"]).read_bytes() == JPEG


def test_a_listed_name_that_resolves_inside_is_refused(start, standin):
    """Listing a name is not listing the inside address it resolves to (localhost -> 127.0.0.1)."""
    bot, user = start(**{"media.pic_hosts": ["localhost"]})
    standin.add_media("pic-only", JPEG)
    port = standin.url.rsplit(":", 1)[1].strip("/")
    counts = send_expired_photo_with_pic_url(bot, user, standin, f"http://localhost:{port}/pic/pic-only")
    assert counts["failed"] == 1 and pic_calls(standin) == []


def test_redirects_are_not_followed(start, standin):
    bot, user = start(**{"media.pic_hosts": ["127.0.0.1"]})
    standin.add_media("pic-only", JPEG)
    standin.add_redirect("hop", f"{standin.url}pic/pic-only")
    counts = send_expired_photo_with_pic_url(bot, user, standin, f"{standin.url}pic/hop")
    assert counts["failed"] == 1
    assert pic_calls(standin) == ["pic/hop"]


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_pic_url_past_max_bytes_is_refused_while_streaming(start, standin, declare_length):
    bot, user = start(**{"media.pic_hosts": ["127.0.0.1"], "media.max_bytes": 1000})
    standin.add_media("big", b"\xff\xd8" + b"x" * 5000, declare_length=declare_length)
    counts = send_expired_photo_with_pic_url(bot, user, standin, f"{standin.url}pic/big")
    assert counts["failed"] == 1 and counts["stored"] == 0
    assert not list(bot.config.photos_dir.rglob("*.jpg"))


@pytest.mark.parametrize("declare_length", [True, False])
def test_media_downloads_through_the_api_keep_max_bytes(start, standin, declare_length):
    bot, user = start(**{"media.max_bytes": 1000})
    standin.add_media("m-big", b"\xff\xd8" + b"x" * 5000, declare_length=declare_length)
    standin.add_media("m-small", b"\xff\xd8" + b"x" * 900, declare_length=declare_length)
    user.sends_photo("m-big")
    user.sends_photo("m-small")
    counts = download_due(bot, bot.clock())
    assert (counts["stored"], counts["failed"]) == (1, 1)
    statuses = {r["media_id"]: r["status"] for r in bot.db.query("SELECT media_id, status FROM media")}
    assert statuses == {"m-big": "failed", "m-small": "stored"}


def test_media_errors_through_the_api_keep_their_meaning(start, standin):
    """An expired media id is still 'lost' (40007), and a revoked token is renewed once."""
    bot, user = start()
    standin.add_media("m-ok", JPEG)
    user.sends_voice("m-gone")
    standin.expire_media("m-gone")
    assert download_due(bot, bot.clock())["lost"] == 1
    bot.api.access_token()
    standin.revoke_tokens()
    user.sends_photo("m-ok")
    assert download_due(bot, bot.clock())["stored"] == 1


def test_a_slow_pic_url_times_out_and_is_retried(start, standin):
    bot, user = start(**{"media.pic_hosts": ["127.0.0.1"], "wechat.api_timeout_seconds": 0.3})
    standin.add_media("slow", JPEG)
    standin.fail("pic/slow", delay=1.0)
    assert send_expired_photo_with_pic_url(bot, user, standin, f"{standin.url}pic/slow")["retried"] == 1
    assert media_row(bot)["status"] == "pending"
