"""Charts as inline SVG, drawn on the server: sharp on screen and in a PDF, no JavaScript, and the same
figures are always given as a table beside them for screen readers (the SVG is one labelled image).

Series differ by line pattern and marker shape as well as colour, so they can be told apart in greyscale
print and without colour vision.
"""

import math

from django.utils.html import format_html
from django.utils.safestring import mark_safe

SERIES_STYLES = {
    "team": {"stroke": "#0059b3", "fill": "rgba(0, 89, 179, 0.12)", "dash": "", "marker": "circle"},
    "leader": {"stroke": "#a64b00", "fill": "none", "dash": "8 4", "marker": "square"},
    "superior": {"stroke": "#2a6f2b", "fill": "none", "dash": "2 3", "marker": "triangle"},
}


def _marker(kind, x, y, colour):
    if kind == "square":
        return format_html(
            '<rect x="{}" y="{}" width="8" height="8" fill="{}"/>', f"{x - 4:.1f}", f"{y - 4:.1f}", colour
        )
    if kind == "triangle":
        points = f"{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}"
        return format_html('<polygon points="{}" fill="{}"/>', points, colour)
    return format_html('<circle cx="{}" cy="{}" r="4" fill="{}"/>', f"{x:.1f}", f"{y:.1f}", colour)


def radar_svg(*, axes, series, title, description="", maximum=5, size=360):
    """A radar chart: ``axes`` are labels clockwise from the top; ``series`` are dicts with ``key`` (a style
    in SERIES_STYLES) and ``values`` (one number or None per axis, on 0..maximum)."""
    centre = size / 2
    radius = size / 2 - 40
    count = len(axes)

    def point(index, value):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = radius * value / maximum
        return centre + r * math.cos(angle), centre + r * math.sin(angle)

    rings = []
    for step in range(1, maximum + 1):
        corners = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, step) for i in range(count)))
        rings.append(
            format_html('<polygon points="{}" fill="none" stroke="#949494" stroke-width="1"/>', corners)
        )
        x, y = point(0, step)
        rings.append(
            format_html(
                '<text x="{}" y="{}" font-size="10" fill="#595959" text-anchor="start">{}</text>',
                f"{x + 4:.1f}",
                f"{y + 3:.1f}",
                step,
            )
        )
    spokes = []
    for index, label in enumerate(axes):
        x, y = point(index, maximum)
        spokes.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#949494" stroke-width="1"/>',
                centre,
                centre,
                f"{x:.1f}",
                f"{y:.1f}",
            )
        )
        lx, ly = point(index, maximum + 0.35)
        anchor = "middle" if abs(lx - centre) < 10 else ("start" if lx > centre else "end")
        spokes.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" fill="#1a1a1a" text-anchor="{}">{}</text>',
                f"{lx:.1f}",
                f"{ly + 4:.1f}",
                anchor,
                label,
            )
        )
    shapes = []
    for line in series:
        style = SERIES_STYLES[line["key"]]
        points = [point(i, v) for i, v in enumerate(line["values"]) if v is not None]
        if not points:
            continue
        shapes.append(
            format_html(
                '<polygon points="{}" fill="{}" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>',
                " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                style["fill"],
                style["stroke"],
                style["dash"] or "none",
            )
        )
        shapes.extend(_marker(style["marker"], x, y, style["stroke"]) for x, y in points)
    # Room at the sides for the axis labels, which run out horizontally.
    pad = 120
    return format_html(
        '<svg class="fl-radar" viewBox="{x} 0 {width} {size}" width="{width}" height="{size}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>{body}</svg>',
        x=-pad,
        width=size + 2 * pad,
        size=size,
        id="radar",
        title=title,
        description=description,
        body=mark_safe("".join(rings + spokes + shapes)),  # noqa: S308 - every part built by format_html
    )


def legend_swatch(key):
    """A small inline SVG showing a series' line and marker, for the legend beside the chart."""
    style = SERIES_STYLES[key]
    return format_html(
        '<svg width="34" height="12" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<line x1="1" y1="6" x2="33" y2="6" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>{}</svg>',
        style["stroke"],
        style["dash"] or "none",
        _marker(style["marker"], 17, 6, style["stroke"]),
    )


def sparkline_svg(*, values, title, width=120, height=32):
    """A small trend line of ``values`` (oldest first; None where there is no figure), labelled with
    ``title`` (which should say the figures, as the page gives them in text as well). The last point is
    marked. No axes: the figures beside it say the scale."""
    numbers = [v for v in values if v is not None]
    pad = 4
    low, high = (min(numbers), max(numbers)) if numbers else (0, 1)
    if high == low:
        high = low + 1
    step = (width - 2 * pad) / max(len(values) - 1, 1)

    def point(index, value):
        y = height - pad - (height - 2 * pad) * (value - low) / (high - low)
        return pad + step * index, y

    points = [point(i, v) for i, v in enumerate(values) if v is not None]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    marker = (
        format_html(
            '<circle cx="{}" cy="{}" r="3" fill="#0059b3"/>', f"{points[-1][0]:.1f}", f"{points[-1][1]:.1f}"
        )
        if points
        else ""
    )
    return format_html(
        '<svg class="fl-sparkline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>'
        '<line x1="{pad}" y1="{base}" x2="{end}" y2="{base}" stroke="#949494" stroke-width="1"/>'
        '<polyline points="{line}" fill="none" stroke="#0059b3" stroke-width="2"/>{marker}</svg>',
        w=width,
        h=height,
        title=title,
        pad=pad,
        end=width - pad,
        base=height - pad,
        line=line,
        marker=marker,
    )
