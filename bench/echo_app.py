"""The floor: a minimal Flask + wechatpy echo app (signature check, parse, TextReply), served by waitress.

    python bench/echo_app.py --port 8090 [--token T] [--threads 32]

bench/webhook.py starts it next to the real bot and drives both the same way, so the
difference between the two is what the bot's own work (dedupe, transaction, routing) costs.
"""

from __future__ import annotations

import argparse

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
    args = parser.parse_args()
    serve(make_app(args.token), host="127.0.0.1", port=args.port, threads=args.threads, ident="echo")


if __name__ == "__main__":
    main()
