"""`python run.py chat`: use the bot from a terminal, through the real webhook code.

Each line typed is posted as signed XML (encrypted too when an EncodingAESKey
is configured) to the real Flask app; the reply is printed. Whatever the bot
sends this user later (an adviser's answer, a notice, a reminder) is printed
when it arrives: at the start what was waiting for them, after each message,
and every few seconds while you type. Outbound calls go to the simulator's
own stand-in of the WeChat API (its own account: its own token, photos kept
across restarts) unless --real-api is given; the chat delivers this user's
messages itself, whether or not a server runs on the same database.

  /photo [PATH]         send a photo (the file; without PATH a drawn sapling)
  /voice [TEXT]         send a voice message (with TEXT as WeChat's recognition)
  /location LAT LNG [NAME]  send a location (NAME: the place name WeChat labels it with)
  /follow [村名|SCENE]  follow (a village's QR code: its name, or its id)
  /unfollow             unfollow (nothing more is sent to you; /follow again)
  /click KEY            click a menu button
  /quit
"""

from __future__ import annotations

import logging
import secrets
import shlex
import sys
import threading
from pathlib import Path

from bot import roster
from bot.simulator import Signer, WeChatUser
from bot.store import outbox as outbox_store
from bot.store import roster as roster_store
from bot.voice import noise_amr

# The simulator's stand-in is an account of its own (credentials even when config.toml has the placeholder);
# its token has its own fetch budget and is kept across runs.
SIMULATOR_APPID = "wx-simulator"
SIMULATOR_SECRET = "simulator-secret"
SIMULATOR_TOKEN = "access_token:simulator"
POLL_SECONDS = 2.0
WAITING = ("queued", "sending", "held", "no_credentials")


def simulator_dir(config) -> Path:
    """Where the simulator's stand-in keeps its account (tokens, media): beside the database."""
    return config.database_path.parent / "simulator"


class Transcript:
    """Prints what the outbox sends this user, each message once, and again when a held one goes out."""

    def __init__(self, app, openid: str, out):
        from bot.outbox import Sender

        self.app, self.openid, self.out = app, openid, out
        self.sender = Sender(app.config, app.api)
        self.shown: dict[int, str] = {}
        self.lock = threading.Lock()

    def waiting(self) -> list[dict]:
        return [r for r in outbox_store.for_user(self.app.db, self.openid) if r["status"] in WAITING]

    def deliver(self, prompt: str = "", jobs: bool = True) -> None:
        """This user's share of the scheduled work (their photos and voice, their messages; with ``jobs`` the
        other scheduled jobs once too, as a ``tick``), then print what changed."""
        from bot import media, scheduler

        now = self.app.clock()  # the program clock (a rehearsal's BOT_NOW too)
        with self.lock:
            for job in scheduler.jobs(self.app) if jobs else ():
                if job.name in ("download_media", "send_outbox"):  # this user's share is below
                    continue
                if job.for_user:  # never the whole county's backlog (a demo's thousands of certificates)
                    job.for_user(self.app, now, self.openid)
                else:
                    job.fn(self.app, now)
            media.download_due(self.app, now, openid=self.openid)
            self.sender.run(self.app.db, now, openid=self.openid)
            self.show(prompt)

    def show(self, prompt: str = "") -> None:
        new = [
            r
            for r in outbox_store.for_user(self.app.db, self.openid)
            if r["status"] != "cancelled" and self.shown.get(r["id"]) not in (r["status"], "sent")
        ]
        if prompt and new:
            print(file=self.out)
        for row in new:
            self.shown[row["id"]] = row["status"]
            print(f"[稍后发送 {row['kind']} via {row['channel'] or '-'}, {row['status']}] {row['text']}", file=self.out)
        if prompt and new:
            print(prompt, end="", file=self.out, flush=True)

    def seen_until_now(self) -> None:
        """What was sent before the session is not news; what still waits is (printed by ``deliver``)."""
        for row in outbox_store.for_user(self.app.db, self.openid):
            if row["status"] not in WAITING:
                self.shown[row["id"]] = row["status"]


def run_chat(
    app, openid: str, with_standin: bool = True, lines=None, out=None, poll_seconds: float | None = None
) -> int:
    """The simulator; ``lines`` instead of stdin (tests), ``poll_seconds`` how often to look for messages while
    waiting for the next line (default: every POLL_SECONDS when reading stdin, never with ``lines``)."""
    from bot.app import create_app
    from bot.standin import WeChatStandIn
    from bot.wechat_api import WeChatAPI

    out = out or sys.stdout
    logging.getLogger().setLevel(logging.WARNING)  # the transcript, not the request log
    wechat = app.config.section("wechat")
    standin, real_api = None, app.api
    if with_standin:
        standin = WeChatStandIn(
            appid=SIMULATOR_APPID, secret=SIMULATOR_SECRET, state_dir=simulator_dir(app.config)
        ).start()
        cfg = app.config.with_overrides(
            {"wechat.api_base_url": standin.url, "wechat.app_id": standin.appid, "wechat.app_secret": standin.secret}
        )
        app.api = WeChatAPI(cfg, app.databases, token_name=SIMULATOR_TOKEN)
    client = create_app(app.config, app).test_client()

    def transport(query: str, body: bytes):
        response = client.post("/wechat?" + query, data=body, content_type="text/xml")
        return response.status_code, response.data

    user = WeChatUser(transport, Signer(wechat["token"], wechat["encoding_aes_key"], wechat["app_id"]), openid=openid)
    transcript = Transcript(app, openid, out)
    transcript.seen_until_now()
    print(f"绿美植树助手 chat as {openid}. Type a message; /help for commands.", file=out)
    waiting = len(transcript.waiting())
    if waiting:
        print(app.t("cli.chat.waiting", n=waiting), file=out)
    transcript.deliver()
    stop = threading.Event()
    every = poll_seconds if poll_seconds is not None else (POLL_SECONDS if lines is None else None)
    if every:
        threading.Thread(
            target=_poll, args=(transcript, stop, every, "你: " if lines is None else ""), daemon=True
        ).start()
    try:
        for line in lines if lines is not None else _stdin_lines():
            line = line.strip()
            if not line:
                continue
            if line in ("/quit", "/exit"):
                break
            if line == "/help":
                print(__doc__.split("\n\n", 2)[2], file=out)
                continue
            try:
                reply = _send(app, user, line, standin)
            except (ValueError, OSError, RuntimeError, IndexError) as exc:
                print(f"! {exc}", file=out)
                continue
            print(f"机器人: {reply if reply is not None else '(no reply)'}", file=out)
            transcript.deliver()
    finally:
        stop.set()
        if standin:
            standin.stop()
            app.api = real_api
    return 0


def _poll(transcript: Transcript, stop: threading.Event, every: float, prompt: str) -> None:
    """While the user types: messages that arrive (an adviser answering from the dashboard) are printed."""
    while not stop.wait(every):
        try:
            transcript.deliver(prompt, jobs=False)
        except Exception as exc:  # noqa: BLE001 - a failed look must not end the chat
            print(f"! {exc}", file=transcript.out)


def _stdin_lines():
    while True:
        try:
            yield input("你: ")
        except EOFError:
            return


def scene_for(app, text: str) -> str:
    """``/follow 埔心村``: the village's QR scene (its id); a number is a scene already."""
    if text.isdigit():
        return text
    found = roster.match_village(text, roster_store.all_villages(app.db))
    if len(found) != 1:
        names = "、".join(v["name"] for v in found[:5])
        raise ValueError(
            app.t("cli.chat.which_village", name=text, names=names)
            if found
            else app.t("cli.chat.no_village", name=text)
        )
    return str(found[0]["id"])


def _drawn_sapling() -> bytes:
    """A photo to send without one at hand: one of the demo's drawn scenes of a freshly planted tree."""
    from bot.demo import jpeg_bytes, scene_image

    return jpeg_bytes(scene_image(secrets.randbelow(10**9)))


def _send(app, user: WeChatUser, line: str, standin) -> str | None:
    if not line.startswith("/"):
        return user.says(line)
    command, *rest = shlex.split(line)
    if command == "/photo":
        data = Path(rest[0]).read_bytes() if rest else _drawn_sapling()
        media_id = "chat-" + secrets.token_hex(8)
        if standin:
            standin.add_media(media_id, data)
        return user.sends_photo(media_id, f"{standin.url}pic/{media_id}" if standin else "")
    if command == "/voice":
        media_id = "chat-voice-" + secrets.token_hex(8)
        if standin:
            standin.add_media(media_id, noise_amr(2.0, secrets.randbelow(10**9)), "audio/amr")  # plays on the dashboard
        return user.sends_voice(media_id, " ".join(rest) or None)
    if command == "/location":
        if len(rest) < 2:
            raise ValueError(app.t("cli.chat.needs", command=command, what="LAT LNG [NAME]"))
        return user.sends_location(float(rest[0]), float(rest[1]), " ".join(rest[2:]))
    if command == "/follow":
        return user.follows(scene_for(app, " ".join(rest)) if rest else None)
    if command == "/unfollow":
        user.unfollows()
        return None
    if command == "/click":
        if not rest:
            raise ValueError(app.t("cli.chat.needs", command=command, what="KEY"))
        return user.clicks(rest[0])
    raise ValueError(f"unknown command {command}; /help lists them")
