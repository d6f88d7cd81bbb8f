"""bot.bindings.openid_tag: a short, stable label that does not reveal the openid."""

from bot.bindings import openid_tag


def test_openid_tag_is_short_stable_and_hides_the_openid():
    tag = openid_tag("oAbCdEf-1234567890")
    assert tag == openid_tag("oAbCdEf-1234567890") and tag.startswith("wx-") and len(tag) == 9
    assert "oAbC" not in tag and tag != openid_tag("oAbCdEf-1234567891")
    assert openid_tag(None) == "" and openid_tag("") == ""
