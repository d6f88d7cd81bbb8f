"""Property-based fuzzing of /wechat: random and mutated XML, odd field values, broken encryption.

Whatever arrives, the webhook answers 200 (a readable message), 400/403 (refused) or 413 (too big):
never a 500, never a stack trace to the caller, and a refused request writes nothing.
"""

from __future__ import annotations

import base64
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wechatpy.crypto import PrpCrypto
from wechatpy.exceptions import InvalidAppIdException

from bot.app import create_app
from bot.simulator import Signer, message_xml, sign
from tests.conftest import AES_KEY, APP_ID, make_config

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
REFUSED = {400, 403, 413}


def inbox_count(bot) -> int:
    return next(bot.db.query("SELECT COUNT(*) AS n FROM inbox"))["n"]


def post_signed(app, body: bytes, token: str = "spamtest"):
    ts = str(int(time.time()))
    return app.test_client().post(f"/wechat?signature={sign(token, ts, 'n')}&timestamp={ts}&nonce=n", data=body)


def check(bot, response, before: int) -> None:
    assert response.status_code in REFUSED | {200}, response.status_code
    assert b"Traceback" not in response.data and b'File "' not in response.data
    if response.status_code != 200:
        assert inbox_count(bot) == before, "a refused request wrote something"


VALID = message_xml("o-fuzz", "text", {"Content": "3棵桂花"})
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "duplicate"]),
        st.integers(0, len(VALID)),
        st.integers(0, 40),
        st.text(alphabet=st.sampled_from(list("<>/![]CDATA&;#x\"' 树0")), max_size=12),
    ),
    min_size=1,
    max_size=4,
)


def mutate(xml: str, steps) -> str:
    for kind, at, length, text in steps:
        at = min(at, len(xml))
        if kind == "delete":
            xml = xml[:at] + xml[at + length :]
        elif kind == "insert":
            xml = xml[:at] + text + xml[at:]
        else:
            xml = xml[:at] + xml[at : at + length] + xml[at:]
    return xml


@FUZZ
@given(body=st.binary(max_size=2000))
def test_random_bytes(app, bot, body):
    before = inbox_count(bot)
    check(bot, post_signed(app, body), before)


@FUZZ
@given(steps=MUTATIONS)
def test_mutated_xml(app, bot, steps):
    before = inbox_count(bot)
    check(bot, post_signed(app, mutate(VALID, steps).encode("utf-8")), before)


FIELD = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@FUZZ
@given(
    msg_type=st.sampled_from(["text", "image", "voice", "location", "event", "link", "video", "", "TEXT", "x"]),
    fields=st.dictionaries(
        st.sampled_from(
            [
                "Content",
                "MediaId",
                "PicUrl",
                "Recognition",
                "Event",
                "EventKey",
                "Location_X",
                "Location_Y",
                "Label",
                "Title",
                "Url",
                "Format",
            ]
        ),
        FIELD,
        max_size=6,
    ),
    openid=st.text(min_size=0, max_size=60).filter(lambda s: "\x00" not in s),
    encoding=st.sampled_from(["utf-8", "gbk", "utf-16"]),
)
def test_odd_field_values_and_encodings(app, bot, msg_type, fields, openid, encoding):
    xml = message_xml(openid, msg_type, fields)
    try:
        body = xml.encode(encoding)
    except UnicodeEncodeError:
        body = xml.encode("utf-8", "surrogatepass")
    before = inbox_count(bot)
    check(bot, post_signed(app, body), before)


@pytest.mark.parametrize(
    "body",
    [
        "<xml><FromUserName>o-gbk</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime>"
        "<Content>三棵桂花</Content><MsgId>1</MsgId></xml>".encode("gbk"),  # GBK bytes, no declaration
        '<?xml version="1.0" encoding="gbk"?><xml><FromUserName>o-gbk2</FromUserName><MsgType>text</MsgType>'
        "<CreateTime>1</CreateTime><Content>三棵桂花</Content><MsgId>2</MsgId></xml>".encode("gbk"),
        b"<xml><FromUserName>o-bad</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime>"
        b"<Content>\xff\xfe\xc3\x28</Content><MsgId>3</MsgId></xml>",  # invalid UTF-8
        (
            "<xml><FromUserName>o-big</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><Content>"
            + "树" * 21_000
            + "</Content><MsgId>4</MsgId></xml>"
        ).encode(),  # a field over the limit, body under the cap
    ],
)
def test_bad_encodings_and_huge_fields(app, bot, body):
    before = inbox_count(bot)
    response = post_signed(app, body)
    check(bot, response, before)
    if response.status_code == 200:  # a declared GBK body may be read; then the text must be the real text
        assert next(bot.db.query("SELECT content FROM inbox ORDER BY id DESC LIMIT 1"))["content"] == "三棵桂花"


# -- safe (AES) mode ---------------------------------------------------------------------------------
@pytest.fixture
def aes_app(tmp_path, standin):
    flask_app = create_app(make_config(tmp_path, standin, **{"wechat.encoding_aes_key": AES_KEY}))
    yield flask_app
    flask_app.extensions["bot"].databases.close_all()


def post_encrypted(app, encrypt: str, msg_signature: str | None = None):
    ts, nonce = str(int(time.time())), "77"
    signature = msg_signature if msg_signature is not None else sign("spamtest", ts, nonce, encrypt)
    envelope = f"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    return app.test_client().post(
        f"/wechat?timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={signature}&signature=x",
        data=envelope.encode(),
    )


@FUZZ
@given(payload=st.binary(min_size=0, max_size=600), correct_signature=st.booleans())
def test_random_ciphertexts(aes_app, payload, correct_signature):
    """Correctly signed garbage reaches the decryption and is refused there (400 unreadable; 403 in the rare case
    that it decrypts to readable text sealed for another appid); unsigned garbage earlier (403)."""
    bot = aes_app.extensions["bot"]
    before = inbox_count(bot)
    encrypt = base64.b64encode(payload).decode()
    response = post_encrypted(aes_app, encrypt, None if correct_signature else "0" * 40)
    assert response.status_code == (decryption_refusal(encrypt) if correct_signature else 403)
    check(bot, response, before)


def decryption_refusal(encrypt: str) -> int:
    """The status a correctly signed ciphertext earns: 403 if it reads as a message for another appid, else 400."""
    try:
        PrpCrypto(base64.b64decode(AES_KEY + "=")).decrypt(encrypt, APP_ID)
    except InvalidAppIdException:
        return 403
    except Exception:  # noqa: BLE001 - bad length, padding or UTF-8: unreadable
        return 400
    raise AssertionError("random bytes decrypted to a message for this app")


@FUZZ
@given(encrypt=st.text(alphabet=st.sampled_from(list("ABCxyz019+/=%-_ \n")), max_size=200))
def test_bad_base64(aes_app, encrypt):
    bot = aes_app.extensions["bot"]
    before = inbox_count(bot)
    check(bot, post_encrypted(aes_app, encrypt), before)


@FUZZ
@given(
    key=st.text(
        alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")), min_size=43, max_size=43
    ).filter(lambda k: k != AES_KEY),
    appid=st.sampled_from([APP_ID, "wx-other", ""]),
)
def test_wrong_keys_and_appids(aes_app, key, appid):
    """Messages sealed with another key or for another app: refused, nothing written."""
    bot = aes_app.extensions["bot"]
    before = inbox_count(bot)
    try:
        query, body = Signer("spamtest", key, appid).wrap(message_xml("o-wrong", "text", {"Content": "帮助"}))
    except Exception:  # noqa: BLE001 - some keys are not valid base64 for wechatpy itself: nothing to send
        return
    response = aes_app.test_client().post("/wechat?" + query, data=body)
    assert response.status_code in {400, 403}
    check(bot, response, before)
