"""Mixed traffic from 200 villagers against the real server, then the database checked against what was sent.

    .venv/bin/python bench/load.py [--seconds 180] [--rate 40] [--users 200] [--kill] [--processes N] [--workers N]

Set-up: a temp folder with a config, a roster (10 villages, one person per villager) imported with
``run.py import``, and the WeChat API stand-in (bot/standin.py) running in this process: it serves
every photo and voice (media/get) and records every message the bot sends.

Servers: by default one ``run.py serve`` (webhook + scheduler + sender in one process). With
``--processes N``: N ``serve --no-scheduler`` on different ports plus one ``run.py worker``, all on
one database; each request goes to one of them in turn. With ``--workers N``: one ``run.py serve --workers N``
(a pre-fork master, N workers on one port, the scheduler and sender in worker 0).

Traffic: ``--users`` villagers, each following a script (follow, 登记 name village, the phone check's last 4
digits, an FAQ question, "3棵桂花", a photo, a location, 我的进度, a menu click, a voice question, sometimes
问专家 …), paced to ``--rate`` messages/s in all; 5 % of messages are posted twice (WeChat's retries), and a request
that fails is tried again up to 3 times in all, as WeChat does. A side thread queues an outbound
message (as an adviser's answer would) four times a second.

``--kill``: halfway, the first server is killed with SIGKILL (no clean-up), restarted on the same
port 1 s later, and the load continues; with ``--workers``, worker 0 (the one running the scheduler and
sender) is killed and its master restarts it, and at three quarters the writer process that applies every worker's
messages (``server.writer_process``), which the master restarts too. The drain then waits up to 330 s: an outbound message the
killed process had claimed is taken back by the sender after ``bot.outbox.STALE_CLAIM`` (5 min).

Afterwards (once downloads and sends have drained, ``--drain`` s at most) it prints throughput,
p50/p99 latency, errors, and checks: every message that got a 200 is in ``inbox`` exactly once,
nothing is in ``inbox`` that was never sent, no record is half-written (every inbox row has its
reply, every media row its inbox row, integrity_check ok), every acked photo/voice has its media
row and was downloaded, every queued outbound message was sent, and nobody received one twice.
Everything stays on 127.0.0.1; every loop is bounded in time and count.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import (  # noqa: E402
    PYTHON,
    ROOT,
    Client,
    ServerProcess,
    Stats,
    clean_up,
    free_port,
    report_checks,
    rss_mb,
    write_config,
)
from bot import outbox  # noqa: E402
from bot.db import connect, transaction  # noqa: E402
from bot.incoming import parse  # noqa: E402
from bot.simulator import Signer, message_xml  # noqa: E402
from bot.standin import WeChatStandIn  # noqa: E402

TOKEN = "load-token"
APP_ID = "wxload000000000000"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "国庆", "玉梅", "文华", "春生"]
VILLAGES = [f"{name}村" for name in ("埔心", "石岭", "新塘", "龙口", "禾田", "东坑", "西山", "南岗", "北溪", "莲塘")]
QUESTIONS = ["桂花什么时候种", "香樟要浇多少水", "树苗叶子发黄怎么办", "种树挖多大的坑", "荔枝什么时候施肥"]


# -- set-up ------------------------------------------------------------------------------------------
def small_jpeg(seed: int) -> bytes:
    from PIL import Image

    rnd = random.Random(seed)
    image = Image.new("RGB", (320, 240), (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    for _ in range(30):
        x, y = rnd.randrange(300), rnd.randrange(220)
        image.paste((rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)), (x, y, x + 20, y + 20))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def people(users: int) -> list[tuple[str, str, str]]:
    """(openid, name, village) for each simulated villager; names are unique."""
    names = [s + g for g in GIVEN for s in SURNAMES]
    return [
        (
            f"o-load-{n:03d}",
            names[n % len(names)] + ("" if n < len(names) else str(n // len(names))),
            VILLAGES[n % len(VILLAGES)],
        )
        for n in range(users)
    ]


def phone(n: int) -> str:
    """The roster phone of the crowd's n-th villager (登记 then asks for its last 4 digits)."""
    return f"138{n:08d}"


def import_roster(config: Path, folder: Path, crowd: list[tuple[str, str, str]]) -> None:
    villages = folder / "villages.csv"
    villages.write_text("名称,类型,镇街,户数\n" + "".join(f"{v},村,绿美镇,300\n" for v in VILLAGES), encoding="utf-8")
    roster = folder / "people.csv"
    roster.write_text(
        "姓名,村社区,角色,手机,出生年份\n"
        + "".join(
            f"{name},{village},{'党员' if i % 5 == 0 else '群众'},{phone(i)},{1950 + i % 50}\n"
            for i, (_, name, village) in enumerate(crowd)
        ),
        encoding="utf-8",
    )
    for kind, path in (("villages", villages), ("people", roster)):
        subprocess.run(
            [PYTHON, str(ROOT / "run.py"), "--config", str(config), "import", kind, str(path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


# -- traffic -----------------------------------------------------------------------------------------
class Villager:
    """One follower's script, cycling after registration."""

    def __init__(self, openid: str, name: str, village: str, standin: WeChatStandIn, seed: int):
        self.openid, self.name, self.village = openid, name, village
        self.phone = phone(seed)  # seed: its place in the crowd, as in import_roster
        self.standin = standin
        self.step = 0
        self.rnd = random.Random(seed)
        self.media_no = 0

    def _media(self, kind: str) -> str:
        self.media_no += 1
        media_id = f"{kind}-{self.openid}-{self.media_no}"
        data = small_jpeg(hash(media_id) & 0xFFFF) if kind == "img" else b"#!AMR\n" + media_id.encode()
        self.standin.add_media(media_id, data, "image/jpeg" if kind == "img" else "audio/amr")
        return media_id

    def next_xml(self) -> str:
        step, self.step = self.step, self.step + 1
        o = self.openid
        if step == 0:
            return message_xml(o, "event", {"Event": "subscribe"}, with_msg_id=False)
        if step == 1:
            return message_xml(o, "text", {"Content": f"登记 {self.name} {self.village}"})
        if step == 2:  # the phone check
            return message_xml(o, "text", {"Content": self.phone[-4:]})
        cycle = (step - 3) % 10
        if cycle == 0:
            return message_xml(o, "text", {"Content": self.rnd.choice(QUESTIONS)})
        if cycle == 1:
            return message_xml(o, "text", {"Content": f"{self.rnd.randint(1, 5)}棵桂花"})
        if cycle == 2:
            return message_xml(o, "image", {"PicUrl": "", "MediaId": self._media("img")})
        if cycle == 3:
            return message_xml(
                o,
                "location",
                {
                    "Location_X": 23.1 + self.rnd.random() / 100,
                    "Location_Y": 114.4 + self.rnd.random() / 100,
                    "Scale": 15,
                    "Label": f"{self.village}东头",
                },
            )
        if cycle == 4:
            return message_xml(o, "text", {"Content": "我的进度"})
        if cycle == 5:
            return message_xml(o, "event", {"Event": "CLICK", "EventKey": "HELP"}, with_msg_id=False)
        if cycle == 6:
            return message_xml(
                o,
                "voice",
                {"MediaId": self._media("voice"), "Format": "amr", "Recognition": self.rnd.choice(QUESTIONS)},
            )
        if cycle == 7:
            return message_xml(
                o,
                "event",
                {"Event": "LOCATION", "Latitude": 23.1, "Longitude": 114.4, "Precision": 30},
                with_msg_id=False,
            )
        if cycle == 8 and step % 30 == 10:
            return message_xml(o, "text", {"Content": "问专家 树苗叶子卷起来了怎么办"})
        return message_xml(o, "text", {"Content": "帮助"})


class Load:
    def __init__(self, ports: list[int], signer: Signer):
        self.ports = ports
        self.signer = signer
        self.lock = threading.Lock()
        self.stats = Stats()
        self.attempted: set[tuple[str, str]] = set()  # (openid, msg_key) of everything posted at all
        self.acked: set[tuple[str, str]] = set()  # ... of everything that got a 200
        self.acked_media: set[str] = set()
        self.given_up = 0  # messages that failed all 3 tries (WeChat would drop them too)
        self.posts = 0

    def send(self, clients: list[Client], turn: int, xml: str) -> None:
        message = parse(xml)
        key = (message.openid, message.dedupe_key)
        with self.lock:
            self.attempted.add(key)
        for attempt in range(3):  # WeChat tries 3 times in all
            client = clients[(turn + attempt) % len(clients)]
            query, body = self.signer.wrap(xml)
            started = time.perf_counter()
            try:
                status, _ = client.post("/wechat?" + query, body)
                if status != 200:
                    raise RuntimeError(f"HTTP {status}")
            except Exception as exc:  # noqa: BLE001 - counted; WeChat would retry
                with self.lock:
                    self.stats.error(type(exc).__name__ if not str(exc).startswith("HTTP") else str(exc))
                time.sleep(2.5)  # WeChat waits 5 s for an answer before it retries
                continue
            with self.lock:
                self.stats.latencies.append(time.perf_counter() - started)
                self.acked.add(key)
                if message.media_id:
                    self.acked_media.add(message.media_id)
                self.posts += 1
            return
        with self.lock:
            self.given_up += 1

    def run_thread(self, villagers: list[Villager], rate_per_thread: float, deadline: float, seed: int) -> None:
        clients = [Client(port, timeout=10) for port in self.ports]
        rnd = random.Random(seed)
        interval = 1.0 / rate_per_thread
        next_at = time.monotonic() + rnd.random() * interval
        turn = seed
        while time.monotonic() < deadline:
            pause = next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            next_at += interval
            villager = villagers[turn % len(villagers)]
            xml = villager.next_xml()
            self.send(clients, turn, xml)
            if rnd.random() < 0.05:  # WeChat's retry of the same push
                self.send(clients, turn + 1, xml)
            turn += 1


def queue_answers(database: Path, load: Load, stop: threading.Event, queued: list[str]) -> None:
    """Outbound messages queued while the load runs (as advisers' answers would be)."""
    db = connect(database)
    n = 0
    while not stop.wait(0.25) and n < 10_000:
        with load.lock:
            registered = sorted({openid for openid, key in load.acked})
        if not registered:
            continue
        openid = registered[n % len(registered)]
        key = f"load-answer-{n}"
        with transaction(db):
            outbox.enqueue(db, openid=openid, kind="answer", text=key, dedupe_key=key, now=datetime.now(UTC))
        queued.append(key)
        n += 1
    db.close()


# -- checks ------------------------------------------------------------------------------------------
def drain(database: Path, seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    db = sqlite3.connect(database)
    while True:
        pending = db.execute("SELECT COUNT(*) FROM media WHERE status = 'pending'").fetchone()[0]
        unsent = db.execute(
            "SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending') AND dedupe_key LIKE 'load-answer-%'"
        ).fetchone()[0]
        if (pending == 0 and unsent == 0) or time.monotonic() > deadline:
            db.close()
            return {"media pending": pending, "outbox unsent": unsent}
        time.sleep(1)


def check(database: Path, load: Load, standin: WeChatStandIn, queued: list[str]) -> dict[str, bool]:
    db = sqlite3.connect(database)
    rows = db.execute("SELECT openid, msg_key FROM inbox").fetchall()
    in_db = Counter(rows)
    lost = load.acked - set(in_db)
    invented = set(in_db) - load.attempted
    doubled = [k for k, n in in_db.items() if n > 1]
    half = {
        "inbox rows without a reply record": db.execute("SELECT COUNT(*) FROM inbox WHERE handler IS NULL").fetchone()[
            0
        ],
        "media rows without their inbox row": db.execute(
            "SELECT COUNT(*) FROM media m LEFT JOIN inbox i ON i.id = m.inbox_id WHERE i.id IS NULL"
        ).fetchone()[0],
    }
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    media_ids = {r[0] for r in db.execute("SELECT media_id FROM media")}
    media_status = Counter(r[0] for r in db.execute("SELECT status FROM media"))
    outbox_status = Counter(r[0] for r in db.execute("SELECT status FROM outbox WHERE dedupe_key LIKE 'load-answer-%'"))
    handlers = Counter(r[0] for r in db.execute("SELECT handler FROM inbox"))
    db.close()
    received = Counter(m["text"] for m in standin.sent if m["text"].startswith("load-answer-"))
    twice = [text for text, n in received.items() if n > 1]
    print(
        f"inbox: {sum(in_db.values())} rows for {len(load.acked)} acked messages "
        f"({len(load.attempted) - len(load.acked)} posted but never acked, {load.given_up} given up after 3 tries)"
    )
    print(f"handlers: {dict(handlers.most_common(12))}")
    print(
        f"media: {dict(media_status)}; outbox (queued by the bench): {dict(outbox_status)} of {len(queued)}; "
        f"stand-in received {sum(received.values())} of them"
    )
    for what, n in half.items():
        print(f"{what}: {n}")
    checks = {
        "every acked message in inbox (none lost)": not lost,
        "nothing in inbox that was never sent": not invented,
        "no message recorded twice": not doubled,
        "no half-written record": not any(half.values()),
        "integrity_check ok": integrity == "ok",
        "every acked photo/voice has its media row": load.acked_media <= media_ids,
        "every media row downloaded (stored)": set(media_status) <= {"stored"},
        "every queued outbound message sent": outbox_status == Counter({"sent": len(queued)}),
        "nobody received a message twice": not twice,
    }
    if lost:
        print(f"  lost (first 5): {sorted(lost)[:5]}")
    if twice:
        print(f"  received twice (first 5): {twice[:5]}")
    return checks


def kill_a_worker(server: ServerProcess, log_path: Path, load: Load, started: float, writer: bool = False) -> bool:
    """SIGKILL worker 0 of a `serve --workers N` (it runs the scheduler and sender), or with ``writer`` the writer
    process that applies every worker's messages; the master restarts it. False if there is no writer process."""
    log = log_path.read_text(encoding="utf-8")
    found = re.findall(r"writer process \(pid (\d+)\)" if writer else r"worker 0 \(pid (\d+)\) serving", log)
    if not found:
        return False
    pid, name = int(found[-1]), "the writer process" if writer else "worker 0"
    before = set(server.children())
    print(f"SIGKILL {name}, pid {pid}, at {time.monotonic() - started:.0f} s ({load.posts} acked so far)", flush=True)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = set(server.children())
        if len(now) == len(before) and pid not in now:
            print(f"restarted by the master as pid {(now - before).pop()} at {time.monotonic() - started:.0f} s")
            return True
        time.sleep(0.05)
    print(f"the master did not restart {name} within 60 s", flush=True)
    return True


# -- main --------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--rate", type=float, default=40, help="messages/s in all (a village campaign's peak)")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--threads", type=int, default=20, help="client threads (users are split among them)")
    parser.add_argument("--processes", type=int, default=0, help="N webhook processes + one worker")
    parser.add_argument("--workers", type=int, default=0, help="one `serve --workers N` (a pre-fork master)")
    parser.add_argument(
        "--kill",
        action="store_true",
        help="SIGKILL the first server halfway and restart it (with --workers: worker 0 halfway and the writer process "
        "at three quarters, restarted by the master)",
    )
    parser.add_argument("--drain", type=float, default=120, help="max seconds to wait for downloads and sends")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (database, logs)")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    standin = WeChatStandIn(appid=APP_ID, secret="load-secret").start()
    crowd = people(args.users)
    config = write_config(
        folder,
        {
            "wechat.token": TOKEN,
            "wechat.app_id": APP_ID,
            "wechat.app_secret": "load-secret",
            "wechat.api_base_url": standin.url,
            "outbox.send_interval_seconds": 1,
            "media.download_interval_seconds": 1,
        },
    )
    database = folder / "data" / "bot.db"
    servers: list[ServerProcess] = []
    stop = threading.Event()
    try:
        import_roster(config, folder, crowd)
        if args.processes:
            servers = [
                ServerProcess.serve(config, free_port(), log_path=folder / f"serve-{n}.log")
                for n in range(args.processes)
            ]
            servers.append(ServerProcess.worker(config, log_path=folder / "worker.log"))
        elif args.workers:
            servers = [
                ServerProcess.serve(
                    config, free_port(), scheduler=True, workers=args.workers, log_path=folder / "serve-0.log"
                )
            ]
        else:
            servers = [ServerProcess.serve(config, free_port(), scheduler=True, log_path=folder / "serve-0.log")]
        for server in servers:
            server.start()
        ports = [s.port for s in servers if s.port]
        mode = (
            f"{args.processes} webhook processes + 1 worker"
            if args.processes
            else f"serve --workers {args.workers}"
            if args.workers
            else "1 process (serve)"
        )
        print(
            f"{mode}, {args.users} villagers, {args.rate:.0f} msg/s for {args.seconds:.0f} s"
            f"{', SIGKILL halfway' if args.kill else ''}",
            flush=True,
        )

        load = Load(ports, Signer(TOKEN))
        villagers = [Villager(o, name, village, standin, n) for n, (o, name, village) in enumerate(crowd)]
        per_thread = [villagers[i :: args.threads] for i in range(args.threads)]
        deadline = time.monotonic() + args.seconds
        queued: list[str] = []
        side = threading.Thread(target=queue_answers, args=(database, load, stop, queued), daemon=True)
        threads = [
            threading.Thread(target=load.run_thread, args=(group, args.rate / args.threads, deadline, n), daemon=True)
            for n, group in enumerate(per_thread)
        ]
        started = time.monotonic()
        for thread in threads + [side]:
            thread.start()
        if args.kill and args.workers:
            time.sleep(args.seconds / 2)
            kill_a_worker(servers[0], folder / "serve-0.log", load, started)
            time.sleep(args.seconds / 4)  # then the writer process (server.writer_process), if there is one
            kill_a_worker(servers[0], folder / "serve-0.log", load, started, writer=True)
        elif args.kill:
            time.sleep(args.seconds / 2)
            victim = servers[0]
            print(
                f"SIGKILL pid {victim.pid} at {time.monotonic() - started:.0f} s ({load.posts} messages acked so far)",
                flush=True,
            )
            victim.kill()
            time.sleep(1)
            victim.start()
            print(f"restarted as pid {victim.pid} at {time.monotonic() - started:.0f} s", flush=True)
        while any(t.is_alive() for t in threads):
            for server in servers:
                server.rss()
                for child in server.children():
                    server.peak_rss = max(server.peak_rss, rss_mb(child))
            time.sleep(0.5)
        load.stats.elapsed = time.monotonic() - started
        stop.set()
        side.join()
        print(f"load: {load.stats.line()}", flush=True)
        if load.stats.errors:
            print(f"  errors by kind: {dict(load.stats.errors)}")
        print(f"peak RSS: {', '.join(f'{s.argv[-1] if not s.port else s.port}: {s.peak_rss:.0f} MB' for s in servers)}")
        if args.kill and args.drain < 330:
            # a message the killed process had claimed (status 'sending') is taken back after
            # bot.outbox.STALE_CLAIM (5 minutes): wait that long to see it delivered, once
            args.drain = 330
        print(f"drain: {drain(database, args.drain)}", flush=True)
        checks = check(database, load, standin, queued)
    finally:
        stop.set()
        for server in servers:
            server.stop()
        standin.stop()
        clean_up(folder, args.keep)
    return report_checks(checks)


if __name__ == "__main__":
    sys.exit(main())
