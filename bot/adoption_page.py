"""Blueprint: a record's public page ``/tree/<token>``, linked from 我的树, the adoption reply and the photo notices.

The token is the record's unguessable ``tree_pages`` token (192 random bits). The page shows where the trees
are, the species, when they were planted, their survival state, how many households adopted them, the 冠名 of the
organisations and 乡贤 who adopted them, the donations for them, and their photos over time (thumbnails, no
EXIF, so no GPS) — never a person's name, phone or openid, nor an organisation's contact. One small page with
inline styles, readable on a cheap phone. Unknown tokens, and photos that are not this record's, are 404.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, make_response, render_template_string, send_file

from bot import adoption, photos, planting, progress
from bot.public_pages import PAGE_POLICY, private
from bot.store import adoption as store

bp = Blueprint("adoption_page", __name__)

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ title }}</title>
<style>
body{margin:0;background:#f3f7f2;color:#222;font:18px/1.7 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:21px;color:#2e7d32;margin:8px 0 12px}
h2{font-size:16px;color:#555;margin:0 0 6px}
section{background:#fff;border-radius:10px;padding:12px 16px;margin-bottom:12px}
p{margin:0}
ul{margin:0;padding-left:20px}
figure{margin:0 0 14px}
figure img{width:100%;border-radius:8px;display:block;background:#eee}
figcaption{color:#666;font-size:15px}
.muted{color:#666;font-size:15px}
</style></head>
<body><main>
<h1>🌳 {{ title }}</h1>
<section>
<p>{% if area is not none %}{{ area }}亩 {% endif %}{% if count is not none %}{{ count }}棵，{% endif %}{{ planted }}种下</p>
<p>成活情况：{{ survival }}</p>
</section>
{% if households or organisations %}
<section><h2>认种认养</h2>
{% if households %}<p>{{ households }}户村民认养了{{ household_trees }}棵</p>{% endif %}
{% if organisations %}<ul>{% for o in organisations %}<li>{{ o.named_as or o.organisation }}{% if o.named_as %}（{{ o.organisation }}）{% endif %}：{{ o.trees }}棵{% if o.whole_plot %}（整片）{% endif %}</li>{% endfor %}</ul>{% endif %}
</section>
{% endif %}
{% if donations %}
<section><h2>捐资</h2><ul>{% for d in donations %}<li>{{ d.donor }} {{ num(d.amount) }}元{% if d.purpose %}，{{ d.purpose }}{% endif %}</li>{% endfor %}</ul></section>
{% endif %}
<section><h2>照片（{{ shots|length }}张，从早到晚）</h2>
{% for s in shots %}<figure><img src="{{ s.src }}" alt="{{ s.day }} {{ s.source }}" loading="lazy"><figcaption>{{ s.day }} · {{ s.source }}</figcaption></figure>
{% else %}<p class="muted">还没有照片。</p>{% endfor %}
</section>
<p class="muted">{{ campaign }}</p>
</main></body></html>
"""


def _record(token: str) -> dict:
    if not adoption.looks_like_token(token):
        abort(404)
    db = current_app.extensions["bot"].db
    planting_id = store.planting_of_token(db, token)
    record = store.record(db, planting_id) if planting_id is not None else None
    if record is None:
        abort(404)
    return record


@bp.get("/tree/<token>")
def tree(token: str):
    app = current_app.extensions["bot"]
    record = _record(token)
    db = app.db
    adoptions = store.of_planting(db, record["id"])
    households = [a for a in adoptions if a["person_id"] is not None]
    shots = [
        {
            "src": f"/tree/{token}/photos/{p['sha256']}.jpg",
            "day": adoption.local_day(app, p["taken_at"]),
            "source": app.t(adoption.PHOTO_SOURCES[p["source"]]),
        }
        for p in adoption.photos_of(db, record)
    ]
    survival = store.latest_survival(db, [record["id"]]).get(record["id"])
    html = render_template_string(
        PAGE,
        title=adoption.place(record) + planting.display_name(app, record["species"]),
        count=record["count"],
        area=None if record["area_mu"] is None else progress.number(record["area_mu"]),
        planted=adoption.local_day(app, record["planted_at"]),
        survival=app.t(adoption.SURVIVAL_LABELS[survival]),
        households=len({a["person_id"] for a in households}),
        household_trees=sum(a["trees"] for a in households),
        organisations=[a for a in adoptions if a["organisation"]],
        donations=store.donations_of_planting(db, record["id"]),
        shots=shots,
        campaign=app.config.get("campaign.name"),
        num=progress.number,
    )
    return private(make_response(html), PAGE_POLICY)


@bp.get("/tree/<token>/photos/<sha256>.jpg")
def tree_photo(token: str, sha256: str):
    app = current_app.extensions["bot"]
    record = _record(token)
    if sha256 not in {p["sha256"] for p in adoption.photos_of(app.db, record)}:
        abort(404)
    try:
        path = photos.thumbnail_of(app.config.photos_dir, sha256)
    except ValueError:
        abort(404)
    if path is None:
        abort(404)
    return private(send_file(path, mimetype="image/jpeg"))
