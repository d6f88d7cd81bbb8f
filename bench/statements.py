"""SQL statements and CPU a message, per kind of message (issue 21, eleventh round). Run by hand.

    .venv/bin/python bench/statements.py [--n 300] [--profile KIND] [--show KIND]

Builds the real app in-process on a fresh database (the committed config, a roster of 12 villages with one bound
villager per follower of the "registered" kinds), and posts signed XML through the app's WSGI entry (``FastPath``),
one message at a time, so each message's writer group holds it alone. Every connection the app opens gets SQLite's
trace callback: the statements each message costs in the writer thread (inside the write lock) and in the request
thread (reading ahead). CPU a message is the process's (user + system) over ``--n`` messages of one kind, each from
one of 10 followers in turn. ``--profile KIND`` prints cProfile's top functions for that kind; ``--show KIND`` the
statements of its last message.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import os
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import clean_up, place_name, write_config  # noqa: E402
from bot import config as config_mod  # noqa: E402
from bot import db as db_mod  # noqa: E402
from bot import writer as writer_mod  # noqa: E402
from bot.simulator import Signer, message_xml  # noqa: E402

TOKEN = "benchtoken"
STATEMENTS: collections.Counter = collections.Counter()  # thread name -> statements
TRACED: list[tuple[str, str]] = []
_connect = db_mod.connect


def _traced_connect(*args, **kwargs):
    db = _connect(*args, **kwargs)

    def trace(sql: str) -> None:
        name = threading.current_thread().name
        STATEMENTS[name] += 1
        TRACED.append((name, sql))

    db.conn.set_trace_callback(trace)
    return db


db_mod.connect = _traced_connect
WRITER_PROFILE: list = [None]  # the writer thread's cProfile while a kind is profiled
_write_group = writer_mod.MessageWriter.write_group


def _profiled_write_group(self, *args, **kwargs):
    profiler = WRITER_PROFILE[0]
    if profiler is None:
        return _write_group(self, *args, **kwargs)
    profiler.enable()
    try:
        return _write_group(self, *args, **kwargs)
    finally:
        profiler.disable()


writer_mod.MessageWriter.write_group = _profiled_write_group  # type: ignore[method-assign]

# kind -> (registered sender?, message type, fields)
KINDS = {
    "faq": (True, "text", {"Content": "桂花什么时候种"}),
    "planting": (True, "text", {"Content": "3棵桂花"}),
    "progress": (True, "text", {"Content": "我的进度"}),
    "help": (True, "text", {"Content": "帮助"}),
    "photo": (True, "image", {"PicUrl": "", "MediaId": "m"}),
    "unreg-hello": (False, "text", {"Content": "你好"}),
    "unreg-faq": (False, "text", {"Content": "桂花什么时候种"}),
    "unreg-planting": (False, "text", {"Content": "3棵桂花"}),
    "unreg-progress": (False, "text", {"Content": "我的进度"}),
    "unreg-help": (False, "text", {"Content": "帮助"}),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="messages of each kind")
    parser.add_argument("--kinds", nargs="*", default=list(KINDS))
    parser.add_argument("--profile", help="cProfile this kind (its --n messages)")
    parser.add_argument("--show", help="print the statements of this kind's last message")
    parser.add_argument("--villages", type=int, default=12, help="villages in the roster (a city: 1,200)")
    parser.add_argument("--sort", default="tottime", help="pstats' order for --profile (tottime, cumulative)")
    parser.add_argument("--top", type=int, default=30, help="functions printed for --profile")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-statements-"))
    path = write_config(
        folder, {"wechat.token": TOKEN, "wechat.api_base_url": "http://127.0.0.1:9/", "logging.file": ""}
    )
    os.chdir(folder)
    from bot.app import create_app
    from bot.store import roster as roster_store

    config = config_mod.load(path, env={})
    flask_app = create_app(config)
    app = flask_app.extensions["bot"]
    db = app.db
    stamp = "2027-01-01T00:00:00"
    with db.conn:
        villages = [
            roster_store.insert_village(db, {"name": f"{place_name(i)}村"}, stamp) for i in range(args.villages)
        ]
        for kind in KINDS:
            for i in range(10):
                openid = f"o-{kind}-{i}"
                if KINDS[kind][0]:
                    person = roster_store.insert_person(
                        db, {"name": f"人{kind}{i}", "village_id": villages[i], "role": "群众"}, stamp
                    )
                    roster_store.bind_openid(db, person, openid, stamp, via="roster")
                db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
    signer = Signer(TOKEN)
    wsgi = flask_app.wsgi_app

    def post(openid: str, msg_type: str, fields: dict) -> int:
        query, body = signer.wrap(message_xml(openid, msg_type, fields))
        environ = {
            "PATH_INFO": "/wechat",
            "REQUEST_METHOD": "POST",
            "QUERY_STRING": query,
            "CONTENT_LENGTH": str(len(body)),
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(body),
        }
        status = []
        b"".join(wsgi(environ, lambda s, h: status.append(s)))
        return int(status[0].split()[0])

    print(f"{args.n} messages a kind, one at a time, {args.villages} villages; load average {os.getloadavg()[0]:.1f}")
    print(f"{'kind':16} {'writer stmts':>12} {'request stmts':>13} {'CPU ms':>7}")
    for kind in args.kinds:
        registered, msg_type, fields = KINDS[kind]
        for i in range(10):  # warm-up: each follower's first message, the statements prepared
            fields_i = dict(fields, MediaId=f"w{kind}{i}") if msg_type == "image" else fields
            post(f"o-{kind}-{i}", msg_type, fields_i)
        STATEMENTS.clear()
        TRACED.clear()
        profiler = cProfile.Profile() if args.profile == kind else None
        WRITER_PROFILE[0] = cProfile.Profile() if args.profile == kind else None
        cpu = time.process_time()
        if profiler:
            profiler.enable()
        for i in range(args.n):
            fields_i = dict(fields, MediaId=f"m{kind}{i}") if msg_type == "image" else fields
            status = post(f"o-{kind}-{i % 10}", msg_type, fields_i)
            if status != 200:
                raise SystemExit(f"{kind}: HTTP {status}")
        if profiler:
            profiler.disable()
        cpu = time.process_time() - cpu
        count = max(args.n, 1)
        writer = sum(n for name, n in STATEMENTS.items() if name == "message-writer")
        other = sum(n for name, n in STATEMENTS.items() if name != "message-writer")
        print(f"{kind:16} {writer / count:12.2f} {other / count:13.2f} {cpu / count * 1000:7.3f}", flush=True)
        if args.show == kind:
            last = TRACED[-40:]
            for name, sql in last:
                print(f"    [{name}] {sql[:300]}")
        if profiler:
            for name, found in (("request path", profiler), ("writer thread", WRITER_PROFILE[0])):
                out = io.StringIO()
                pstats.Stats(found, stream=out).sort_stats(args.sort).print_stats(args.top)
                print(f"--- {name} ---")
                print(out.getvalue())
        WRITER_PROFILE[0] = None
    app.databases.close_all()
    clean_up(folder, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
