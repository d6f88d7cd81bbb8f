"""Server-rendered inline SVG charts: pure functions from numbers to markup (no script, no CDN).

Each chart scales to its container (viewBox + width 100%), carries an aria-label and <title>s so the
numbers are there for screen readers and on hover, and prints the key figure as text next to each bar so
nobody has to guess a value from a length. Drawn for a phone: a viewBox about as wide as a phone's card
(~340 CSS px), so that no text is drawn smaller than about 10 px there (the stylesheet caps the width on a
desk, where the charts grow).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from bot.photos import haversine_m

GREEN, AMBER, RED, BLUE = "#2e7d32", "#ef8f00", "#c62828", "#1565c0"


def _svg(width: float, height: float, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width:g} {height:g}" width="100%" role="img"'
        f' aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg"'
        f' preserveAspectRatio="xMinYMin meet">{"".join(body)}</svg>'
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{klass}>{escape(text)}</text>'


@dataclass(frozen=True)
class Bar:
    label: str
    share: float  # 0..1+ of the target
    note: str  # the figure printed beside the bar, e.g. "1.5/2 亩"
    href: str | None = None


def bar_colour(share: float, expected: float | None) -> str:
    """Green when on track (at or above the expected share), amber when behind, red when far behind."""
    if expected is None or share >= expected:
        return GREEN
    return AMBER if share >= expected * 0.5 else RED


def completion_bars(bars: list[Bar], expected: float | None = None, label: str = "完成率") -> Markup:
    """Horizontal bars, one per village, 0–100 % of its target; a dashed line marks the expected share."""
    row_h, label_w, bar_w, note_w = 24, 92, 156, 112
    width = label_w + bar_w + note_w
    height = row_h * max(1, len(bars)) + 24
    body: list[str] = []
    for i, bar in enumerate(bars):
        y = i * row_h
        share = max(0.0, min(bar.share, 1.0))
        colour = bar_colour(bar.share, expected)
        name = _text(label_w - 6, y + 16, bar.label[:7], anchor="end")
        if bar.href:
            name = f'<a href="{escape(bar.href)}">{name}</a>'
        body.append(name)
        body.append(f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="16" fill="#eceff1" rx="3"/>')
        body.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{bar_w * share:.1f}" height="16" fill="{colour}" rx="3">'
            f"<title>{escape(bar.label)}: {round(bar.share * 100)}% ({escape(bar.note)})</title></rect>"
        )
        body.append(_text(label_w + bar_w + 5, y + 16, f"{round(bar.share * 100)}% {bar.note}", size=11))
    axis_y = row_h * max(1, len(bars)) + 4
    for tick in (0, 0.5, 1.0):
        x = label_w + bar_w * tick
        body.append(_text(x, axis_y + 14, f"{round(tick * 100)}%", anchor="middle", size=11, cls="muted"))
    if expected is not None:
        x = label_w + bar_w * min(expected, 1.0)
        body.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{axis_y}" stroke="#37474f" '
            f'stroke-dasharray="4 3"><title>应完成 {round(expected * 100)}%</title></line>'
        )
    return _svg(width, height, label, body)


def daily_columns(series: list[tuple[str, float]], label: str = "每日种植", unit: str = "棵") -> Markup:
    """Vertical bars per day (``series`` = [(YYYY-MM-DD, value)] in order); the highest day is labelled, and the
    first and last days and a few between are named on the axis."""
    width, height, left, bottom, top = 360, 190, 34, 26, 20
    plot_w, plot_h = width - left - 8, height - bottom - top
    if not any(value for _, value in series):
        return _svg(width, height, label, [_text(width / 2, height / 2, "暂无数据", anchor="middle", cls="muted")])
    peak = max(value for _, value in series) or 1
    step = plot_w / len(series)
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="#b0bec5"/>',
        _text(left - 4, top + 4, _fmt(peak), anchor="end", size=11, cls="muted"),
        _text(left - 4, top + plot_h, "0", anchor="end", size=11, cls="muted"),
    ]
    every = max(1, math.ceil(len(series) / 5))
    for i, (day, value) in enumerate(series):
        h = plot_h * value / peak
        x = left + i * step
        body.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{top + plot_h - h:.1f}" width="{max(step * 0.8, 1):.1f}"'
            f' height="{h:.1f}" fill="{BLUE}"><title>{escape(day)}: {_fmt(value)} {unit}</title></rect>'
        )
        if i % every == 0 and i + every // 2 < len(series):
            body.append(_text(x + step / 2, height - 8, day[5:], anchor="middle", size=11, cls="muted"))
    best = max(range(len(series)), key=lambda i: series[i][1])
    bx = min(max(left + best * step + step / 2, left + 40), width - 40)
    body.append(_text(bx, top - 6, f"最高 {_fmt(series[best][1])}{unit}", anchor="middle", size=11))
    return _svg(width, height, label, body)


def survival_bar(alive: int, checked: int, label: str = "成活情况") -> Markup:
    """One bar split into alive (or replanted) and dead, with the survival rate in words above it."""
    width, height = 360, 72
    if not checked:
        return _svg(width, height, label, [_text(width / 2, 35, "暂无成活回访", anchor="middle", cls="muted")])
    body = [_text(0, 14, f"成活率 {alive * 100 / checked:.0f}%（已回访 {checked} 条）", size=13)]
    x = 0.0
    for i, (name, n, colour) in enumerate((("成活", alive, GREEN), ("未成活", checked - alive, RED))):
        w = width * n / checked
        if n:
            body.append(
                f'<rect x="{x:.1f}" y="22" width="{w:.1f}" height="20" fill="{colour}">'
                f"<title>{name}: {n}</title></rect>"
            )
        x += w
        body.append(f'<rect x="{i * 120}" y="52" width="10" height="10" fill="{colour}"/>')
        body.append(_text(i * 120 + 14, 62, f"{name} {n}", size=12))
    return _svg(width, height, label, body)


def location_plot(
    lat0: float | None, lng0: float | None, radius_m: float | None, points: list[dict], label: str = "种植位置"
) -> Markup:
    """Planting locations around the village centre, zoomed to the village circle so that the records inside it
    stand apart: a dot per record (green, amber waiting for review, red outside the circle); a record beyond the
    plot's edge is a red ring on the edge in its direction, and the caption counts them."""
    size = 320
    centre = size / 2
    if lat0 is None or lng0 is None:
        return _svg(size, 60, label, [_text(size / 2, 34, "本村未设置中心坐标", anchor="middle", cls="muted")])
    radius = float(radius_m or 1000)
    scale = (centre - 16) / (radius * 1.15)
    edge = centre - 8
    body = [
        f'<rect width="{size}" height="{size}" fill="#f5f7f5"/>',
        f'<circle cx="{centre}" cy="{centre}" r="{radius * scale:.1f}" fill="#e8f5e9" stroke="{GREEN}"'
        f' stroke-dasharray="5 3"><title>村范围 半径 {radius:.0f} 米</title></circle>',
        f'<path d="M{centre - 6} {centre}h12M{centre} {centre - 6}v12" stroke="#37474f"/>',
        _text(8, 18, "↑北", size=12, cls="muted"),
    ]
    beyond = 0
    for point in points:
        dx, dy = _east_north(lat0, lng0, point["lat"], point["lng"])
        metres = haversine_m(lat0, lng0, point["lat"], point["lng"])
        x, y = dx * scale, dy * scale
        where = f'记录 #{point["id"]}'
        if math.hypot(x, y) > edge:  # off the plot: on its edge, in its direction
            beyond += 1
            x, y = x * edge / math.hypot(x, y), y * edge / math.hypot(x, y)
            body.append(
                f'<circle cx="{centre + x:.1f}" cy="{centre - y:.1f}" r="5" fill="none" stroke="{RED}"'
                f' stroke-width="2"><title>{where}：离村中心 {metres / 1000:.1f} 公里</title></circle>'
            )
            continue
        colour = RED if metres > radius else (AMBER if point.get("review") == "pending" else GREEN)
        body.append(
            f'<circle cx="{centre + x:.1f}" cy="{centre - y:.1f}" r="4" fill="{colour}" fill-opacity="0.8">'
            f'<title>{where}{"（村范围外）" if metres > radius else ""}</title></circle>'
        )
    note = f"圈内 = 半径 {radius:.0f} 米" + (f"；更远的 {beyond} 条画在边上" if beyond else "")
    body.append(_text(6, size - 6, note, size=11, cls="muted"))
    return _svg(size, size, label, body)


def distance_map(
    lat0: float,
    lng0: float,
    radius_m: float | None,
    lat: float,
    lng: float,
    distance_m: float,
    label: str = "位置与村范围",
) -> Markup:
    """A small map of one record's point and its village: the village circle (radius), its centre, the point,
    the line between them with the distance; scaled so that both fit."""
    width, height, pad = 320, 150, 16
    radius = float(radius_m or 1000)
    dx, dy = _east_north(lat0, lng0, lat, lng)
    # the box holding the circle and the point, in metres east/north of the centre
    left, right = min(-radius, dx), max(radius, dx)
    bottom, top = min(-radius, dy), max(radius, dy)
    scale = min((width - 2 * pad) / (right - left or 1), (height - 2 * pad) / (top - bottom or 1))
    ox = pad + (width - 2 * pad - (right - left) * scale) / 2 - left * scale
    oy = pad + (height - 2 * pad - (top - bottom) * scale) / 2 + top * scale
    px, py = ox + dx * scale, oy - dy * scale
    km = f"{distance_m / 1000:.1f} 公里" if distance_m >= 1000 else f"{distance_m:.0f} 米"
    body = [
        f'<rect width="{width}" height="{height}" fill="#f5f7f5"/>',
        f'<circle cx="{ox:.1f}" cy="{oy:.1f}" r="{max(radius * scale, 2):.1f}" fill="#e8f5e9" stroke="{GREEN}"'
        f' stroke-dasharray="4 3"><title>村范围 半径 {radius:.0f} 米</title></circle>',
        f'<path d="M{ox - 5:.1f} {oy:.1f}h10M{ox:.1f} {oy - 5:.1f}v10" stroke="#37474f"/>',
        f'<line x1="{ox:.1f}" y1="{oy:.1f}" x2="{px:.1f}" y2="{py:.1f}" stroke="{RED}" stroke-dasharray="3 3"/>',
        f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{RED}"><title>记录位置：离村中心 {km}</title></circle>',
        _text((ox + px) / 2, (oy + py) / 2 - 6, km, anchor="middle", size=13),
        _text(6, height - 6, f"虚线圈 = 村范围（半径 {radius:.0f} 米）", size=11, cls="muted"),
    ]
    return _svg(width, height, label, body)


def _east_north(lat0: float, lng0: float, lat: float, lng: float) -> tuple[float, float]:
    """Metres east and north of the centre (equirectangular; fine at village scale)."""
    return ((lng - lng0) * 111_320 * math.cos(math.radians(lat0)), (lat - lat0) * 110_540)


def _fmt(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) and not value.is_integer() else f"{int(value)}"
