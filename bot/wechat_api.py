"""The only code that calls WeChat.

* Every call, the access-token fetch included, goes to ``wechat.api_base_url``
  with a timeout (wechatpy hard-codes the token URL and fetches it without one;
  we own the token instead).
* Exactly one owner refreshes the token: it is kept in the database, renewed
  five minutes before it expires, under a lease so that only one process or
  thread fetches, and at most ``max_token_fetches_per_minute`` fetches are made
  whatever happens (a storm of 40001 cannot burn the 2000-a-day allowance).
* On 40001/40014/42001 the token is forgotten, renewed once and the call retried
  once, never recursively (wechatpy's ``auto_retry`` is turned off).
* Every failure becomes a ``WeChatError`` with its errcode and whether trying
  again later may help (``transient``).
* Bytes (media, a push's PicUrl, QR images) are fetched through bot/safe_fetch.py:
  at most ``media.max_bytes``, no redirects, and a PicUrl only from ``media.pic_hosts``.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException

from bot import clock, safe_fetch
from bot.db import Databases, transaction
from bot.store import leases, tokens

log = logging.getLogger(__name__)

TOKEN_ERRORS = {40001, 40014, 42001}
CHANNEL_ERRORS = {45015, 45047}  # out of the 48-hour window / over the customer-service quota
TRANSIENT_ERRORS = {-1, 45009, 45011}  # system busy, API frequency limits
MEDIA_EXPIRED = {40007}
REFRESH_MARGIN = timedelta(minutes=5)
# app ids that are not an account: the shipped config.toml's placeholder, or nothing
PLACEHOLDER_APP_IDS = frozenset({"", "wx0000000000000000"})


def has_credentials(config) -> bool:
    """Whether wechat.app_id and wechat.app_secret name a real account (not the placeholder, not empty):
    without them nothing is sent (the outbox keeps messages as ``no_credentials``)."""
    wechat = config.section("wechat")
    app_id, secret = (wechat.get("app_id") or "").strip(), (wechat.get("app_secret") or "").strip()
    return app_id not in PLACEHOLDER_APP_IDS and bool(secret)


class WeChatError(Exception):
    def __init__(self, errcode: int | None, errmsg: str, transient: bool):
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.transient = transient


def _classify(exc: Exception) -> WeChatError:
    if isinstance(exc, WeChatError):
        return exc
    if isinstance(exc, WeChatClientException):
        code = exc.errcode
        if code is None:  # HTTP status error (5xx, 4xx from a proxy)
            status = getattr(getattr(exc, "response", None), "status_code", None)
            return WeChatError(None, f"HTTP {status}", transient=True)
        code = int(code)
        return WeChatError(code, str(exc.errmsg), transient=code in TRANSIENT_ERRORS or code in TOKEN_ERRORS)
    if isinstance(exc, requests.RequestException):
        return WeChatError(None, f"{type(exc).__name__}", transient=True)
    if isinstance(exc, (ValueError, KeyError)):
        return WeChatError(None, f"bad response: {type(exc).__name__}", transient=True)
    raise exc


class _Client(WeChatClient):
    """wechatpy's client, pointed at our base URL, with our token and no recursive retry."""

    def __init__(self, appid: str, secret: str, base_url: str, token: Callable[[], str], timeout: float):
        super().__init__(appid, secret, timeout=timeout, auto_retry=False)
        self.API_BASE_URL = base_url + "cgi-bin/"
        self._token = token

    @property
    def access_token(self) -> str:
        return self._token()

    def fetch_access_token(self):  # pragma: no cover - guarded: WeChatAPI owns the token
        raise RuntimeError("the access token is fetched by WeChatAPI only")


class WeChatAPI:
    def __init__(self, config, databases: Databases, token_name: str | None = None):
        wechat = config.section("wechat")
        self.base_url: str = wechat["api_base_url"]
        self.app_id: str = wechat["app_id"]
        self._secret: str = wechat["app_secret"]
        self.timeout: float = float(wechat["api_timeout_seconds"])
        self.max_fetches_per_minute: int = int(wechat["max_token_fetches_per_minute"])
        media = config.section("media")
        self.pic_hosts: tuple[str, ...] = tuple(media["pic_hosts"])
        self.max_media_bytes: int = int(media["max_bytes"])
        self.download_seconds: float = float(media["download_timeout_seconds"])
        self.databases = databases
        self.holder = f"{socket.gethostname()}:{os.getpid()}"
        self._local = threading.local()
        # One token (and one fetch budget) per (app, API host): a simulator or test against a stand-in never
        # clobbers or spends the real one's; the simulator names its own (its stand-in's port changes).
        self.token_name = token_name or f"access_token:{self.app_id}@{self.base_url}"
        self.has_credentials = has_credentials(config)

    # -- the token -------------------------------------------------------------------------
    @property
    def _db(self):
        return self.databases.get()

    def _cached_token(self) -> str | None:
        row = tokens.get(self._db, self.token_name)
        if row and clock.from_db(row["expires_at"]) - REFRESH_MARGIN > clock.utcnow():
            return row["value"]
        return None

    def access_token(self) -> str:
        token = self._cached_token()
        if token:
            return token
        return self._refresh()

    def _refresh(self) -> str:
        """Fetch a new token, unless another process is already doing it or the fetch budget is spent."""
        lease_holder = f"{self.holder}:{threading.get_ident()}"
        now = clock.utcnow()
        with transaction(self._db):
            token = self._cached_token()
            if token:
                return token
            recent = tokens.fetches_since(self._db, clock.to_db(now - timedelta(minutes=1)), self.token_name)
            if recent >= self.max_fetches_per_minute:
                raise WeChatError(None, "token fetch budget spent for this minute", transient=True)
            got_lease = leases.acquire(
                self._db,
                "token_refresh",
                lease_holder,
                clock.to_db(now),
                clock.to_db(now + timedelta(seconds=self.timeout * 3)),
            )
            if got_lease:
                tokens.log_fetch(self._db, clock.to_db(now), self.token_name)
        if not got_lease:
            return self._wait_for_other_refresh()
        try:
            return self._fetch_token()
        finally:
            with transaction(self._db):
                leases.release(self._db, "token_refresh", lease_holder)

    def _wait_for_other_refresh(self) -> str:
        deadline = time.monotonic() + self.timeout * 2
        while time.monotonic() < deadline:
            time.sleep(0.05)
            token = self._cached_token()
            if token:
                return token
        raise WeChatError(None, "token refresh by another process did not finish", transient=True)

    def _fetch_token(self) -> str:
        try:
            response = requests.get(
                self.base_url + "cgi-bin/token",
                params={"grant_type": "client_credential", "appid": self.app_id, "secret": self._secret},
                timeout=self.timeout,
            )
            response.raise_for_status()
            result = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise WeChatError(None, f"token fetch failed: {type(exc).__name__}", transient=True) from None
        if result.get("errcode"):
            code = int(result["errcode"])
            log.error("token fetch refused: errcode=%s", code)
            raise WeChatError(code, str(result.get("errmsg")), transient=code in TRANSIENT_ERRORS)
        now = clock.utcnow()
        expires = now + timedelta(seconds=int(result.get("expires_in", 7200)))
        with transaction(self._db):
            tokens.put(self._db, self.token_name, result["access_token"], clock.to_db(expires), clock.to_db(now))
        log.info("access token renewed, expires %s", clock.to_db(expires))
        return result["access_token"]

    # -- calls -----------------------------------------------------------------------------
    def _client(self) -> _Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = _Client(self.app_id, self._secret, self.base_url, self._token_for_call, self.timeout)
            self._local.client = client
        return client

    def _token_for_call(self) -> str:
        token = self.access_token()
        self._local.used_token = token
        return token

    def call(self, fn: Callable[[_Client], Any]) -> Any:
        """Run one API call; on a token error renew the token once and retry once."""
        for attempt in (1, 2):
            try:
                return fn(self._client())
            except Exception as exc:  # noqa: BLE001 - classified below, unknown ones re-raised
                error = _classify(exc)
                if error.errcode in TOKEN_ERRORS and attempt == 1:
                    used = getattr(self._local, "used_token", None)
                    log.warning("token rejected (errcode=%s), renewing once", error.errcode)
                    if used:
                        with transaction(self._db):
                            tokens.invalidate(self._db, self.token_name, used)
                    continue
                raise error from None
        raise AssertionError("unreachable")

    def send_text(self, openid: str, text: str) -> dict:
        return self.call(lambda c: c.message.send_text(openid, text))

    def upload_image(self, path) -> str:
        """Upload a picture file as temporary media (WeChat keeps it 3 days): its media id."""

        def upload(client: _Client) -> str:
            with open(path, "rb") as fh:
                return client.media.upload("image", fh)["media_id"]

        return self.call(upload)

    def send_image(self, openid: str, media_id: str) -> dict:
        return self.call(lambda c: c.message.send_image(openid, media_id))

    def send_template(self, openid: str, template_id: str, data: dict, url: str | None = None) -> dict:
        return self.call(lambda c: c.message.send_template(openid, template_id, data, url=url))

    def download_media(self, media_id: str) -> bytes:
        def fetch(_client: _Client) -> bytes:
            data = self._get_bytes(
                self.base_url + "cgi-bin/media/get",
                params={"access_token": self._token_for_call(), "media_id": media_id},
            )
            if data[:1] == b"{":  # an error (or a video's JSON): never media
                try:
                    result = json.loads(data)
                except ValueError:
                    return data
                code = int(result.get("errcode") or 0) or None
                raise WeChatError(
                    code,
                    str(result.get("errmsg", "media/get returned JSON, not media")),
                    transient=code in TRANSIENT_ERRORS or code in TOKEN_ERRORS,
                )
            return data

        return self.call(fetch)

    def fetch_pic_url(self, url: str) -> bytes:
        """A push's PicUrl: only from media.pic_hosts (bot/safe_fetch.py)."""
        return self._get_bytes(url, allowed_hosts=self.pic_hosts)

    def _get_bytes(self, url: str, allowed_hosts=None, params: dict | None = None) -> bytes:
        try:
            return safe_fetch.get(
                url,
                max_bytes=self.max_media_bytes,
                timeout=self.timeout,
                deadline_seconds=self.download_seconds,
                allowed_hosts=allowed_hosts,
                params=params,
            ).data
        except safe_fetch.Refused as exc:
            raise WeChatError(None, str(exc), transient=False) from None
        except safe_fetch.Failed as exc:
            raise WeChatError(None, str(exc), transient=exc.transient) from None

    def create_menu(self, menu: dict) -> dict:
        return self.call(lambda c: c.menu.create(menu))

    def create_qrcode(self, scene_str: str) -> dict:
        data = {"action_name": "QR_LIMIT_STR_SCENE", "action_info": {"scene": {"scene_str": scene_str}}}
        return self.call(lambda c: c.qrcode.create(data))

    def create_temp_qrcode(self, scene_str: str, expire_seconds: int) -> dict:
        """A temporary QR code (``QR_STR_SCENE``, at most 30 days): ``{ticket, expire_seconds, url}``."""
        data = {
            "expire_seconds": int(expire_seconds),
            "action_name": "QR_STR_SCENE",
            "action_info": {"scene": {"scene_str": scene_str}},
        }
        return self.call(lambda c: c.qrcode.create(data))

    def qrcode_image(self, ticket: str) -> bytes:
        return self._get_bytes(self.base_url + "cgi-bin/showqrcode", params={"ticket": ticket})

    def user_info(self, openid: str) -> dict:
        return self.call(lambda c: c.user.get(openid))

    def send_mass_text_by_tag(self, tag_id: int, text: str) -> dict:
        return self.call(lambda c: c.message.send_mass_text(tag_id, text))
