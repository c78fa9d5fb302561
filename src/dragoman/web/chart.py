"""The dyad chart, drawn server-side as inline SVG: cooperation above the axis, conflict below,
one bar per month, and the mean Goldstein intensity as a line on its own scale (-10..+10)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Bottom of the stack first: verbal next to the axis, material further out.
COOPERATION = (("verbal_cooperation", "verbal cooperation", "#8fcf9c"),
               ("material_cooperation", "material cooperation", "#2e7d4f"))
CONFLICT = (("verbal_conflict", "verbal conflict", "#f2a07b"),
            ("material_conflict", "material conflict", "#b8322a"))
INTENSITY_COLOUR = "#2b4c9b"
MIN_MONTHS = 6


@dataclass(frozen=True)
class Frame:
    width: int = 760
    height: int = 300
    left: int = 40
    right: int = 44
    top: int = 34
    bottom: int = 34

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def zero(self) -> float:
        return self.top + (self.height - self.top - self.bottom) / 2

    @property
    def half(self) -> float:
        return (self.height - self.top - self.bottom) / 2


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), so quiet months show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last and len(months) < 1200:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def padded(axis: list[str]) -> list[str]:
    """At least MIN_MONTHS slots: a short span gets the months before it (quiet, so empty), and a
    single month's bars keep a readable width instead of filling the chart."""
    while len(axis) < MIN_MONTHS:
        year, month = int(axis[0][:4]), int(axis[0][5:7])
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        axis.insert(0, f"{year:04d}-{month:02d}")
    return axis


def _rect(x: float, y: float, w: float, h: float, fill: str, tip: str) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}">'
            f"<title>{escape(tip)}</title></rect>")


def _stack(frame: Frame, x: float, w: float, row: dict[str, Any], parts, scale: float, up: bool) -> list[str]:
    shapes, offset = [], 0.0
    for key, label, fill in parts:
        n = row.get(key) or 0
        if not n:
            continue
        h = n * scale
        y = frame.zero - offset - h if up else frame.zero + offset
        shapes.append(_rect(x, y, w, h, fill, f"{row['month']}: {n} {label}"))
        offset += h
    return shapes


def _intensity_line(frame: Frame, points: list[tuple[float, float | None]]) -> list[str]:
    """The mean-intensity polyline, broken at months with no events."""
    shapes, path = [], []
    for x, value in points:
        if value is None:
            path.append(None)
            continue
        y = frame.zero - value / 10 * frame.half
        path.append((x, y))
        shapes.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{INTENSITY_COLOUR}">'
                      f"<title>mean intensity {value:+.2f}</title></circle>")
    d, pen_down = [], False
    for p in path:
        if p is None:
            pen_down = False
            continue
        d.append(f"{'L' if pen_down else 'M'}{p[0]:.1f},{p[1]:.1f}")
        pen_down = True
    if d:
        shapes.insert(0, f'<path d="{" ".join(d)}" fill="none" stroke="{INTENSITY_COLOUR}" stroke-width="2"/>')
    return shapes


def _axes(frame: Frame, peak: int, labels: list[tuple[float, str]]) -> list[str]:
    right = frame.width - frame.right
    bottom = frame.height - frame.bottom
    shapes = [f'<line x1="{frame.left}" y1="{frame.zero:.1f}" x2="{right}" y2="{frame.zero:.1f}" stroke="#555"/>',
              f'<line x1="{frame.left}" y1="{frame.top}" x2="{frame.left}" y2="{bottom}" stroke="#bbb"/>',
              f'<line x1="{right}" y1="{frame.top}" x2="{right}" y2="{bottom}" stroke="#bbb"/>']
    # conflict counts grow downwards, so the lower end of the count axis reads as a negative
    ticks = ((frame.top, f"{peak}", "+10"), (frame.zero, "0", "0"), (bottom, f"−{peak}", "−10"))
    for y, count, goldstein in ticks:
        shapes.append(f'<text x="{frame.left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{count}</text>')
        shapes.append(f'<text x="{right + 6}" y="{y + 4:.1f}" class="tick" fill="{INTENSITY_COLOUR}">{goldstein}</text>')
    for x, label in labels:
        shapes.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" class="tick">{escape(label)}</text>')
    return shapes


def _legend(frame: Frame) -> list[str]:
    shapes, x = [], frame.left
    for _, label, fill in COOPERATION + CONFLICT:
        shapes.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{fill}"/>'
                      f'<text x="{x + 16}" y="18" class="legend">{label}</text>')
        x += 26 + 7 * len(label)
    shapes.append(f'<line x1="{x}" y1="14" x2="{x + 18}" y2="14" stroke="{INTENSITY_COLOUR}" stroke-width="2"/>'
                  f'<text x="{x + 22}" y="18" class="legend">mean intensity</text>')
    return shapes


def dyad_chart(months: list[dict[str, Any]], *, title: str = "Cooperation and conflict") -> Markup | None:
    """An SVG of per-month counts by quad class (API shape: underscored keys) or None if no data."""
    if not months:
        return None
    by_month = {m["month"]: m for m in months}
    axis = padded(month_range(months[0]["month"], months[-1]["month"]))
    frame = Frame()
    peak = max(max(sum(m.get(k) or 0 for k, _, _ in parts) for parts in (COOPERATION, CONFLICT))
               for m in months) or 1
    scale = frame.half / peak
    slot = frame.plot_width / len(axis)
    bar = max(2.0, min(40.0, slot * 0.7))
    shapes: list[str] = []
    points, labels = [], []
    every = max(1, len(axis) // 12)
    for i, month in enumerate(axis):
        centre = frame.left + slot * (i + 0.5)
        row = by_month.get(month, {"month": month})
        shapes += _stack(frame, centre - bar / 2, bar, row, COOPERATION, scale, up=True)
        shapes += _stack(frame, centre - bar / 2, bar, row, CONFLICT, scale, up=False)
        points.append((centre, row.get("mean_intensity")))
        if i % every == 0:
            labels.append((centre, month))
    body = _axes(frame, peak, labels) + shapes + _intensity_line(frame, points) + _legend(frame)
    return Markup(
        f'<svg class="chart" viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )
