"""A SIGKILLed master leaves its writer folder (``lvmei-writer-*``, its Unix socket inside): the next master removes
those no master holds any more, and leaves a live master's alone (bot/serving.py ``clean_stale_writer_folders``)."""

from __future__ import annotations

import os
import socket
import time

from bot.serving import EMPTY_FOLDER_SECONDS, WRITER_FOLDER_PREFIX, clean_stale_writer_folders


def folder(parent, name: str):
    path = parent / f"{WRITER_FOLDER_PREFIX}{name}"
    path.mkdir(mode=0o700)
    return path


def test_a_killed_masters_folder_goes_and_a_live_ones_stays(tmp_path):
    dead = folder(tmp_path, "dead")
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(dead / "writer.sock"))  # bound, then its process died: the file stays, nothing listens
    left.close()
    live = folder(tmp_path, "live")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(live / "writer.sock"))
    listener.listen(4)
    empty_new, empty_old = folder(tmp_path, "new"), folder(tmp_path, "old")
    long_ago = time.time() - EMPTY_FOLDER_SECONDS - 5
    os.utime(empty_old, (long_ago, long_ago))
    other = tmp_path / "something-else"
    other.mkdir()
    try:
        removed = clean_stale_writer_folders(str(tmp_path))
        assert sorted(removed) == sorted([str(dead), str(empty_old)])
        assert live.exists() and (live / "writer.sock").exists() and empty_new.exists() and other.exists()
        conn, _ = listener.accept()  # the probe's connection: a live writer process reads its end and forgets it
        assert conn.recv(1) == b""
        conn.close()
    finally:
        listener.close()


def test_nothing_to_clean_is_no_error(tmp_path):
    assert clean_stale_writer_folders(str(tmp_path)) == []
    assert clean_stale_writer_folders(str(tmp_path / "missing")) == []
