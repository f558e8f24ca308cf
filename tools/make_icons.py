#!/usr/bin/env python3
"""Draws the app icons the web-app manifest names (192 and 512 px PNG) from the favicon's design.

Standard library only: the shapes of src/main/resources/public/favicon.svg (a rounded square and five strokes) are
rasterised with 4x4 supersampling. Run from the project root: python3 tools/make_icons.py
"""
import struct
import zlib

TEAL = (0x1F, 0x6F, 0x78)
WHITE = (0xFF, 0xFF, 0xFF)
# In the favicon's 32x32 view box: a vertical spine and four ribs, stroke width 2.5, round caps.
STROKES = [((16, 5), (16, 27)), ((11, 9), (21, 9)), ((10, 14), (22, 14)), ((11, 19), (21, 19)), ((12, 24), (20, 24))]
HALF_STROKE = 1.25
RADIUS = 7


def inside_rounded_square(x, y):
    cx = min(max(x, RADIUS), 32 - RADIUS)
    cy = min(max(y, RADIUS), 32 - RADIUS)
    return 0 <= x <= 32 and 0 <= y <= 32 and (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def on_stroke(x, y):
    for (x1, y1), (x2, y2) in STROKES:
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
        px, py = x1 + t * dx, y1 + t * dy
        if (x - px) ** 2 + (y - py) ** 2 <= HALF_STROKE ** 2:
            return True
    return False


def render(size, samples=4):
    rows = []
    scale = 32.0 / size
    for row in range(size):
        line = bytearray([0])  # filter type 0
        for col in range(size):
            r = g = b = a = 0.0
            for sy in range(samples):
                for sx in range(samples):
                    x = (col + (sx + 0.5) / samples) * scale
                    y = (row + (sy + 0.5) / samples) * scale
                    if inside_rounded_square(x, y):
                        colour = WHITE if on_stroke(x, y) else TEAL
                        r, g, b, a = r + colour[0], g + colour[1], b + colour[2], a + 1
            n = samples * samples
            if a:
                line += bytes([round(r / a), round(g / a), round(b / a), round(255 * a / n)])
            else:
                line += bytes([0, 0, 0, 0])
        rows.append(bytes(line))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for size in (192, 512):
        with open(f"src/main/resources/public/icon-{size}.png", "wb") as out:
            out.write(render(size))
