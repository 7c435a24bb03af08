"""Draw the sample publication's illustration (content/images/ontmoetingsplekken.png).

Run once by hand; the PNG is committed. Kept so the picture can be redrawn in other
colours: .venv/bin/python tools/draw_sample_map.py
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H, S = 2400, 1400, 2  # final size and supersampling factor
PAPER, BLOCK, STREET = "#F6F1EC", "#E2D8CF", "#FFFFFF"
WATER, INK, ACCENT = "#CFD8DC", "#1E2A32", "#B0472A"
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    random.seed(7)
    img = Image.new("RGB", (W * S, H * S), PAPER)
    d = ImageDraw.Draw(img)
    # river along the bottom
    pts = [(x, int(H * S * 0.80 + 90 * S * __import__("math").sin(x / (380 * S)))) for x in range(0, W * S + 40, 40)]
    d.polygon(pts + [(W * S, H * S), (0, H * S)], fill=WATER)
    # blocks on a slightly irregular grid
    cols, rows = 9, 5
    for c in range(cols):
        for r in range(rows):
            x0 = 60 * S + c * 260 * S + random.randint(-8, 8) * S
            y0 = 60 * S + r * 200 * S + random.randint(-6, 6) * S
            w = random.randint(170, 215) * S
            h = random.randint(120, 150) * S
            if y0 + h > H * S * 0.74:
                continue
            d.rounded_rectangle((x0, y0, x0 + w, y0 + h), radius=14 * S, fill=BLOCK)
    # meeting places, connected
    spots = [(330, 240), (860, 170), (1390, 300), (1960, 210), (560, 660), (1150, 590), (1720, 700), (2130, 560)]
    links = [(0, 1), (1, 2), (2, 3), (0, 4), (4, 5), (5, 2), (5, 6), (6, 7), (3, 7), (1, 5)]
    for a, b in links:
        (x1, y1), (x2, y2) = spots[a], spots[b]
        d.line((x1 * S, y1 * S, x2 * S, y2 * S), fill=INK, width=5 * S)
    font = ImageFont.truetype(str(ROOT / "layouts/fonts/Carlito-Bold.ttf"), 64 * S)
    for n, (x, y) in enumerate(spots, start=1):
        r = 58 * S
        d.ellipse((x * S - r, y * S - r, x * S + r, y * S + r), fill=ACCENT, outline=STREET, width=8 * S)
        d.text((x * S, y * S + 2 * S), str(n), font=font, fill=STREET, anchor="mm")
    img = img.resize((W, H), Image.LANCZOS)
    out = ROOT / "content/images/ontmoetingsplekken.png"
    img.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
    print(out, out.stat().st_size)


if __name__ == "__main__":
    main()
