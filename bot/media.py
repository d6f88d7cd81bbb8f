"""The media download job: photos and voice arrive as MediaIds that expire after 3 days.

Each pending row is fetched through WeChatAPI (for images, the PicUrl is the
fallback), stored content-addressed under ``storage.photos`` and marked
``stored``; listeners (the planting records) are then told, in the same
transaction (``handlers.MEDIA_LISTENERS``: ``listener(app, db, media_row)``). A media id WeChat no longer has (40007) is marked ``lost``, a
visible state, never silently dropped; transient failures are retried with
backoff up to ``media.max_attempts``.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from bot import clock
from bot.db import transaction
from bot.store import media as media_store
from bot.wechat_api import MEDIA_EXPIRED, WeChatError
from handlers import MEDIA_LISTENERS

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (5, 30, 120, 600, 1800, 3600)
EXTENSIONS = {"image": "jpg", "voice": "amr", "video": "mp4", "shortvideo": "mp4"}

def blob_path(root: Path, sha256: str, ext: str) -> Path:
    return root / sha256[:2] / sha256[2:4] / f"{sha256}.{ext}"


def store_blob(data: bytes, root: Path, ext: str) -> tuple[str, Path]:
    """Write bytes once under their SHA-256 (atomically: temp file, then rename)."""
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(root, sha, ext)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    return sha, path


def _fetch(api, row: dict) -> bytes:
    try:
        return api.download_media(row["media_id"])
    except WeChatError as error:
        if row["kind"] == "image" and row["pic_url"] and not error.transient:
            return api.fetch_url(row["pic_url"])
        raise


def download_due(app, now: datetime, limit: int = 50) -> dict:
    """Job: fetch every pending media row that is due."""
    db = app.db
    max_attempts = int(app.config.get("media.max_attempts", 6))
    counts = {"stored": 0, "retried": 0, "lost": 0, "failed": 0}
    for row in media_store.due(db, clock.to_db(now), limit):
        try:
            data = _fetch(app.api, row)
        except WeChatError as error:
            with transaction(db):
                if error.errcode in MEDIA_EXPIRED:
                    media_store.mark_final(db, row["id"], "lost", error.errcode, "media expired at WeChat",
                                           clock.to_db(now))
                    counts["lost"] += 1
                elif error.transient and row["attempts"] + 1 < max_attempts:
                    retry_at = now + timedelta(seconds=BACKOFF_SECONDS[min(row["attempts"], 5)])
                    media_store.mark_retry(db, row["id"], clock.to_db(retry_at), error.errcode, error.errmsg)
                    counts["retried"] += 1
                else:
                    media_store.mark_final(db, row["id"], "failed", error.errcode, error.errmsg, clock.to_db(now))
                    counts["failed"] += 1
            log.warning("media %s: errcode=%s %s", row["id"], error.errcode, error.errmsg)
            continue
        sha, path = store_blob(data, app.config.photos_dir, EXTENSIONS.get(row["kind"], "bin"))
        with transaction(db):
            media_store.mark_stored(db, row["id"], sha, str(path.relative_to(app.config.photos_dir)), len(data),
                                    clock.to_db(now))
            stored = media_store.get(db, row["id"])
            for listener in MEDIA_LISTENERS:
                listener(app, db, stored)
        counts["stored"] += 1
    return counts
