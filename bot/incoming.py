"""Parse a WeChat XML push into one plain, typed ``Incoming`` value.

The XML is read by expat with handlers of our own that flatten it as it goes (no element tree), refusing what
defusedxml refuses with ``forbid_dtd``: any DOCTYPE, so no entity is ever declared (entity bombs) and nothing
external is fetched, before anything else looks at the body; elements nested deeper than ``MAX_DEPTH`` are refused
while parsing. Any problem raises ``MalformedMessage`` (the webhook answers 400). Coordinates that are no place on
Earth (not finite, out of range) are read as none. A text (and a voice's recognition) is read in simplified
characters (bot/hanzi.py: '登記 張德福' is 登记 张德福), the payload kept as sent.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field, replace
from typing import TypedDict
from xml.parsers import expat

from bot.hanzi import simplified

MESSAGE_TYPES = {"text", "image", "voice", "video", "shortvideo", "location", "link", "file", "event"}
MAX_FIELD_CHARS = 20_000
# WeChat's deepest push is <xml><SendPicsInfo><PicList><item><PicMd5Sum>: five levels.
MAX_DEPTH = 8


class MalformedMessage(ValueError):
    """The body is not a WeChat message we can read."""


def _refuse(what: str):
    def refuse(*_args) -> None:
        raise MalformedMessage(f"unreadable XML: {what}")  # as defusedxml's exceptions were named

    return refuse


_REFUSE_DTD = _refuse("DTDForbidden")
_REFUSE_ENTITY = _refuse("EntitiesForbidden")
_REFUSE_EXTERNAL = _refuse("ExternalReferenceForbidden")


def parse_xml(body: bytes | str) -> dict[str, str]:
    """Flatten ``<xml>…</xml>`` into {tag: text}; nested tags become ``Parent.Child``. The same fields, and the same
    refusals, as ElementTree's parser under defusedxml (``forbid_dtd``) building a tree that is then walked (issue 21:
    half the time; ``tests/unit/test_parse_xml.py`` compares the two): a leaf element's text, stripped (its character
    data, CDATA included, comments and processing instructions left out), the later of two equal names kept; an
    element with children gives only theirs; attributes and text beside elements are not read; a namespaced tag is
    ``{uri}name``, as ElementTree names it."""
    fields: dict[str, str] = {}
    names: list[str] = []  # the open elements' flattened names (the root's own name first)
    leaf: list[bool] = []  # per open element: no child element so far
    texts: list[list[str]] = []  # per open element: its character data so far
    root: list[str] = []

    def start(tag: str, _attrs) -> None:
        if len(names) >= MAX_DEPTH:
            raise MalformedMessage(f"XML nested deeper than {MAX_DEPTH} levels")
        if "}" in tag:  # expat's "uri}name": ElementTree's "{uri}name"
            tag = "{" + tag
        if names:
            leaf[-1] = False
            names.append(tag if len(names) == 1 else names[-1] + "." + tag)
        else:
            names.append(tag)
            root.append(tag)
        leaf.append(True)
        texts.append([])

    def end(_tag: str) -> None:
        name, parts = names.pop(), texts.pop()
        if leaf.pop() and names:  # a leaf below the root
            fields[name] = "".join(parts).strip()

    def data(text: str) -> None:
        if texts:
            texts[-1].append(text)

    parser = expat.ParserCreate(None, "}")  # as ElementTree's XMLParser
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = _REFUSE_DTD
    parser.EntityDeclHandler = _REFUSE_ENTITY
    parser.UnparsedEntityDeclHandler = _REFUSE_ENTITY
    parser.ExternalEntityRefHandler = _REFUSE_EXTERNAL
    try:
        parser.Parse(body, True)
    except MalformedMessage:
        raise
    except (expat.ExpatError, ValueError, TypeError) as exc:
        name = "ParseError" if isinstance(exc, expat.ExpatError) else type(exc).__name__  # ElementTree's name for it
        raise MalformedMessage(f"unreadable XML: {name}") from None
    if root != ["xml"]:
        raise MalformedMessage("root element is not <xml>")
    return fields


@dataclass(frozen=True)
class Incoming:
    openid: str
    account: str
    msg_type: str
    create_time: int
    msg_id: str | None = None
    event: str | None = None
    event_key: str | None = None
    text: str | None = None
    media_id: str | None = None
    pic_url: str | None = None
    media_format: str | None = None
    recognition: str | None = None
    lat: float | None = None
    lng: float | None = None
    label: str | None = None
    via: str | None = None  # "voice" or "menu" when the text came from a voice message or a menu click
    fields: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def dedupe_key(self) -> str:
        """(FromUserName, MsgId) for messages; (FromUserName, CreateTime, Event) for events."""
        if self.msg_type == "event":
            return f"ev:{self.create_time}:{self.event}:{self.event_key or ''}"
        if self.msg_id:
            return f"msg:{self.msg_id}"
        digest = hashlib.sha256(repr(sorted(self.fields.items())).encode()).hexdigest()[:16]
        return f"raw:{self.create_time}:{digest}"

    @property
    def opens_window(self) -> bool:
        """Does this push open WeChat's 48-hour customer-service window?"""
        if self.msg_type != "event":
            return True
        return self.event in {"subscribe", "scan", "click", "scancode_push", "scancode_waitmsg"}

    def as_text(self, text: str, via: str) -> Incoming:
        """The same push, seen as a text message (a voice's recognition, a menu click)."""
        return replace(self, msg_type="text", text=text, via=via)

    def summary(self) -> str:
        """A short description kept in the inbox log."""
        if self.msg_type == "text":
            return self.text or ""
        if self.msg_type == "event":
            return f"{self.event} {self.event_key or ''}".strip()
        if self.msg_type == "location":
            return f"{self.lat},{self.lng} {self.label or ''}".strip()
        if self.msg_type == "voice":
            return self.recognition or "(voice)"
        return self.media_id or self.msg_type


MEDIA_TYPES = frozenset({"image", "voice", "video", "shortvideo"})  # carry a MediaId to download


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        raise MalformedMessage("bad coordinate") from None


def _coordinates(lat_text: str | None, lng_text: str | None) -> tuple[float | None, float | None]:
    """(lat, lng), or (None, None) unless both are finite and on Earth (NaN, inf, 95°N are no place)."""
    lat, lng = _float(lat_text), _float(lng_text)
    if (
        lat is None
        or lng is None
        or not (math.isfinite(lat) and math.isfinite(lng))
        or not (-90 <= lat <= 90 and -180 <= lng <= 180)
    ):
        return None, None
    return lat, lng


class _Common(TypedDict):
    """The fields every kind of ``Incoming`` is built with."""

    openid: str
    account: str
    create_time: int
    msg_id: str | None
    fields: dict


def from_fields(fields: dict[str, str]) -> Incoming:
    for name, value in fields.items():
        if len(value) > MAX_FIELD_CHARS:
            raise MalformedMessage(f"field {name} too long")
    openid = fields.get("FromUserName")
    msg_type = (fields.get("MsgType") or "").lower()
    if not openid or not msg_type:
        raise MalformedMessage("FromUserName or MsgType missing")
    try:
        create_time = int(fields.get("CreateTime") or "")
    except ValueError:
        raise MalformedMessage("CreateTime missing or not a number") from None
    common = _Common(
        openid=openid,
        account=fields.get("ToUserName", ""),
        create_time=create_time,
        msg_id=fields.get("MsgId") or fields.get("MsgID") or None,
        fields=fields,
    )
    if msg_type not in MESSAGE_TYPES:
        return Incoming(msg_type="unknown", **common)
    if msg_type == "event":
        event = (fields.get("Event") or "").lower()
        if not event:
            raise MalformedMessage("event without Event")
        key = fields.get("EventKey") or None
        lat, lng = _coordinates(fields.get("Latitude"), fields.get("Longitude"))
        return Incoming(msg_type="event", event=event, event_key=key, lat=lat, lng=lng, **common)
    if msg_type == "location":
        lat, lng = _coordinates(fields.get("Location_X"), fields.get("Location_Y"))
        return Incoming(msg_type="location", lat=lat, lng=lng, label=fields.get("Label") or None, **common)
    if msg_type == "text":
        return Incoming(msg_type="text", text=simplified(fields.get("Content", "")), **common)
    if msg_type == "link":
        return Incoming(msg_type="link", text=fields.get("Title") or fields.get("Url") or "", **common)
    media_id = fields.get("MediaId") or None
    if msg_type in MEDIA_TYPES and not media_id:
        raise MalformedMessage(f"{msg_type} without MediaId")
    return Incoming(
        msg_type=msg_type,
        media_id=media_id,
        pic_url=fields.get("PicUrl") or None,
        media_format=fields.get("Format") or None,
        recognition=simplified(fields.get("Recognition") or "").strip() or None,
        **common,
    )


def parse(body: bytes | str) -> Incoming:
    return from_fields(parse_xml(body))
