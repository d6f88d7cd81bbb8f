"""A local stand-in for the WeChat API, speaking its real JSON protocol, errors included.

Used by the tests, the benchmarks and ``python run.py chat`` (so that nothing
reaches the real WeChat while someone tries the bot). It serves:
token, message/custom/send (text and image), message/template/send, media/get, media/upload (multipart, as
WeChat takes temporary media: what was uploaded is kept in ``uploads``), menu/create,
qrcode/create, showqrcode, user/info, message/mass/sendall, tags/create,
tags/members/batchtagging, and /pic/<media_id> for image PicUrls (or a redirect: ``add_redirect``).

Faults are queued per endpoint with ``fail``: an errcode (40001, 42001,
45015, 45047, -1, 40007 …), an HTTP status (500, 502 …) and/or a delay (for
timeouts). ``expire_tokens``/``revoke_tokens`` make every issued token answer
42001/40001 until a new one is fetched.

With ``state_dir`` (the simulator's) it is one account that outlives a restart and is shared by every
stand-in on that folder: the tokens it issued (a file each, for their 7200 s) and the media it holds are
kept there, so a restarted ``chat`` neither fetches a new token nor loses a photo the download job has not
fetched yet, and two ``chat`` sessions at once take each other's token.
"""

from __future__ import annotations

import itertools
import json
import re
import secrets
import sys
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

TOKEN_SECONDS = 7200  # an access_token's life, as WeChat gives it

ENDPOINTS_NEEDING_TOKEN = {
    "message/custom/send",
    "message/template/send",
    "media/get",
    "media/upload",
    "menu/create",
    "qrcode/create",
    "user/info",
    "message/mass/sendall",
    "tags/create",
    "tags/members/batchtagging",
}


@dataclass
class Fault:
    errcode: int | None = None
    status: int | None = None
    delay: float = 0.0


class WeChatStandIn:
    def __init__(
        self, appid: str = "wx0000000000000000", secret: str = "standin-secret", state_dir: Path | None = None
    ):
        self.appid = appid
        self.secret = secret
        self.state_dir = state_dir
        self.tokens: dict[str, str] = {}  # token -> "ok" | "expired" | "revoked"
        self.media: dict[str, tuple[bytes, str]] = {}
        self.uploads: dict[str, tuple[bytes, str]] = {}  # media/upload: media id -> (bytes, file name)
        if state_dir is not None:
            (state_dir / "media").mkdir(parents=True, exist_ok=True)
            (state_dir / "tokens").mkdir(parents=True, exist_ok=True)
        self.expired_media: set[str] = set()
        self.undeclared_length: set[str] = set()  # media sent without Content-Length (until the connection closes)
        self.redirects: dict[str, str] = {}  # /pic/<name> -> a 302 to this location
        self.sent: list[dict] = []
        self.calls: list[tuple[str, dict]] = []
        self.token_fetches = 0
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._ids = itertools.count(1000)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- control ------------------------------------------------------------------------------
    def fail(
        self, endpoint: str, errcode: int | None = None, status: int | None = None, delay: float = 0.0, times: int = 1
    ) -> None:
        with self._lock:
            for _ in range(times):
                self._faults[endpoint].append(Fault(errcode, status, delay))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def expire_tokens(self) -> None:
        with self._lock:
            self.tokens = {t: "expired" for t in self.tokens}

    def revoke_tokens(self) -> None:
        with self._lock:
            self.tokens = {t: "revoked" for t in self.tokens}

    def add_media(
        self, media_id: str, data: bytes, content_type: str = "image/jpeg", declare_length: bool = True
    ) -> None:
        self.media[media_id] = (data, content_type)
        if not declare_length:
            self.undeclared_length.add(media_id)
        path = self._media_file(media_id)
        if path is not None:
            path.write_bytes(data)
            path.with_suffix(".type").write_text(content_type, encoding="utf-8")

    def add_redirect(self, name: str, location: str) -> None:
        self.redirects[name] = location

    def _media_file(self, media_id: str) -> Path | None:
        if self.state_dir is None or not re.fullmatch(r"[\w.-]{1,128}", media_id):
            return None
        return self.state_dir / "media" / f"{media_id}.bin"

    def _stored_media(self, media_id: str) -> tuple[bytes, str] | None:
        if media_id in self.media:
            return self.media[media_id]
        path = self._media_file(media_id)
        if path is None or not path.is_file():
            return None
        kind = path.with_suffix(".type")
        return path.read_bytes(), kind.read_text(encoding="utf-8") if kind.is_file() else "application/octet-stream"

    def expire_media(self, media_id: str) -> None:
        self.expired_media.add(media_id)

    def messages_to(self, openid: str) -> list[dict]:
        return [m for m in self.sent if m["openid"] == openid]

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)  # an AF_INET server's address
        return f"http://{host}:{port}/"

    def start(self) -> WeChatStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                standin._handle(self, None)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                standin._handle(self, self.rfile.read(length))

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client that stopped reading (a size cap)
                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- protocol -----------------------------------------------------------------------------
    def _handle(self, http: BaseHTTPRequestHandler, body: bytes | None) -> None:
        parsed = urlparse(http.path)
        query = {k: v[0] for k, v in parse_qs(parsed.query).items()}
        path = parsed.path.lstrip("/")
        endpoint = path[len("cgi-bin/") :] if path.startswith("cgi-bin/") else path
        payload: dict = {}
        if body and (http.headers.get("Content-Type") or "").startswith("multipart/form-data"):
            payload = _form_files(http.headers["Content-Type"], body)
        elif body:
            try:
                payload = json.loads(body.decode("utf-8"))
            except ValueError:
                return self._json(http, {"errcode": 47001, "errmsg": "data format error"})
        with self._lock:
            self.calls.append((endpoint, {**query, **payload}))
            fault = self._faults[endpoint].popleft() if self._faults[endpoint] else None
        if fault:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status:
                http.send_response(fault.status)
                http.send_header("Content-Type", "text/html")
                http.end_headers()
                http.wfile.write(b"<html>server error</html>")
                return
            if fault.errcode is not None:
                return self._json(http, {"errcode": fault.errcode, "errmsg": f"stand-in fault {fault.errcode}"})
        if endpoint == "token":
            return self._token(http, query)
        if endpoint.startswith("pic/") and endpoint[4:] in self.redirects:
            http.send_response(302)
            http.send_header("Location", self.redirects[endpoint[4:]])
            http.end_headers()
            return None
        if endpoint.startswith("pic/"):
            return self._media(http, endpoint[4:])
        if endpoint == "showqrcode":
            return self._binary(http, b"\x89PNG\r\n\x1a\n" + query.get("ticket", "").encode(), "image/png")
        if endpoint in ENDPOINTS_NEEDING_TOKEN:
            state = self._token_state(query.get("access_token", ""))
            if state is None or state == "revoked":
                return self._json(http, {"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"})
            if state == "expired":
                return self._json(http, {"errcode": 42001, "errmsg": "access_token expired"})
        handler = getattr(self, "_ep_" + endpoint.replace("/", "_"), None)
        if handler is None:
            return self._json(http, {"errcode": 40066, "errmsg": "invalid url"})
        return handler(http, query, payload)

    def _json(self, http, data: dict, status: int = 200) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        http.send_response(status)
        http.send_header("Content-Type", "application/json; charset=utf-8")
        http.send_header("Content-Length", str(len(body)))
        http.end_headers()
        http.wfile.write(body)

    def _binary(self, http, data: bytes, content_type: str, declare_length: bool = True) -> None:
        http.send_response(200)
        http.send_header("Content-Type", content_type)
        if declare_length:
            http.send_header("Content-Length", str(len(data)))
        http.end_headers()
        http.wfile.write(data)

    def _token(self, http, query: dict) -> None:
        with self._lock:
            self.token_fetches += 1
        if query.get("appid") != self.appid or query.get("secret") != self.secret:
            return self._json(http, {"errcode": 40125, "errmsg": "invalid appsecret"})
        token = secrets.token_urlsafe(24)
        with self._lock:
            self.tokens[token] = "ok"
        if self.state_dir is not None:  # for the next run, and the other stand-ins on this folder
            for old in (self.state_dir / "tokens").iterdir():
                if old.stat().st_mtime < time.time() - TOKEN_SECONDS:
                    old.unlink(missing_ok=True)
            (self.state_dir / "tokens" / token).touch()
        return self._json(http, {"access_token": token, "expires_in": TOKEN_SECONDS})

    def _token_state(self, token: str) -> str | None:
        """The token's state (ok, expired, revoked; None: never issued): this stand-in's word, else the folder's."""
        with self._lock:
            state = self.tokens.get(token)
        if state is None and self.state_dir is not None and re.fullmatch(r"[\w-]{1,64}", token):
            path = self.state_dir / "tokens" / token
            if path.is_file() and path.stat().st_mtime >= time.time() - TOKEN_SECONDS:
                state = "ok"
        return state

    def _media(self, http, media_id: str) -> None:
        stored = None if media_id in self.expired_media else self._stored_media(media_id)
        if stored is None:
            return self._json(http, {"errcode": 40007, "errmsg": "invalid media_id"})
        data, content_type = stored
        return self._binary(http, data, content_type, declare_length=media_id not in self.undeclared_length)

    def _record(self, kind: str, openid: str, **fields) -> None:
        with self._lock:
            self.sent.append({"kind": kind, "openid": openid, "at": time.time(), **fields})

    def _ep_message_custom_send(self, http, query, payload) -> None:
        if payload.get("msgtype") == "image" and "touser" in payload:
            media_id = payload.get("image", {}).get("media_id", "")
            if media_id not in self.uploads:
                return self._json(http, {"errcode": 40007, "errmsg": "invalid media_id"})
            self._record("cs", payload["touser"], msgtype="image", media_id=media_id)
            return self._json(http, {"errcode": 0, "errmsg": "ok"})
        if payload.get("msgtype") != "text" or "touser" not in payload:
            return self._json(http, {"errcode": 40008, "errmsg": "invalid message type"})
        self._record("cs", payload["touser"], text=payload["text"]["content"])
        return self._json(http, {"errcode": 0, "errmsg": "ok"})

    def _ep_media_upload(self, http, query, payload) -> None:
        if query.get("type") not in ("image", "voice", "video", "thumb"):
            return self._json(http, {"errcode": 40004, "errmsg": "invalid media type"})
        media = payload.get("media")
        if not isinstance(media, tuple) or not media[0]:
            return self._json(http, {"errcode": 41005, "errmsg": "media data missing"})
        media_id = f"upload-{next(self._ids)}"
        with self._lock:
            self.uploads[media_id] = media
        return self._json(http, {"type": query["type"], "media_id": media_id, "created_at": int(time.time())})

    def _ep_message_template_send(self, http, query, payload) -> None:
        if not payload.get("template_id"):
            return self._json(http, {"errcode": 40037, "errmsg": "invalid template_id"})
        self._record(
            "template",
            payload.get("touser", ""),
            template_id=payload["template_id"],
            data=payload.get("data", {}),
            url=payload.get("url"),
            text=payload.get("data", {}).get("content", {}).get("value", ""),
        )
        return self._json(http, {"errcode": 0, "errmsg": "ok", "msgid": next(self._ids)})

    def _ep_media_get(self, http, query, payload) -> None:
        return self._media(http, query.get("media_id", ""))

    def _ep_menu_create(self, http, query, payload) -> None:
        if not payload.get("button"):
            return self._json(http, {"errcode": 40016, "errmsg": "invalid button size"})
        self.menu = payload
        return self._json(http, {"errcode": 0, "errmsg": "ok"})

    def _ep_qrcode_create(self, http, query, payload) -> None:
        """Permanent codes (QR_LIMIT_SCENE, QR_LIMIT_STR_SCENE) and temporary ones (QR_SCENE, QR_STR_SCENE: with
        ``expire_seconds``, default 60, at most 30 days), as WeChat answers them."""
        scene = payload.get("action_info", {}).get("scene", {})
        ticket = f"ticket-{scene.get('scene_str') or scene.get('scene_id')}"
        answer: dict[str, Any] = {"ticket": ticket, "url": f"http://weixin.qq.com/q/{ticket}"}
        if payload.get("action_name") in ("QR_SCENE", "QR_STR_SCENE"):
            answer["expire_seconds"] = min(int(payload.get("expire_seconds") or 60), 2592000)
        return self._json(http, answer)

    def _ep_user_info(self, http, query, payload) -> None:
        return self._json(
            http,
            {
                "subscribe": 1,
                "openid": query.get("openid"),
                "nickname": "村民",
                "language": "zh_CN",
                "subscribe_time": int(time.time()),
            },
        )

    def _ep_message_mass_sendall(self, http, query, payload) -> None:
        tag = payload.get("filter", {}).get("tag_id")
        self._record("mass", f"tag:{tag}", text=payload.get("text", {}).get("content", ""))
        return self._json(http, {"errcode": 0, "errmsg": "send job submission success", "msg_id": next(self._ids)})

    def _ep_tags_create(self, http, query, payload) -> None:
        return self._json(http, {"tag": {"id": next(self._ids), "name": payload.get("tag", {}).get("name")}})

    def _ep_tags_members_batchtagging(self, http, query, payload) -> None:
        return self._json(http, {"errcode": 0, "errmsg": "ok"})


def _form_files(content_type: str, body: bytes) -> dict:
    """A multipart/form-data body (a media upload): field name -> (bytes, file name)."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    return {
        part.get_param("name", header="content-disposition"): (
            part.get_payload(decode=True) or b"",
            part.get_filename() or "",
        )
        for part in message.iter_parts()
    }
