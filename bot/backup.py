"""`python run.py backup [--out FILE]`: a consistent copy of the database and the photos, while the bot runs.

The database is copied with SQLite's online backup API (``sqlite3.Connection.backup``) in one
step, so the copy is one moment of the database even while webhook processes and the worker keep
writing (WAL: the copy reads a snapshot, writers are not blocked). The copy is checked with
``PRAGMA integrity_check`` and switched out of WAL mode so it is one self-contained file.

The photos folder is copied *after* the database: files are content-addressed and written
atomically (temp file, then rename) before their media row is marked stored, so every photo the
copied database refers to is already on disk. Unfinished ``*.part`` files are skipped.

``--out`` ending in ``.tar.gz``/``.tgz`` (the default, ``<database folder>/backups/backup-<UTC time>.tar.gz``)
makes one archive; any other path makes a folder. Either holds::

    bot.db          the database (open it with sqlite3 or point storage.database at it)
    photos/…        the photos and voice files, same layout as storage.photos
    MANIFEST.json   when, from where, row counts per table, integrity check, photo count and bytes

Restore (see docs/operations.md): stop the bot, put ``bot.db`` where ``storage.database`` points
(remove the old ``-wal``/``-shm`` files next to it), put ``photos/`` where ``storage.photos``
points, start the bot.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from bot import clock

DATABASE_NAME = "bot.db"
PHOTOS_NAME = "photos"
MANIFEST_NAME = "MANIFEST.json"


class BackupError(RuntimeError):
    """The copy could not be made or did not pass its check."""


def copy_database(source: Path, target: Path) -> dict[str, int]:
    """Online backup of ``source`` into a new file ``target``; returns row counts per table."""
    src = sqlite3.connect(str(source), timeout=30)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)  # pages=-1: the whole database in one step, one consistent snapshot
        dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"integrity_check of the copy: {check}")
        tables = [
            r[0]
            for r in dst.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: dst.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        dst.close()
        src.close()


def copy_photos(source: Path, target: Path) -> tuple[int, int]:
    """Copy the photos folder (skipping unfinished ``*.part`` files); returns (files, bytes)."""
    files = size = 0
    target.mkdir(parents=True, exist_ok=True)
    if not source.is_dir():
        return 0, 0
    for path in sorted(source.rglob("*")):
        if not path.is_file() or path.suffix == ".part":
            continue
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copy2(path, dest)
        except FileNotFoundError:  # removed while we copied (a temp file): not part of the backup
            continue
        files += 1
        size += dest.stat().st_size
    return files, size


def is_archive(path: Path) -> bool:
    return path.name.endswith((".tar.gz", ".tgz"))


def default_out(config, now) -> Path:
    return config.database_path.parent / "backups" / f"backup-{now.strftime('%Y%m%dT%H%M%SZ')}.tar.gz"


def make_backup(config, out: Path | None = None, now=None) -> tuple[Path, dict]:
    """Write the backup (archive or folder) and return its path and manifest."""
    now = now or clock.utcnow()
    out = Path(out) if out else default_out(config, now)
    if out.exists():
        raise BackupError(f"{out} exists already: choose another --out")
    source = config.database_path
    if not source.exists():
        raise BackupError(f"no database at {source}")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".backup-", dir=out.parent))
    try:
        tables = copy_database(source, staging / DATABASE_NAME)
        files, size = copy_photos(config.photos_dir, staging / PHOTOS_NAME)
        manifest = {
            "created_at": clock.to_db(now),
            "database": str(source),
            "photos": str(config.photos_dir),
            "integrity_check": "ok",
            "tables": tables,
            "photo_files": files,
            "photo_bytes": size,
        }
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        if is_archive(out):
            partial = out.with_name(out.name + ".part")
            with tarfile.open(partial, "w:gz") as tar:
                for name in (MANIFEST_NAME, DATABASE_NAME, PHOTOS_NAME):
                    tar.add(staging / name, arcname=name)
            partial.replace(out)  # never leave a half-written archive under the final name
        else:
            staging.replace(out)
        return out, manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def cmd_backup(args, app) -> int:
    import sys

    try:
        out, manifest = make_backup(app.config, Path(args.out) if args.out else None)
    except BackupError as error:
        print(f"backup failed: {error}", file=sys.stderr)
        return 1
    rows = sum(manifest["tables"].values())
    print(
        f"backup written to {out}: {len(manifest['tables'])} tables, {rows} rows, "
        f"{manifest['photo_files']} photo files ({manifest['photo_bytes'] / 1e6:.1f} MB), integrity ok"
    )
    return 0
