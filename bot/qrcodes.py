"""`python run.py qrcodes [--out DIR]`: one permanent parametric QR code per village, for its poster.

Each code carries the village id as its scene string (``QR_LIMIT_STR_SCENE``): following through it
arrives as ``subscribe`` with ``qrscene_<village id>``, scanning it while following as ``SCAN`` with
``<village id>``; handlers/registration.py then preselects the village. Permanent codes never expire,
so running this again only refreshes the files.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bot.store import roster as roster_store
from bot.wechat_api import WeChatError


def poster_filename(village: dict) -> str:
    """``<village id>-<name>.png``, with characters no file system accepts replaced."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", village["name"]).strip("_") or "village"
    return f"{village['id']}-{name}.png"


def save_village_qrcode(api, village: dict, out_dir: Path) -> Path:
    """Ask WeChat for the village's permanent code, download the image and save it."""
    ticket = api.create_qrcode(str(village["id"]))["ticket"]
    image = api.qrcode_image(ticket)
    path = out_dir / poster_filename(village)
    path.write_bytes(image)
    return path


def default_out_dir(app) -> Path:
    return app.config.database_path.parent / "qrcodes"


def qrcodes_arguments(p) -> None:
    p.add_argument("--out", help="directory for <village id>-<name>.png (default: qrcodes/ beside the database)")


def cmd_qrcodes(args, app) -> int:
    out_dir = Path(args.out) if args.out else default_out_dir(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    villages = roster_store.all_villages(app.db)
    if not villages:
        print("no villages yet: run `python run.py import villages FILE` first", file=sys.stderr)
        return 1
    failed = 0
    for village in villages:
        try:
            path = save_village_qrcode(app.api, village, out_dir)
        except (WeChatError, KeyError, OSError) as error:
            failed += 1
            print(f"{village['id']} {village['name']}: failed ({error})", file=sys.stderr)
            continue
        print(f"{village['id']} {village['name']}: {path}")
    print(f"{len(villages) - failed} of {len(villages)} QR codes saved in {out_dir}")
    return 1 if failed else 0
