"""What every public page linked from a message shares (/answer/, /tree/, /cert/): its responses are never cached,
never indexed and send no referrer, so a page's unguessable token does not travel further than the link."""

from __future__ import annotations

PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"


def private(response, policy: str | None = None):
    """``response`` marked no-store, no-referrer, noindex; with ``policy``, that Content-Security-Policy."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    if policy:
        response.headers["Content-Security-Policy"] = policy
    return response
