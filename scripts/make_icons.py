"""Draw the app's icons (issue 21) from the favicon's design: the white "F" on Det Fælles Designsystem's blue.

    .venv/bin/python scripts/make_icons.py

Writes PNGs under frontloeber/static/frontloeber/icons/ (they are committed; run this again only when the
design in frontloeber/static/frontloeber/favicon.svg changes, and keep the two alike):
- icon-192.png, icon-512.png: the favicon's rounded square, for the manifest ("any");
- icon-maskable-512.png: full bleed, the "F" inside the central safe circle (40 % radius), for Android's
  masks ("maskable");
- apple-touch-icon-180.png: full bleed and opaque, as iOS rounds the corners itself and shows transparency
  as black.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BLUE = (0, 89, 179, 255)  # #0059b3, as in favicon.svg
WHITE = (255, 255, 255, 255)
# favicon.svg's path "M9 24V8h13v3.5h-9v3h8v3.5h-8V24z" on its 32 x 32 grid.
F_GLYPH = [
    (9, 24),
    (9, 8),
    (22, 8),
    (22, 11.5),
    (13, 11.5),
    (13, 14.5),
    (21, 14.5),
    (21, 18),
    (13, 18),
    (13, 24),
]
GRID = 32
CORNER = 6  # rx="6"
SUPERSAMPLE = 4  # draw large, then shrink: smooth edges without an SVG renderer

OUT = Path(__file__).resolve().parent.parent / "frontloeber" / "static" / "frontloeber" / "icons"


def draw(size: int, *, rounded: bool, glyph_scale: float = 1.0) -> Image.Image:
    big = size * SUPERSAMPLE
    unit = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    if rounded:
        canvas.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * unit, fill=BLUE)
    else:
        canvas.rectangle((0, 0, big - 1, big - 1), fill=BLUE)
    # The glyph scaled about the grid's centre (16, 16).
    points = [
        ((16 + (x - 16) * glyph_scale) * unit, (16 + (y - 16) * glyph_scale) * unit) for x, y in F_GLYPH
    ]
    canvas.polygon(points, fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icons = {
        "icon-192.png": draw(192, rounded=True),
        "icon-512.png": draw(512, rounded=True),
        # The glyph's far corner lies 10.3 units from the centre (32 %); at 0.8 it is 26 %, well inside 40 %.
        "icon-maskable-512.png": draw(512, rounded=False, glyph_scale=0.8),
        "apple-touch-icon-180.png": draw(180, rounded=False, glyph_scale=0.8).convert("RGB"),
    }
    for name, image in icons.items():
        image.save(OUT / name, optimize=True)
        print(OUT / name)


if __name__ == "__main__":
    main()
