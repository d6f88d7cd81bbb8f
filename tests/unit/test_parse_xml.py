"""bot.incoming.parse_xml against what it replaced: ElementTree's parser under defusedxml (DTDs forbidden, a depth
limit) building a tree that is then walked (issue 21). Same fields, same refusals."""

from __future__ import annotations

from xml.etree.ElementTree import ParseError, TreeBuilder

import defusedxml.ElementTree as SafeET
import pytest
from defusedxml import DefusedXmlException
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.incoming import MAX_DEPTH, MalformedMessage, parse_xml
from bot.simulator import message_xml


class _DepthLimited:
    def __init__(self):
        self._builder, self._depth = TreeBuilder(), 0
        self.data, self.close = self._builder.data, self._builder.close

    def start(self, tag, attrs):
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise MalformedMessage("too deep")
        return self._builder.start(tag, attrs)

    def end(self, tag):
        self._depth -= 1
        return self._builder.end(tag)


def reference(body) -> dict[str, str]:
    """The code before issue 21's round 8 (bot/incoming.py), refusals reduced to MalformedMessage."""
    try:
        parser = SafeET.DefusedXMLParser(target=_DepthLimited(), forbid_dtd=True)
        parser.feed(body)
        root = parser.close()
    except MalformedMessage:
        raise
    except (ParseError, DefusedXmlException, ValueError, TypeError):
        raise MalformedMessage("unreadable") from None
    if root.tag != "xml":
        raise MalformedMessage("root")
    fields: dict[str, str] = {}

    def walk(node, prefix):
        for child in node:
            if len(child):
                walk(child, prefix + child.tag + ".")
            else:
                fields[prefix + child.tag] = (child.text or "").strip()

    walk(root, "")
    return fields


def outcome(parse, body):
    try:
        return parse(body)
    except MalformedMessage:
        return "refused"


BODIES = [
    message_xml("o-1", "text", {"Content": "桂花什么时候种"}),
    message_xml("o-1", "image", {"PicUrl": "http://x/1.jpg", "MediaId": "m-1"}),
    message_xml("o-1", "location", {"Location_X": "23.1", "Location_Y": "114.4", "Scale": "15", "Label": "埔心村"}),
    "<xml><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>ab</PicMd5Sum></item></PicList></SendPicsInfo></xml>",
    "<xml><a>x<!--c-->y</a><b><c> z </c><c>w</c></b><b>q</b></xml>",  # comments, repeated names, a leaf and a parent
    "<xml><a>&amp;&lt;&#26641;</a><b><![CDATA[ <x> ]]> tail </b></xml>",
    "<xml xmlns:n='urn:x'><n:a>1</n:a><b xmlns='urn:y'>2</b><c d='e'>3</c></xml>",
    "<xml>text<a/>between<b>  </b>tail</xml>",
    "<?pi x?><xml><a><?pi y?>v</a></xml>\n",
    "\ufeff<xml><a>1</a></xml>",
    '<?xml version="1.0" encoding="GBK"?><xml><a>1</a></xml>',
    "<xml/>",
    "<xml>" + "<a>" * (MAX_DEPTH - 1) + "deep" + "</a>" * (MAX_DEPTH - 1) + "</xml>",
    # refused
    "<xml>" + "<a>" * MAX_DEPTH + "deep" + "</a>" * MAX_DEPTH + "</xml>",
    "<xml>" + "<a>" * 200_000 + "</xml>",
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xml><a>&lol2;</a></xml>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><a>&xxe;</a></xml>',
    '<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/x.dtd"><xml><a>1</a></xml>',
    "<xml><a>&undefined;</a></xml>",
    "<n:xml xmlns:n='urn:x'><a>1</a></n:xml>",
    "<other><a>1</a></other>",
    "not xml",
    "",
    "<xml><a>1</a>",
    "<xml><a>1</a></xml><b/>",
    "<xml><a>\x00</a></xml>",
]


@pytest.mark.parametrize("body", BODIES)
def test_the_same_fields_and_refusals_as_the_tree_it_replaced(body):
    for form in (body, body.encode("utf-8")):
        assert outcome(parse_xml, form) == outcome(reference, form)


def test_a_dtd_and_too_deep_a_body_are_refused():
    for body in BODIES[-12:]:
        with pytest.raises(MalformedMessage):
            parse_xml(body)


NAMES = st.sampled_from(["xml", "a", "b", "Content", "item", "n:x"])
TEXTS = st.text(alphabet=st.sampled_from(list("ab 树\n\t&<>]\"'")), max_size=6)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def elements(draw, depth=0):
    name = draw(NAMES)
    name = "x" if name == "n:x" else name  # no undeclared prefix
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < MAX_DEPTH + 1 else 0))):
        kind = draw(st.sampled_from(["text", "cdata", "comment", "child", "child"]))
        if kind == "text":
            parts.append(_escaped(draw(TEXTS)))
        elif kind == "cdata":
            parts.append("<![CDATA[" + draw(TEXTS).replace("]]>", "") + "]]>")
        elif kind == "comment":
            parts.append("<!--" + draw(TEXTS).replace("-", "") + "-->")
        else:
            parts.append(draw(elements(depth + 1)))
    return f"<{name}>{''.join(parts)}</{name}>"


@settings(max_examples=300, deadline=None)
@given(st.one_of(elements(), elements().map(lambda e: "<xml>" + e + "</xml>")))
def test_any_tree_reads_as_the_tree_it_replaced_read_it(body):
    assert outcome(parse_xml, body) == outcome(reference, body)
