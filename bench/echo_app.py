"""The floor: a minimal Flask + wechatpy echo app (signature check, parse, TextReply), served by waitress.

    python bench/echo_app.py --port 8090 [--token T] [--threads 32] [--workers N]

bench/webhook.py starts it next to the real bot and drives both the same way, so the
difference between the two is what the bot's own work (dedupe, transaction, routing) costs.
``--workers N`` forks N processes on one listening socket, as ``serve --workers N`` does.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys

from flask import Flask, Response, request
from waitress import serve
from wechatpy import parse_message
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature


def make_app(token: str) -> Flask:
    app = Flask(__name__)

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    @app.post("/wechat")
    def wechat():
        args = request.args
        try:
            check_signature(token, args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", ""))
        except InvalidSignatureException:
            return Response("forbidden", status=403)
        message = parse_message(request.get_data())
        reply = TextReply(content=getattr(message, "content", "success"), message=message)
        return Response(reply.render(), mimetype="application/xml")

    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", default="bench-token")
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="processes forked on one listening socket")
    args = parser.parse_args()
    app = make_app(args.token)
    sock = socket.create_server(("127.0.0.1", args.port), backlog=1024)
    if args.workers == 1:
        serve(app, sockets=[sock], threads=args.threads, ident="echo")
        return
    # as `serve --workers N` does (bot/serving.py): the same socket in every forked worker
    children = []
    for _ in range(args.workers):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            serve(app, sockets=[sock], threads=args.threads, ident="echo")
            os._exit(0)
        children.append(pid)

    def stop(_signum, _frame):
        for child in children:
            os.kill(child, signal.SIGTERM)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    for child in children:
        os.waitpid(child, 0)


if __name__ == "__main__":
    main()
