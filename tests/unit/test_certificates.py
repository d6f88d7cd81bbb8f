"""The certificates' pure rules (who earns one, the serial, the token) and the picture (the font, the PNG)."""

from __future__ import annotations

import io
import os

from PIL import Image

from bot import certificate_image, certificates
from tests.conftest import needs_cjk_font

FONT = certificate_image.find_cjk_font("")


def test_a_quota_is_reached_by_verified_trees():
    assert not certificates.earns_certificate(3, 2, True, False)
    assert certificates.earns_certificate(3, 3, True, False) and certificates.earns_certificate(1, 5, False, True)


def test_quota_zero_the_households_first_tree():
    assert certificates.earns_certificate(0, 1, True, False)
    assert not certificates.earns_certificate(0, 0, True, False)
    assert not certificates.earns_certificate(0, 2, True, True)  # someone of the household holds one
    assert not certificates.earns_certificate(0, 2, False, False)  # advisers and admins: no household


def test_species_serial_and_token():
    records = [{"species": "龙眼"}, {"species": "荔枝"}, {"species": "龙眼"}, {"species": None}]
    assert certificates.species_words(records) == "龙眼、荔枝"
    shown = [{"species": "桃"}, {"species": "荔枝"}, {"species": "桃"}]
    assert certificates.species_words(shown, {"桃": "桃子", "李": "李子"}) == "桃子、荔枝"  # species.toml display
    assert certificates.serial_prefix(2027) == "LM27-" and certificates.serial_prefix(2100) == "LM00-"
    tokens = {certificates.new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(certificates.looks_like_token(t) and len(t) == 32 for t in tokens)
    for bad in ("", "LM27-00001", "A" * 31, "A" * 33, "../" + "A" * 29, None):
        assert not certificates.looks_like_token(bad)


def test_a_font_without_chinese_or_missing_is_not_used(tmp_path):
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if os.path.exists(dejavu):
        assert not certificate_image.draws_chinese(dejavu)
    assert certificate_image.find_cjk_font(str(tmp_path / "missing.ttf")) is None
    (tmp_path / "junk.ttf").write_bytes(b"not a font")
    assert not certificate_image.draws_chinese(tmp_path / "junk.ttf")


@needs_cjk_font
def test_the_system_font_draws_a_phone_sized_png():
    assert certificate_image.draws_chinese(FONT)
    card = certificate_image.Card(
        title="植绿尽责证书",
        name="陈党员",
        village="埔心村",
        lines=("在2027年绿美生态建设中种下3棵树", "树种：龙眼、荔枝", "特发此证，以资鼓励。"),
        campaign="高质量党建引领绿美生态建设攻坚行动 · 2027年",
        date="2027年3月10日",
        serial="编号 LM27-00001",
        address="查验：https://example.org/cert/" + "A" * 32,
    )
    image = Image.open(io.BytesIO(certificate_image.render(card, FONT)))
    assert image.format == "PNG" and image.size == (1080, 1520)
    assert len(set(image.convert("L").getdata())) > 20  # drawn text, not a blank card
