"""The FAQ's files kept on disk between processes: the precedents' masked texts, their n-grams and the model
trained on them (bot/faq.py, bot/faq_model.py), each named by a hash of what it was built from."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

KEEP = 8  # files of a kind kept (the bot needs one; bench/faq_eval.py, a model per set left out, raises it)


def write(path: Path, data: bytes) -> None:
    """``data`` to ``path`` in the cache folder, whole or not at all (a temporary file renamed); the newest few
    files of its kind kept (a file per version of the knowledge and the code: worktrees may share the folder).
    A folder that cannot be written is no error: the next start builds again."""
    where, kind = path.parent, path.name.split("-")[0]
    temporary = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        os.replace(temporary, path)
        temporary = None
        for old in sorted(where.glob(f"{kind}-*{path.suffix}"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError as exc:  # read-only, full, or another process pruning at the same moment
        logging.getLogger(__name__).debug("FAQ cache %s: %s", where, exc)
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def folder() -> Path:
    """``$XDG_CACHE_HOME/lvmei-zhishu``, by default ``~/.cache/lvmei-zhishu``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path("~/.cache").expanduser()) / "lvmei-zhishu"
