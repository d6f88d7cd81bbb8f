"""Blueprint: a certificate's public page ``/cert/<token>`` (linked from the text line sent with every certificate)
and its picture ``/cert/<token>/image.png``.

The token is the certificate's random page token (192 bits), never its printed serial. The page shows what the
certificate says (holder's name, village, trees and species or the award, campaign and year, date, serial) and
whether it is genuine (真实有效) or 已撤销 (a record behind it no longer counts, or its award was withdrawn); never a
phone or openid. An unknown or malformed token is 404, and so is the picture of a revoked certificate.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, make_response, render_template_string, send_file

from bot import certificates
from bot.public_pages import PAGE_POLICY, private

bp = Blueprint("certificate_page", __name__)

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ title }} · {{ name }}</title>
<style>
body{margin:0;background:#f3f7f2;color:#222;font:18px/1.7 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:22px;color:#2e7d32;margin:8px 0 12px}
section{background:#fff;border-radius:10px;padding:12px 16px;margin-bottom:12px}
p{margin:0}
.genuine{background:#e8f5e9;color:#1b5e20;font-weight:bold}
.revoked{background:#ffebee;color:#b71c1c;font-weight:bold}
.waiting{background:#fff8e1;color:#7a5a00;font-weight:bold}
img{width:100%;border-radius:8px;display:block}
.muted{color:#666;font-size:15px}
</style></head>
<body><main>
<h1>{{ title }}</h1>
<section class="{{ state }}"><p>{{ status }}</p></section>
<section>
<p><strong>{{ name }}</strong>{% if village %}（{{ village }}）{% endif %}</p>
{% for line in lines %}<p>{{ line }}</p>{% endfor %}
<p class="muted">{{ campaign }}</p>
<p class="muted">{{ date }} · {{ serial }}</p>
</section>
{% if image %}<section><img src="{{ image }}" alt="{{ title }}"></section>{% endif %}
</main></body></html>
"""


def _certificate(app, token: str) -> tuple[dict, bool]:
    """The certificate of this token and whether it is genuine; 404 for an unknown token."""
    cert = certificates.by_token(app.db, token)
    if cert is None:
        abort(404)
    return cert, certificates.is_genuine(app.db, cert)


@bp.get("/cert/<token>")
def certificate(token: str):
    app = current_app.extensions["bot"]
    cert, genuine = _certificate(app, token)
    card = certificates.card(app, cert)
    if genuine:
        state, status = "genuine", app.t("certificates.page.genuine", campaign=app.config.get("campaign.name"))
    elif certificates.waits_for_review(app.db, cert):  # sim70: a record behind it moved to review, not rejected
        state, status = "waiting", app.t("certificates.page.waiting")  # amber, not a revocation's red (the lead)
    else:
        state, status = "revoked", app.t("certificates.page.revoked")
    html = render_template_string(
        PAGE,
        title=card.title,
        name=card.name,
        village=card.village,
        lines=card.lines,
        campaign=card.campaign,
        date=card.date,
        serial=card.serial,
        state=state,
        status=status,
        image=f"/cert/{token}/image.png" if genuine and certificates.font(app) else None,
    )
    return private(make_response(html), PAGE_POLICY)


@bp.get("/cert/<token>/image.png")
def certificate_image(token: str):
    """The picture of a genuine certificate (drawn again when its file is missing); 404 once it is revoked."""
    app = current_app.extensions["bot"]
    cert, genuine = _certificate(app, token)
    path = certificates.draw(app, cert) if genuine else None
    if path is None:
        abort(404)
    return private(send_file(path, mimetype="image/png"))
