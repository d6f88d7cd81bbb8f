"""bot/media.py ``store_blob``: bytes written once under their SHA-256, whole (a ``.part`` file renamed: the backup
skips those), never a partial file left beside them; the certificates' PNG is written the same way (tidy79: one
writer, ``media.write_whole``; tests/unit/test_certificates_sending.py holds the drawing)."""

from __future__ import annotations

import hashlib

from bot import media


def test_bytes_are_written_once_under_their_hash(tmp_path):
    data = b"\xff\xd8\xff photo"
    sha, path = media.store_blob(data, tmp_path, "jpg")
    assert sha == hashlib.sha256(data).hexdigest()
    assert path == tmp_path / sha[:2] / sha[2:4] / f"{sha}.jpg" and path.read_bytes() == data
    assert list(path.parent.iterdir()) == [path]  # no .part left
    mtime = path.stat().st_mtime_ns
    assert media.store_blob(data, tmp_path, "jpg") == (sha, path) and path.stat().st_mtime_ns == mtime  # not again
