"""Voice messages for a browser. WeChat sends voice as AMR (or its own Speex), which no browser plays.

With ``ffmpeg`` on the PATH (Debian's package decodes AMR-NB and AMR-WB), a stored voice file is transcoded once,
the first time a page shows it, to MP3 beside it (``<sha256>.amr.mp3``, 16 kHz mono, 32 kbit/s: every browser
plays it) and that file is served from then on. ffmpeg reads only the voice's own container (``-f amr``), with a
time limit. Without ffmpeg, or for a file it cannot read, ``playable`` is None and the ticket page offers the file
to download with WeChat's speech recognition (``Recognition``) beside it.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

# what browsers play, by suffix (a voice already in one of these is served as it is)
PLAYABLE_TYPES = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".m4a": "audio/mp4", ".wav": "audio/wav"}
# what ffmpeg is told the stored file is (never left to guess): the stored suffix -> its demuxer. WeChat's Speex
# voice has a framing of its own that ffmpeg does not read: it gets the download and the recognition.
DEMUXERS = {".amr": "amr"}
TRANSCODE_SECONDS = 30


def transcoder() -> str | None:
    """The ffmpeg that transcodes voice, or None."""
    return shutil.which("ffmpeg")


def playable(path: Path) -> Path | None:
    """A file a browser plays with the voice at ``path``: itself, the MP3 made from it before, or one made now;
    None when there is no transcoder or it cannot read the file."""
    if path.suffix in PLAYABLE_TYPES:
        return path
    made = path.with_name(path.name + ".mp3")
    if made.is_file():
        return made
    ffmpeg, demuxer = transcoder(), DEMUXERS.get(path.suffix)
    if ffmpeg is None or demuxer is None or not path.is_file():
        return None
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    os.close(fd)
    command = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", demuxer, "-i", str(path)]
    command += ["-vn", "-ac", "1", "-ar", "16000", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", tmp]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TRANSCODE_SECONDS, check=False)
        if done.returncode != 0 or os.path.getsize(tmp) == 0:
            log.warning("voice %s not transcoded: %s", path.name, done.stderr.decode(errors="replace")[-300:])
            return None
        os.replace(tmp, made)
        return made
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("voice %s not transcoded: %s", path.name, exc)
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)


def noise_amr(seconds: float = 1.0, seed: int = 0) -> bytes:
    """A real AMR-NB file of ``seconds`` (12.2 kbit/s frames of random bits: it plays as noise), for the simulator's
    ``/voice`` and the tests: a voice any AMR decoder reads."""
    rng = random.Random(seed)
    frame_header = bytes([0x3C])  # frame type 7 (12.2 kbit/s), quality bit set; 31 bytes of speech bits follow
    frames = (frame_header + rng.randbytes(31) for _ in range(max(1, round(seconds * 50))))  # a frame is 20 ms
    return b"#!AMR\n" + b"".join(frames)
