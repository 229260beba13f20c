#!/usr/bin/env python3
"""windows/mkicon.py - draws windows/ibmkit.ico, the icon of every ibmkit
.exe (windows/ibmkit.rc): a navy rounded square, a white figure of a person
and a green tick (the community-based recovery the tools serve), at 16, 24,
32, 48 and 256 pixels, each a PNG inside the .ico (Windows Vista and later
read them). Plain Python 3 (zlib, struct): no imaging library. The .ico is
kept in the tree; run this only to change the drawing:

    python3 windows/mkicon.py windows/ibmkit.ico
"""
import struct
import sys
import zlib

NAVY = (0x1F, 0x3A, 0x70)
WHITE = (0xFF, 0xFF, 0xFF)
GREEN = (0x2E, 0xB8, 0x4B)


def inside(x, y):
    """The colour at (x, y) of the unit square, or None (transparent)."""
    # rounded square, corner radius 0.18
    r = 0.18
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    # the tick, lower right: two thick strokes
    def seg(ax, ay, bx, by, w):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) /
                         (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= w * w
    if seg(0.56, 0.70, 0.67, 0.81, 0.055) or seg(0.67, 0.81, 0.88, 0.55, 0.055):
        return GREEN
    # the person: a head and shoulders
    if (x - 0.40) ** 2 + (y - 0.33) ** 2 <= 0.13 ** 2:
        return WHITE
    if y >= 0.52 and y <= 0.84 and ((x - 0.40) / 0.26) ** 2 + \
            ((y - 0.84) / 0.32) ** 2 <= 1:
        return WHITE
    return NAVY


def png(size):
    ss = 4  # supersampling for smooth edges
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(ss):
                for si in range(ss):
                    c = inside((i + (si + 0.5) / ss) / size,
                               (j + (sj + 0.5) / ss) / size)
                    if c:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 255
            n = ss * ss
            a = acc[3] // n
            if a:
                row += bytes([acc[0] * 255 // acc[3], acc[1] * 255 // acc[3],
                              acc[2] * 255 // acc[3], a])
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) +
            chunk(b"IEND", b""))


def main():
    sizes = [16, 24, 32, 48, 256]
    images = [png(s) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for s, im in zip(sizes, images):
        out += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32,
                           len(im), offset)
        offset += len(im)
    out += b"".join(images)
    with open(sys.argv[1], "wb") as f:
        f.write(out)


main()
