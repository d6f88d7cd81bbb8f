"""Blueprint: the public answer page ``/answer/<token>`` linked from the answer's template message.

The token is the ticket's unguessable ``public_token``; the page shows the question, the answer and the
signature (县林业站 王工), the answer as last corrected (更正, marked so) — nothing else (no openid, village or photos) — in one small page with inline styles,
readable on a cheap phone. Unknown tokens and tickets without an answer are 404.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, make_response, render_template_string

from bot import escalation
from bot.public_pages import private
from bot.store import tickets as tickets_store

bp = Blueprint("answer_page", __name__)

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>专家回答</title>
<style>
body{margin:0;background:#f3f7f2;color:#222;font:18px/1.7 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:20px;color:#2e7d32;margin:8px 0 16px}
section{background:#fff;border-radius:10px;padding:12px 16px;margin-bottom:12px}
h2{font-size:15px;color:#666;margin:0 0 4px;font-weight:normal}
p{margin:0;white-space:pre-wrap;word-wrap:break-word}
footer{color:#666;font-size:15px;text-align:right}
</style></head>
<body><main>
<h1>🌳 专家回答</h1>
<section><h2>问题</h2><p>{{ question }}</p></section>
<section><h2>回答{% if corrected %}（已更正）{% endif %}</h2><p>{{ answer }}</p></section>
<footer>{{ signature }}</footer>
</main></body></html>
"""


@bp.get("/answer/<token>")
def answer(token: str):
    if not escalation.looks_like_token(token):
        abort(404)
    ticket = tickets_store.by_public_token(current_app.extensions["bot"].db, token)
    if ticket is None or not ticket["answer"]:
        abort(404)
    html = render_template_string(
        PAGE,
        question=ticket["question"],
        answer=ticket["answer"],
        corrected=bool(ticket["corrected_at"]),
        signature=ticket["answer_signature"] or ticket["answered_by"] or "",
    )
    return private(make_response(html), "default-src 'none'; style-src 'unsafe-inline'")
