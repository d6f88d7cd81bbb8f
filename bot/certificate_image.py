"""A certificate as a PNG (Pillow): portrait, legible on a phone, with Chinese text in a CJK font found on the system.

``find_cjk_font(configured)``: the font file of ``certificates.font`` when set, else the first font fontconfig lists
for Chinese (``fc-list :lang=zh file``), else a few common paths (Debian's fonts-wqy-microhei / fonts-noto-cjk,
macOS, Windows). A font counts only if it really draws a Chinese character (not its missing-glyph box). None when
there is none: the certificates then go as a link alone (bot/certificates.py says so in the log, with the package
to install).

``render(lines, font_path)`` draws the card: a border, a small tree, the title, the holder's name large, the lines
of what they did, the campaign, the date and the serial number, and the page's address in small type.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

COMMON_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
FONT_PACKAGE = "fonts-wqy-microhei"  # Debian/Ubuntu: apt-get install fonts-wqy-microhei (as .ci/run does)

WIDTH, HEIGHT = 1080, 1520
PAPER, INK, GREEN, GOLD, MUTED = (251, 248, 239), (40, 40, 40), (46, 125, 50), (191, 144, 0), (110, 110, 110)


def draws_chinese(path: str | Path) -> bool:
    """Can this font file draw Chinese (a real glyph for 绿, not the missing-glyph box)?"""
    try:
        font = ImageFont.truetype(str(path), 40)
    except (OSError, ValueError):
        return False
    return _drawn(font, "绿") != _drawn(font, "\uffff")


def _drawn(font, char: str) -> bytes:
    image = Image.new("L", (60, 60), 0)
    ImageDraw.Draw(image).text((5, 5), char, font=font, fill=255)
    return image.tobytes()


def _fontconfig_fonts() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in listed.splitlines() if line.strip()})
    return sorted(files, key=lambda f: (not f.lower().endswith((".ttc", ".ttf", ".otf")), "Mono" in f, f))


@lru_cache(maxsize=8)
def find_cjk_font(configured: str = "") -> Path | None:
    """The font the certificates are drawn with (see the module docstring); None when there is none."""
    if configured:
        if draws_chinese(configured):
            return Path(configured)
        log.error("certificates.font %s cannot be used (missing, or it draws no Chinese)", configured)
        return None
    for candidate in [*_fontconfig_fonts(), *COMMON_FONTS]:
        if Path(candidate).is_file() and draws_chinese(candidate):
            return Path(candidate)
    return None


@dataclass(frozen=True)
class Card:
    """What a certificate says, in the order it is drawn (every text from messages/replies/certificates.toml)."""

    title: str  # 植绿尽责证书 / 荣誉证书
    name: str  # the holder: a person, or a village for a collective award
    village: str  # under the name ('' for a village)
    lines: tuple[str, ...]  # what they did: trees and species, or the award
    campaign: str  # the campaign's name and year
    date: str  # 2027年3月10日
    serial: str  # 编号 LM27-00012
    address: str  # 查验：https://…/cert/<token>


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for char in text:
        if draw.textlength(current + char, font=font) > width and current:
            lines.append(current)
            current = char
        else:
            current += char
    return [*lines, current] if current else lines


def _centred(draw, y: int, text: str, font, fill, width: int = WIDTH - 200, gap: int = 12) -> int:
    for line in _wrap(draw, text, font, width):
        length = draw.textlength(line, font=font)
        draw.text(((WIDTH - length) / 2, y), line, font=font, fill=fill)
        y += font.size + gap
    return y


def _tree(draw: ImageDraw.ImageDraw, cx: int, top: int) -> None:
    draw.rectangle((cx - 9, top + 70, cx + 9, top + 120), fill=(121, 85, 72))
    for dx, dy, r in ((0, 30, 42), (-34, 58, 32), (34, 58, 32), (0, 70, 36)):
        draw.ellipse((cx + dx - r, top + dy - r, cx + dx + r, top + dy + r), fill=GREEN)


def render(card: Card, font_path: Path) -> bytes:
    """The certificate as PNG bytes."""
    fonts = {size: ImageFont.truetype(str(font_path), size) for size in (30, 34, 40, 46, 84, 104)}
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 30, WIDTH - 30, HEIGHT - 30), outline=GREEN, width=10)
    draw.rectangle((54, 54, WIDTH - 54, HEIGHT - 54), outline=GOLD, width=3)
    _tree(draw, WIDTH // 2, 100)
    y = _centred(draw, 250, card.title, fonts[84], GREEN, gap=24)
    y = _centred(draw, y + 40, card.name, fonts[104], INK, gap=16)
    if card.village:
        y = _centred(draw, y, card.village, fonts[40], MUTED)
    y += 50
    for line in card.lines:
        y = _centred(draw, y, line, fonts[46], INK, gap=18) + 10
    y = max(y + 40, 1000)
    y = _centred(draw, y, card.campaign, fonts[40], GREEN)
    y = _centred(draw, y + 20, card.date, fonts[40], INK)
    _centred(draw, HEIGHT - 230, card.serial, fonts[34], MUTED)
    _centred(draw, HEIGHT - 180, card.address, fonts[30], MUTED, width=WIDTH - 160, gap=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
