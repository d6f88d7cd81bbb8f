"""The media download job: photos and voice arrive as MediaIds that expire after 3 days.

Each pending row is fetched through WeChatAPI (for images, the PicUrl is the
fallback, from ``media.pic_hosts`` only; at most ``media.max_bytes`` either
way), stored content-addressed under ``storage.photos`` and marked ``stored``.
A media id WeChat no longer has (40007) is marked ``lost``, a visible state,
never silently dropped; transient failures are retried with backoff up to
``media.max_attempts``.

Listeners (``app.media_listeners``, from the capability manifests, e.g. the planting records) react to a
stored row in two steps, so that the write lock is held only for writes:
``prepare(app, media_row, data)`` does the slow work (decoding, hashing,
thumbnails) outside any transaction, in the job's worker threads;
``apply(app, db, media_row, prepared)`` then writes its rows inside the short
transaction that marks the media row stored.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bot import clock
from bot.db import transaction
from bot.outbox import backoff
from bot.store import media as media_store
from bot.wechat_api import MEDIA_EXPIRED, WeChatError

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (5, 30, 120, 600, 1800, 3600)
EXTENSIONS = {"image": "jpg", "voice": "amr", "video": "mp4", "shortvideo": "mp4"}


@dataclass(frozen=True)
class MediaListener:
    prepare: Callable[[Any, dict, bytes], Any]  # (app, media_row, data) -> prepared; no writes
    apply: Callable[[Any, Any, dict, Any], object]  # (app, db, media_row, prepared); inside the transaction


def blob_path(root: Path, sha256: str, ext: str) -> Path:
    return root / sha256[:2] / sha256[2:4] / f"{sha256}.{ext}"


def write_whole(path: Path, data: bytes) -> None:
    """``data`` to ``path``, whole or not at all: a temporary ``.part`` file beside it (bot/backup.py skips those), then
    renamed over it. The media's blobs and the certificates' PNGs (tidy79: one writer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def store_blob(data: bytes, root: Path, ext: str) -> tuple[str, Path]:
    """Write bytes once under their SHA-256 (atomically: ``write_whole``)."""
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(root, sha, ext)
    if not path.exists():
        write_whole(path, data)
    return sha, path


def _fetch(api, row: dict) -> bytes:
    try:
        return api.download_media(row["media_id"])
    except WeChatError as error:
        if row["kind"] == "image" and row["pic_url"] and not error.transient:
            return api.fetch_pic_url(row["pic_url"])
        raise


@dataclass
class _Fetched:
    row: dict
    error: WeChatError | None = None
    sha: str = ""
    path: Path | None = None
    size: int = 0
    prepared: list = field(default_factory=list)


def _fetch_and_prepare(app, row: dict, listeners: list[MediaListener]) -> _Fetched:
    """Network and CPU work for one row: download, store the bytes, let listeners prepare."""
    try:
        data = _fetch(app.api, row)
    except WeChatError as error:
        return _Fetched(row, error=error)
    sha, path = store_blob(data, app.config.photos_dir, EXTENSIONS.get(row["kind"], "bin"))
    preview = {**row, "sha256": sha, "path": str(path.relative_to(app.config.photos_dir)), "size": len(data)}
    prepared = [listener.prepare(app, preview, data) for listener in listeners]
    return _Fetched(row, sha=sha, path=path, size=len(data), prepared=prepared)


def download_due(app, now: datetime, limit: int = 50, openid: str | None = None) -> dict:
    """Job: fetch every pending media row that is due (``media.workers`` at a time); only one user's with
    ``openid`` (the simulator's share). Without credentials nothing is tried: the rows wait."""
    listeners = app.media_listeners
    db = app.db
    max_attempts = int(app.config.get("media.max_attempts"))
    workers = int(app.config.get("media.workers"))
    counts = {"stored": 0, "retried": 0, "lost": 0, "failed": 0}
    if not app.api.has_credentials:
        return {**counts, "waiting_for_credentials": media_store.count_due(db, clock.to_db(now), openid)}
    rows = media_store.due(db, clock.to_db(now), limit, openid)
    if not rows:
        return counts
    # One long-lived pool per process: its threads (and their database connections) are reused.
    pool = app.service(
        "media_pool", lambda a: ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="media")
    )
    results = list(pool.map(lambda row: _fetch_and_prepare(app, row, listeners), rows))
    for fetched in results:
        row = fetched.row
        if fetched.error is not None:
            counts[_record_failure(db, row, fetched.error, now, max_attempts)] += 1
            continue
        with transaction(db):
            media_store.mark_stored(
                db,
                row["id"],
                fetched.sha,
                str(fetched.path.relative_to(app.config.photos_dir)),
                fetched.size,
                clock.to_db(now),
            )
            stored = media_store.get(db, row["id"])
            for listener, prepared in zip(listeners, fetched.prepared):
                listener.apply(app, db, stored, prepared)
        counts["stored"] += 1
    return counts


def announce(app, db, media_row_id: int) -> bool:
    """Tell the listeners again about a media row a capability linked after it was downloaded (a photo sent
    before 管护), inside the caller's transaction, so they see the new link; listeners are idempotent. False
    (nothing to do) while the row is not stored yet: the download job tells them then."""
    row = media_store.get(db, media_row_id)
    if row is None or row["status"] != "stored" or not row["path"]:
        return False
    path = app.config.photos_dir / row["path"]
    data = path.read_bytes() if path.is_file() else b""
    for listener in app.media_listeners:
        listener.apply(app, db, row, listener.prepare(app, row, data))
    return True


def _record_failure(db, row: dict, error: WeChatError, now: datetime, max_attempts: int) -> str:
    log.warning("media %s: errcode=%s %s", row["id"], error.errcode, error.errmsg)
    with transaction(db):
        if error.errcode in MEDIA_EXPIRED:
            media_store.mark_final(db, row["id"], "lost", error.errcode, "media expired at WeChat", clock.to_db(now))
            return "lost"
        if error.transient and row["attempts"] + 1 < max_attempts:
            retry_at = now + backoff(row["attempts"], BACKOFF_SECONDS)
            media_store.mark_retry(db, row["id"], clock.to_db(retry_at), error.errcode, error.errmsg)
            return "retried"
        media_store.mark_final(db, row["id"], "failed", error.errcode, error.errmsg, clock.to_db(now))
        return "failed"
