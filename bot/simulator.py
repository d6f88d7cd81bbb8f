"""Signed (and optionally AES-encrypted) WeChat pushes, as WeChat itself would send them.

``WeChatUser`` is one follower: ``user.says("3棵桂花")`` builds the XML push,
signs it, posts it through any transport (the Flask test client, HTTP to a
running server) and returns the reply text. Used by the tests, the benchmarks
and ``python run.py chat``.
"""

from __future__ import annotations

import itertools
import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

from bot.incoming import parse_xml

# transport(query_string, body) -> (status, response body)
Transport = Callable[[str, bytes], tuple[int, bytes]]


def sign(token: str, *parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(token, *parts)
    return signer.signature


@dataclass
class Signer:
    token: str
    aes_key: str = ""
    app_id: str = ""

    def wrap(self, xml: str, timestamp: int | None = None) -> tuple[str, bytes]:
        """The query string and body WeChat would post for this XML."""
        timestamp_s = str(timestamp if timestamp is not None else int(time.time()))
        # from the system's randomness, as WeChat's: a test that seeds ``random`` never makes two pushes of one second
        # share a nonce (the replay guard refuses that: seen once in CI, twenty-ninth session)
        nonce = str(10**8 + secrets.randbelow(9 * 10**8))
        query = {
            "signature": sign(self.token, timestamp_s, nonce),
            "timestamp": timestamp_s,
            "nonce": nonce,
            "openid": "x",
        }
        if not self.aes_key:
            return urlencode(query), xml.encode("utf-8")
        crypto = WeChatCrypto(self.token, self.aes_key, self.app_id)
        envelope = crypto.encrypt_message(xml, nonce, timestamp_s)
        fields = parse_xml(envelope)
        query.update(encrypt_type="aes", msg_signature=fields["MsgSignature"])
        return urlencode(query), envelope.encode("utf-8")

    def unwrap(self, body: bytes) -> str | None:
        """The reply text, decrypted if need be; None for ``success`` or an empty body."""
        text = body.decode("utf-8")
        if text in ("", "success"):
            return None
        fields = parse_xml(text)
        if self.aes_key and "Encrypt" in fields:
            crypto = WeChatCrypto(self.token, self.aes_key, self.app_id)
            plain = crypto.decrypt_message(fields, fields["MsgSignature"], fields["TimeStamp"], fields["Nonce"])
            fields = parse_xml(plain)
        return fields.get("Content")


def cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


_msg_ids = itertools.count(random.randint(10**17, 9 * 10**17))


def message_xml(
    openid: str,
    msg_type: str,
    fields: dict,
    account: str = "gh_lvmei",
    create_time: int | None = None,
    with_msg_id: bool = True,
) -> str:
    parts = [
        f"<ToUserName>{cdata(account)}</ToUserName>",
        f"<FromUserName>{cdata(openid)}</FromUserName>",
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>",
        f"<MsgType>{cdata(msg_type)}</MsgType>",
    ]
    for name, value in fields.items():
        parts.append(f"<{name}>{cdata(str(value)) if isinstance(value, str) else escape(str(value))}</{name}>")
    if with_msg_id:
        parts.append(f"<MsgId>{next(_msg_ids)}</MsgId>")
    return "<xml>" + "".join(parts) + "</xml>"


class WeChatUser:
    """One follower. ``now``: the clock of the messages' CreateTime (tests pass the app's program clock);
    the signature always carries the real time, as WeChat's does."""

    def __init__(
        self, transport: Transport, signer: Signer, openid: str | None = None, now: Callable[[], float] = time.time
    ):
        self.transport = transport
        self.signer = signer
        self.openid = openid or "o" + secrets.token_hex(13)
        self.now = now
        self.last_status = 0
        self.last_xml = ""

    def push(self, xml: str) -> str | None:
        """Post one XML push (signed like WeChat, with the real time) and return the reply text."""
        self.last_xml = xml
        query, body = self.signer.wrap(xml)
        status, response = self.transport(query, body)
        self.last_status = status
        if status != 200:
            raise RuntimeError(f"webhook answered {status}: {response[:200]!r}")
        return self.signer.unwrap(response)

    def _message(self, msg_type: str, fields: dict) -> str | None:
        return self.push(message_xml(self.openid, msg_type, fields, create_time=int(self.now())))

    def _event(self, event: str, fields: dict | None = None) -> str | None:
        xml = message_xml(
            self.openid, "event", {"Event": event, **(fields or {})}, create_time=int(self.now()), with_msg_id=False
        )
        return self.push(xml)

    def says(self, text: str) -> str | None:
        return self._message("text", {"Content": text})

    def sends_photo(self, media_id: str, pic_url: str = "") -> str | None:
        return self._message("image", {"PicUrl": pic_url, "MediaId": media_id})

    def sends_voice(self, media_id: str, recognition: str | None = None, fmt: str = "amr") -> str | None:
        fields = {"MediaId": media_id, "Format": fmt}
        if recognition is not None:
            fields["Recognition"] = recognition
        return self._message("voice", fields)

    def sends_video(self, media_id: str, kind: str = "video") -> str | None:
        return self._message(kind, {"MediaId": media_id, "ThumbMediaId": media_id + "-thumb"})

    def sends_location(self, lat: float, lng: float, label: str = "") -> str | None:
        return self._message("location", {"Location_X": lat, "Location_Y": lng, "Scale": 15, "Label": label})

    def sends_link(self, title: str, url: str) -> str | None:
        return self._message("link", {"Title": title, "Description": title, "Url": url})

    def follows(self, scene: str | None = None) -> str | None:
        fields = {"EventKey": f"qrscene_{scene}", "Ticket": "t"} if scene else {}
        return self._event("subscribe", fields)

    def scans(self, scene: str) -> str | None:
        return self._event("SCAN", {"EventKey": scene, "Ticket": "t"})

    def unfollows(self) -> str | None:
        return self._event("unsubscribe")

    def clicks(self, key: str) -> str | None:
        return self._event("CLICK", {"EventKey": key})

    def event(self, event: str, **fields) -> str | None:
        return self._event(event, fields)
