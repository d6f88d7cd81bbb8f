"""Blueprint /wechat: verify → decrypt → parse → (writer thread: dedupe → route) → reply.

Request threads check, decrypt and parse in parallel; the message itself is applied by the one
writer thread (bot/writer.py), which commits messages in groups, each message all-or-nothing.
Nothing here waits on the network: outbound messages are queued in the outbox and media ids
recorded for the download job, both in the same transaction as the dedupe row, the conversation
state and any record.

A push (POST /wechat with a body of known length) is answered by ``FastPath``, WSGI middleware the app
factory puts in front of Flask, with the same ``answer`` as the blueprint's view, which takes the rest
(a body without a length, or over the limit: 413) and the GET URL verification.
"""

from __future__ import annotations

import dataclasses
import logging
import operator
import pickle
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, request
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from bot import clock, escalation
from bot import writer as writer_module
from bot.checkpoints import Checkpointer
from bot.context import AppContext, Ctx
from bot.db import connect
from bot.incoming import MEDIA_TYPES, Incoming, MalformedMessage, parse, parse_xml
from bot.logs import hash_openid
from bot.replay_guard import ReplayGuard, Seen
from bot.router import ASK, Plan, PlanCache, dispatch, immutable, plan
from bot.store import inbox, json_text, media, outbox, users
from bot.writer import MessageWriter, RemoteWriter

log = logging.getLogger("bot.webhook")
bp = Blueprint("wechat", __name__)

REPLAYED = "replayed"  # the handler name process() gives a refused replay (nothing of it is kept)


class Replayed(Exception):
    """A plaintext push's (timestamp, nonce) was already seen with another body."""


def _app() -> AppContext:
    return current_app.extensions["bot"]


@bp.record_once
def _warn_accept_plaintext(state) -> None:
    config = state.app.extensions["bot"].config
    if config.aes_mode and config.get("wechat.accept_plaintext"):
        log.warning(
            "wechat.accept_plaintext is on: plaintext pushes are accepted beside encrypted ones; "
            "turn it off once the console is switched to safe mode"
        )


Answer = tuple[int, str, str]  # (status, body, mimetype)


def _refuse(status: int, reason: str, remote_addr: str | None) -> Answer:
    log.warning("refused %s: %s (from %s)", status, reason, remote_addr)
    return status, "forbidden" if status == 403 else "bad request", "text/plain"


def _signature_ok(token: str, signature: str, timestamp: str, nonce: str) -> bool:
    try:
        check_signature(token, signature, timestamp, nonce)
        return True
    except InvalidSignatureException:
        return False


def _fresh(app: AppContext, timestamp: str) -> bool:
    """WeChat's timestamps are real: the wall clock, even on a rehearsal clock (bot/clock.py)."""
    max_age = int(app.config.get("server.signature_max_age_seconds"))
    try:
        return abs(clock.utcnow().timestamp() - int(timestamp)) <= max_age
    except ValueError:
        return False


@bp.get("/wechat")
def verify_url():
    app = _app()
    args = request.args
    if not _signature_ok(
        app.config.get("wechat.token"), args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", "")
    ):
        return _response(_refuse(403, "bad signature on URL verification", request.remote_addr))
    return Response(args.get("echostr", ""), mimetype="text/plain")


@bp.post("/wechat")
def receive():
    """Flask's way in (a body without a length, or over server.max_body_bytes: 413 by the app's handler); the
    usual push comes through ``FastPath`` instead, with the same answer."""
    return _response(answer(_app(), request.args, request.remote_addr, lambda: request.get_data(cache=False)))


def _response(answered: Answer) -> Response:
    status, body, mimetype = answered
    return Response(body, status=status, mimetype=mimetype)


def answer(app: AppContext, args: Mapping[str, str], remote_addr: str | None, read_body: Callable[[], bytes]) -> Answer:
    """A push to POST /wechat: (status, body, mimetype). ``args``: the query parameters (the first of each name)."""
    timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
    if not _fresh(app, timestamp):
        return _refuse(403, "stale or missing timestamp", remote_addr)
    body = read_body()
    aes = args.get("encrypt_type") == "aes"
    crypto = _crypto(app)
    seen = None  # plaintext only: (timestamp, nonce, body digest) for the replay guard
    if aes:
        if crypto is None:
            return _refuse(400, "encrypted message but no EncodingAESKey configured", remote_addr)
        try:
            envelope = parse_xml(body)
            if "Encrypt" not in envelope:
                raise MalformedMessage("no Encrypt element")
            body = crypto.decrypt_message(envelope, args.get("msg_signature", ""), timestamp, nonce)
        except InvalidSignatureException:
            return _refuse(403, "bad msg_signature", remote_addr)
        except InvalidAppIdException:
            return _refuse(403, "message for another appid", remote_addr)
        except MalformedMessage as exc:
            return _refuse(400, str(exc), remote_addr)
        except Exception as exc:  # noqa: BLE001 - bad base64, wrong key, bad padding: all unreadable
            return _refuse(400, f"cannot decrypt: {type(exc).__name__}", remote_addr)
    elif crypto is not None and not app.config.get("wechat.accept_plaintext"):
        return _refuse(
            403, "plaintext push while an EncodingAESKey is set (safe mode takes encrypted pushes only)", remote_addr
        )
    elif not _signature_ok(app.config.get("wechat.token"), args.get("signature", ""), timestamp, nonce):
        return _refuse(403, "bad signature", remote_addr)
    else:
        if crypto is not None:
            log.warning("plaintext push accepted because wechat.accept_plaintext is on (from %s)", remote_addr)
        seen = Seen.of(timestamp, nonce, body)  # the plaintext signature does not cover the body
    try:
        incoming = parse(body)
    except MalformedMessage as exc:
        return _refuse(400, str(exc), remote_addr)
    try:
        reply = handle(app, incoming, seen)
    except Replayed:
        return _refuse(403, "timestamp and nonce already seen with another body (replay)", remote_addr)
    except Exception:  # noqa: BLE001 - not committed (logged by the writer): WeChat retries a 5xx
        log.warning("message %s not committed; answered 503 so WeChat retries", incoming.dedupe_key)
        return 503, "busy", "text/plain"
    if reply is None:
        return 200, "success", "text/plain"
    xml = render_text_reply(incoming, reply)
    if aes:
        assert crypto is not None  # refused above otherwise
        xml = crypto.encrypt_message(xml, nonce, timestamp)
    return 200, xml, "application/xml"


class FastPath:
    """WSGI middleware of the app factory: POST /wechat answered without Flask's request machinery (URL matching,
    the request and app contexts, the session, the before/after request hooks, a Response object: ~0.1 ms of a
    push's GIL time, issue 21), with the same answer as the Flask view ``receive``: none of the app's hooks acts on
    /wechat (the dashboard's guard is its blueprint's, its security headers are for /admin only, and a push has no
    session to open or save). What is not a plain push (another path or method, a body without a length or over
    server.max_body_bytes) goes to Flask. An error in it is logged and answered as Flask would: 500."""

    def __init__(self, flask_app, wsgi_app):
        self.flask_app = flask_app
        self.wsgi_app = wsgi_app
        self.statuses = {code: Response(status=code).status for code in (200, 400, 403, 500, 503)}

    def __call__(self, environ, start_response):
        length = environ.get("CONTENT_LENGTH") or ""
        max_body = self.flask_app.config["MAX_CONTENT_LENGTH"]
        if (
            environ.get("PATH_INFO") != "/wechat"
            or environ.get("REQUEST_METHOD") != "POST"
            or not length.isdigit()
            or (max_body is not None and int(length) > max_body)
        ):
            return self.wsgi_app(environ, start_response)
        try:
            app = self.flask_app.extensions["bot"]
            args = query_args(environ.get("QUERY_STRING", ""))
            status, body, mimetype = answer(
                app, args, environ.get("REMOTE_ADDR"), lambda: environ["wsgi.input"].read(int(length))
            )
        except Exception:  # as Flask's handle_exception and the app's 500 handler
            self.flask_app.logger.error("Exception on /wechat [POST]", exc_info=True)
            status, body, mimetype = 500, "internal error", "text/plain"
        data = body.encode()
        start_response(
            self.statuses[status],
            [("Content-Type", f"{mimetype}; charset=utf-8"), ("Content-Length", str(len(data)))],
        )
        return [data]


def query_args(query: str) -> dict[str, str]:
    """The query parameters as werkzeug's ``Request.args`` reads them, the first of each name. WeChat's are plain
    ASCII (signature, timestamp, nonce, openid, encrypt_type, msg_signature): with no ``%`` or ``+`` to undo, splitting
    gives what ``parse_qsl`` gives (tests/unit/test_webhook_query.py compares them), in a tenth of its time."""
    args: dict[str, str] = {}
    if query.isascii() and "%" not in query and "+" not in query:
        for pair in query.split("&"):
            if pair:
                name, _, value = pair.partition("=")
                args.setdefault(name, value)  # MultiDict.get: the first
        return args
    for name, value in parse_qsl(
        query.encode("latin1").decode(),  # as werkzeug's Request.args reads it
        keep_blank_values=True,
        errors="werkzeug.url_quote",
    ):
        args.setdefault(name, value)
    return args


def _crypto(app: AppContext) -> WeChatCrypto | None:
    """The safe-mode cipher, built once per process (None in plaintext mode)."""

    def build(a: AppContext) -> WeChatCrypto | None:
        key = a.config.get("wechat.encoding_aes_key")
        return WeChatCrypto(a.config.get("wechat.token"), key, a.config.get("wechat.app_id")) if key else None

    return app.service("wechat_crypto", build)


def escape_cdata(text: str) -> str:
    """Text goes in CDATA, where ``]]>`` would close the section: split it so it cannot."""
    return text.replace("]]>", "]]]]><![CDATA[>")


# wechatpy's TextReply.render() to the byte (a test compares them), as one format: about 1.6 µs a reply instead of
# 8 µs for building the reply object and its field descriptors (issue 21; a small part of a message's ~0.6 ms).
TEXT_REPLY = (
    "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[{content}]]></Content>\n"
    "<FromUserName><![CDATA[{source}]]></FromUserName>\n<ToUserName><![CDATA[{target}]]></ToUserName>\n"
    "<CreateTime>{time}</CreateTime>\n</xml>"
)


def render_text_reply(incoming: Incoming, text: str, now: float | None = None) -> str:
    """The passive text reply to ``incoming`` (the account answers the sender)."""
    return TEXT_REPLY.format(
        content=escape_cdata(text),
        source=escape_cdata(incoming.account),
        target=escape_cdata(incoming.openid),
        time=int(time.time() if now is None else now),
    )


@dataclass(slots=True)
class Job:
    """One push handed to the writer thread."""

    incoming: Incoming
    now: datetime  # the message's moment
    now_s: str  # the moment as stored (bot/clock.py ``to_db``)
    payload: str  # the inbox row's payload (JSON); both made by the request thread, outside the write lock
    started: float  # perf_counter when the request thread took it (the inbox row's latency)
    seen: Seen | None  # a plaintext push's (timestamp, nonce, body digest) for the replay guard
    planned: Plan | None  # read_ahead's plan
    replayed: bool = False  # set by _admit: its pair was seen with another body


def _writer(app: AppContext) -> MessageWriter | RemoteWriter:
    """The one thread that applies incoming messages and commits them in groups (bot/writer.py); in a worker of
    ``serve --workers N``, the writer process that does it for every worker."""
    if writer_module.remote_address is not None:
        address = writer_module.remote_address
        return app.service(
            "remote_writer",
            lambda a: RemoteWriter(
                address,
                encode=lambda job: _encoded(a, job, with_plan=True),
                encode_again=lambda job: _encoded(a, job, with_plan=False),
            ),
        )
    return _local_writer(app)


def _local_writer(app: AppContext) -> MessageWriter:
    def build(a: AppContext) -> MessageWriter:
        return MessageWriter(
            a.databases,
            apply=lambda db, job: _apply(a, db, job),
            on_error=lambda db, job: _keep_failed(a, db, job),
            begin=lambda db, jobs, careful: _admit(a, db, jobs, careful),
            end=lambda db, jobs: inbox.write_batch(db),
            checkpoints=Checkpointer(a.databases),
        )

    return app.service("message_writer", build)


# What crosses to the writer process, as plain tuples (a pickle of the dataclasses and an aware datetime cost 3-4 times
# as much CPU on each side): the message's fields in ``Incoming``'s order, the moment as a UTC timestamp when it is in
# UTC, the plan's routes by their place in ``app.routes`` (the writer process, forked from the same master, has the
# same list) with ``None`` for ``ASK`` (a plan keeps no other falsy reading).
_incoming_values = operator.attrgetter(*(f.name for f in dataclasses.fields(Incoming)))


class _Plans:
    """Plans as they cross to the writer process, kept: in a worker each plan's pickle by the plan's id (with the plan,
    so that the id is not another's), in the writer process each pickle's plan when its reads are immutable (as
    bot/router.py ``PlanCache`` keeps them). A repeated text has the same plan object, and a question's plan asks some 40
    routes: encoding and decoding it cost ~10 µs a message, the writer process's share serial, and it was most of a
    frame's pickle (issue 21, eleventh round). At most ``KEPT``, then anew."""

    KEPT = 4096

    def __init__(self) -> None:
        self.by_id: dict[Any, Any] = {}

    def keep(self, key: Any, value: Any) -> None:
        if len(self.by_id) >= self.KEPT:
            self.by_id = {}
        self.by_id[key] = value


def _encoded(app: AppContext, job: Job, with_plan: bool) -> tuple:
    """``job`` as it is sent to the writer process; without its plan when ``with_plan`` is False (what a matcher read
    could not be pickled: the writer process asks every route itself)."""
    planned = None
    if with_plan and job.planned is not None:
        plans = app.service("encoded_plans", lambda _a: _Plans())
        kept = plans.by_id.get(id(job.planned))
        if kept is not None and kept[0] is job.planned:  # a repeated text's plan (bot/router.py PlanCache)
            planned = kept[1]
        else:
            places = app.service("route_places", lambda a: {id(route): place for place, route in enumerate(a.routes)})
            try:
                planned = pickle.dumps(
                    tuple((places[id(route)], None if read is ASK else read) for route, read in job.planned),
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            except (pickle.PicklingError, TypeError, AttributeError):
                planned = None  # what a matcher read cannot cross: the writer process asks every route itself
            else:
                plans.keep(id(job.planned), (job.planned, planned))
    now = job.now.timestamp() if job.now.tzinfo is UTC else job.now
    seen = None if job.seen is None else (job.seen.timestamp, job.seen.nonce, job.seen.digest)
    incoming = job.incoming
    faq = escalation.faq_matched_ahead(app, incoming.text or "") if incoming.msg_type == "text" else None
    faq_crossing = None if faq is None else (faq[0], _faq_pickle(app, faq[1]))
    # esc101: what a handler matches besides the whole text (问专家's question alone), when matched ahead
    also = escalation.faq_also_read((incoming.text or "").strip()) if incoming.msg_type == "text" else ()
    also_crossing = tuple(
        (text, found[0], _faq_pickle(app, found[1]))
        for text in also
        if (found := escalation.faq_matched_ahead(app, text)) is not None
    )
    return (
        _incoming_values(incoming),
        now,
        job.now_s,
        job.payload,
        job.started,
        seen,
        planned,
        faq_crossing,
        also_crossing,
    )


def _faq_pickle(app: AppContext, result: Any) -> bytes:
    """An FAQ answer matched ahead, as it crosses to the writer process: its pickle, made once a result (a repeated
    question's answer is the same kept object) and decoded once a pickle there (``_faq_result``), as plans are
    (``_Plans``): a ``FaqResult`` is a frozen dataclass, ~4.5 µs a message to unpickle in the serial writer process
    (issue 21, fourteenth round)."""
    pickles = app.service("encoded_faq_answers", lambda _a: _Plans())
    kept = pickles.by_id.get(id(result))
    if kept is not None and kept[0] is result:
        return kept[1]
    data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    pickles.keep(id(result), (result, data))
    return data


def _faq_result(app: AppContext, data: bytes) -> Any:
    """``_faq_pickle`` undone, in the writer process: the same result object for the same pickle (it is immutable)."""
    results = app.service("decoded_faq_answers", lambda _a: _Plans())
    result = results.by_id.get(data)
    if result is None:
        result = pickle.loads(data)
        results.keep(data, result)
    return result


def _decoded(app: AppContext, encoded: tuple) -> Job:
    """A job from a worker, in the writer process (``_encoded`` undone), outside the group's transaction."""
    values, now, now_s, payload, started, seen, planned, faq, also = encoded
    if planned is not None:
        plans = app.service("decoded_plans", lambda _a: _Plans())
        kept = plans.by_id.get(planned)  # by its pickle: the same reads, of the same types
        if kept is None:
            routes = app.routes
            kept = tuple((routes[place], ASK if read is None else read) for place, read in pickle.loads(planned))
            if all(immutable(read) for _route, read in kept):  # a handler may change a match it is handed
                plans.keep(planned, kept)
        planned = kept
    incoming = Incoming(*values)
    if faq is not None:  # the worker's answer matched ahead: not matched again here
        committed, result = faq
        escalation.offer_faq_answer(app, app.databases.get(), incoming.text or "", committed, _faq_result(app, result))
    for text, committed, result in also:  # esc101: 问专家's question alone, likewise
        escalation.offer_faq_answer(app, app.databases.get(), text, committed, _faq_result(app, result))
    return Job(
        incoming,
        datetime.fromtimestamp(now, UTC) if isinstance(now, float) else now,
        now_s,
        payload,
        started,
        None if seen is None else Seen(*seen),
        planned,
    )


def serve_writer_process(app: AppContext, listener, stopping: Callable[[], bool]) -> None:
    """The writer process of ``serve --workers N`` (bot/serving.py): the workers' messages, applied and committed in
    groups by the same ``MessageWriter`` a single process runs as a thread."""
    writer_module.serve_writer(listener, _local_writer(app), lambda job: _decoded(app, job), stopping)


def handle(app: AppContext, incoming: Incoming, seen: Seen | None = None) -> str | None:
    """Handle one push exactly once; a retry gets the first try's reply. Returns once committed.
    ``seen``: a plaintext push's (timestamp, nonce, body digest) for the replay guard; raises Replayed."""
    started = time.perf_counter()
    handler, reply = "failed", None
    try:
        now = app.clock()  # the message's moment: before the reading ahead (the first question builds the FAQ index)
        planned = read_ahead(app, incoming)
        job = Job(incoming, now, clock.to_db(now), json_text(incoming.fields), started, seen, planned)
        handler, reply = _writer(app).submit(job)
        if handler == REPLAYED:
            raise Replayed()
        return reply
    finally:
        log.info(
            "msg openid=%s type=%s handler=%s latency_ms=%.1f",
            hash_openid(incoming.openid),
            incoming.event or incoming.msg_type,
            handler,
            (time.perf_counter() - started) * 1000,
        )


def read_ahead(app: AppContext, incoming: Incoming) -> Plan | None:
    """What the routes' pure parts read from the message alone (bot/router.py ``plan``), here in the request thread so
    that the writer thread, inside the write lock that every worker queues for, runs only what needs the database.
    None if a matcher failed: the writer then asks every route itself, and the failure is kept as it always was."""
    if writer_module.remote_address is not None and incoming.msg_type == "text":
        _faq_caught_up_now_and_then(app)
    try:
        return plan(app.routes, incoming, app, app.service("route_plans", lambda _app: PlanCache()))
    except Exception:  # noqa: BLE001 - the same matcher fails again in the writer, which keeps the message as failed
        return None


FAQ_LOOK_SECONDS = 1.0  # a worker with the writer process reads the adviser entries added at most this often


class _Looked:
    """When a worker last read the adviser entries (``_faq_caught_up_now_and_then``), on a connection of its own."""

    def __init__(self, app: AppContext):
        self.at = float("-inf")  # the first text message reads them (the master did not)
        self.lock = threading.Lock()
        self.db = None
        self.path, self.synchronous = app.databases.path, app.databases.synchronous


def _faq_caught_up_now_and_then(app: AppContext) -> None:
    """In a worker of ``serve --workers N`` whose messages the writer process applies, nothing else brings this
    process's FAQ index up to date with the entries advisers added (收录): its answers matched ahead would miss them,
    and the writer process would match each question again (bot/escalation.py ``offer_faq_answer``). So a request
    thread reads them, at most every ``FAQ_LOOK_SECONDS``."""
    looked = app.service("faq_looked", _Looked)
    if time.monotonic() - looked.at < FAQ_LOOK_SECONDS or not looked.lock.acquire(blocking=False):
        return
    try:
        looked.at = time.monotonic()
        if looked.db is None:
            looked.db = connect(looked.path, looked.synchronous)
        escalation.faq_catch_up_ahead(app, looked.db)
    except Exception:  # noqa: BLE001 - the next look tries again; the writer process matches what this one misses
        log.exception("reading the FAQ entries added failed")
    finally:
        looked.lock.release()


def _replay_guard(app: AppContext) -> ReplayGuard:
    return app.service("replay_guard", lambda a: ReplayGuard(int(a.config.get("server.signature_max_age_seconds"))))


def _admit(app: AppContext, db, jobs: list[Job], careful: bool = False) -> None:
    """First in each group's transaction: the replay guard for the group's plaintext pushes, in one statement; and,
    on the writer's first pass, a batch for the group's inbox rows (bot/store/inbox.py ``Batch``), written in one
    statement before the COMMIT (the writer's ``end``). On its second pass, each message in its own savepoint, every
    row is written as it comes."""
    if careful:
        inbox.close_batch(db)
    else:
        inbox.open_batch(db)
    plaintext = [(job, job.seen) for job in jobs if job.seen is not None]
    if plaintext:
        admitted = _replay_guard(app).admits(db, [seen for _job, seen in plaintext], clock.utcnow().timestamp())
        for (job, _seen), ok in zip(plaintext, admitted, strict=True):
            job.replayed = not ok


def _apply(app: AppContext, db, job: Job) -> tuple[str, str | None]:
    if job.replayed:  # nothing of it is kept
        return REPLAYED, None
    return process(app, db, job.incoming, job.now, job.started, job.planned, now_s=job.now_s, payload=job.payload)


# Messages whose inbox row is written before their handler runs, as the handlers read it: a photo's, voice's or
# video's media row refers to it (and tickets read a voice's recognition from it); a location is read from the
# inbox by the texts after it (bot/events.py ``recent_location``). Every other message's row is written once, after
# its handler, with the reply: one statement instead of two; in the writer's group it is kept back and written with the
# group's others in one statement before the COMMIT (bot/store/inbox.py ``Batch``, the writer's ``end``).
KEPT_FIRST = frozenset({*MEDIA_TYPES, "location"})
COLUMN_REPLY = inbox.COLUMNS.index("reply")


def process(
    app: AppContext,
    db,
    incoming: Incoming,
    now: datetime,
    started: float,
    planned: Plan | None = None,
    *,
    now_s: str | None = None,
    payload: str | None = None,
) -> tuple[str, str | None]:
    """One message inside the writer's open transaction (its replay guard checked): (handler name, reply).
    ``planned``: ``read_ahead``'s plan of the message (None: every route is asked); ``now_s`` and ``payload``: ``now``
    as stored and the message's fields as JSON, when the caller has them.

    A message's writes are all-or-nothing (the writer's transaction, or the savepoint of its second pass), so the
    inbox row may come last: the dedupe is then the user row's statement, which finds no row (and touches none)
    when the inbox holds the message already, and gives the inbox's largest id, the new row's id before it is
    written (no other connection writes before the commit; the handlers keep it, e.g. a message kept until 登记).
    In the writer's first pass the group's batch gives the id instead (past the rows it holds back), and a retry of a
    message the batch holds is answered from it before anything is read or touched."""
    now_s = now_s or clock.to_db(now)
    payload = payload or json_text(incoming.fields)
    first = incoming.msg_type in KEPT_FIRST
    batch = inbox.batch_of(db)  # the writer's group holds its rows back (bot/store/inbox.py)
    if batch is not None and (held := batch.by_key.get((incoming.openid, incoming.dedupe_key))) is not None:
        return "duplicate", held[COLUMN_REPLY]  # a retry behind its first try in the same group
    reads = [(read.name, read.sql, read.params(app, now)) for read in app.user_reads]
    if first:
        inbox_id = _keep(db, incoming, payload, now_s, status="ok")
        user = (
            None
            if inbox_id is None
            else users.touch_inbound(db, incoming.openid, now_s, incoming.opens_window, reads=reads, with_person=True)
        )
    else:
        user = users.touch_inbound(
            db,
            incoming.openid,
            now_s,
            incoming.opens_window,
            unless_kept=incoming.dedupe_key,
            reads=reads,
            with_person=True,
        )
        if user is None:
            inbox_id = None
        elif batch is None:
            inbox_id = (user.pop("last_inbox_id") or 0) + 1
        else:  # past the rows the group holds back
            inbox_id = batch.next_id(user.pop("last_inbox_id"))
    if inbox_id is None or user is None:  # a retry, or the same push on two connections: the first one's reply
        kept = inbox.find(db, incoming.openid, incoming.dedupe_key)
        assert kept is not None  # the row that made this one a duplicate
        return "duplicate", kept["reply"]
    if incoming.opens_window and user["held_waiting"]:
        stale = clock.to_db(now - timedelta(hours=float(app.config.get("outbox.held_reminder_hours"))))
        outbox.release_held(db, incoming.openid, now_s, stale)
    flow_rows = user.pop("live_flows")  # read with the user row: no statement of their own (bot/conversation.py)
    read = {name: user.pop(f"read:{name}") for name, _sql, _params in reads}  # the same (bot/registry.py UserRead)
    person = user.pop("person")  # and who is writing: Ctx.person, not read again (False: nobody bound)
    ctx = Ctx(
        app=app,
        db=db,
        msg=incoming,
        now=now,
        user=user,
        inbox_id=inbox_id,
        _person=person or False,
        _live_flows=set(flow_rows),
        _flow_rows=flow_rows,
        _user_reads=(incoming, read),
    )
    vars(ctx)["now_s"] = now_s  # Ctx.now_s (a cached property) made already
    handler, reply = dispatch(app.routes, ctx, planned)
    latency_ms = (time.perf_counter() - started) * 1000
    if first:
        inbox.set_reply(db, inbox_id, handler, reply, latency_ms)
    elif batch is not None:
        batch.keep(  # inbox.COLUMNS
            (
                inbox_id,
                incoming.openid,
                incoming.dedupe_key,
                incoming.msg_type,
                incoming.event,
                incoming.summary(),
                payload,
                now_s,
                "ok",
                handler,
                reply,
                latency_ms,
            )
        )
    elif _keep(db, incoming, payload, now_s, "ok", handler, reply, latency_ms, inbox_id) != inbox_id:
        raise RuntimeError(f"inbox row {inbox_id} was not written as {incoming.dedupe_key}")  # not expected
    return handler, reply


def _keep_failed(app: AppContext, db, job: Job) -> tuple[str, str]:
    """The handler failed and its writes were undone; keep the message itself so staff can see it."""
    log.exception("handler failed for %s %s", hash_openid(job.incoming.openid), job.incoming.dedupe_key)
    reply = app.t("core.error")
    # its photo or voice is still fetched; None: the same push was kept meanwhile on another connection
    _keep(db, job.incoming, job.payload, job.now_s, "error", "error", reply, (time.perf_counter() - job.started) * 1000)
    return "error", reply


def _keep(
    db,
    incoming: Incoming,
    payload: str,
    now_s: str,
    status: str,
    handler: str | None = None,
    reply: str | None = None,
    latency_ms: float | None = None,
    inbox_id: int | None = None,
) -> int | None:
    """The inbox row (with its handler and reply when known) and, for a photo/voice/video, its media row for the
    download job; None if the message is already kept (a retry)."""
    inbox_id = inbox.record(
        db,
        openid=incoming.openid,
        msg_key=incoming.dedupe_key,
        msg_type=incoming.msg_type,
        event=incoming.event,
        content=incoming.summary(),
        payload=payload,
        received_at=now_s,
        status=status,
        handler=handler,
        reply=reply,
        latency_ms=latency_ms,
        inbox_id=inbox_id,
    )
    if inbox_id is not None and incoming.msg_type in MEDIA_TYPES:
        assert incoming.media_id is not None  # parse refuses a media message without one
        media.add(
            db,
            openid=incoming.openid,
            inbox_id=inbox_id,
            kind=incoming.msg_type,
            media_id=incoming.media_id,
            pic_url=incoming.pic_url,
            fmt=incoming.media_format,
            now=now_s,
        )
    return inbox_id
