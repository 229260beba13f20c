#!/usr/bin/env python3
"""mkfont.py OUT.ttf - a TrueType font of a few square glyphs (.notdef,
space, A, H, a, x and one composite glyph), small enough to be a fuzz seed
(under 2 KB), with every table libharu reads or copies: head, hhea, maxp,
OS/2, hmtx, cmap (Windows Unicode, format 4), loca, glyf, name, post, cvt,
fpgm, prep.
"""
import struct
import sys

CHARS = [None, ' ', 'A', 'H', 'a', 'x']     # glyph 6: composite (A + x)


def table_checksum(data):
    data += b'\0' * (-len(data) % 4)
    return sum(struct.unpack('>%dI' % (len(data) // 4), data)) & 0xFFFFFFFF


def square(size):
    # one contour of four on-curve points
    flags = bytes([1, 1, 1, 1])
    xs = struct.pack('>4h', 100, size, 0, -size)
    ys = struct.pack('>4h', 0, 0, size, 0)
    return (struct.pack('>hhhhh', 1, 100, 0, 100 + size, size) +
            struct.pack('>H', 3) + struct.pack('>H', 0) + flags + xs + ys)


def composite():
    # A, then x moved right (ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES)
    return (struct.pack('>hhhhh', -1, 0, 0, 1200, 700) +
            struct.pack('>HHhh', 0x0001 | 0x0002 | 0x0020, 2, 0, 0) +
            struct.pack('>HHhh', 0x0001 | 0x0002, 5, 600, 0))


def main(out):
    glyphs = [b'', b''] + [square(500) for _ in CHARS[2:]] + [composite()]
    n = len(glyphs)
    glyf, loca = b'', []
    for g in glyphs:
        g += b'\0' * (len(g) % 2)
        loca.append(len(glyf) // 2)
        glyf += g
    loca.append(len(glyf) // 2)
    t = {}
    t[b'head'] = struct.pack('>IIIIHHqqhhhhHHhhh', 0x00010000, 0x00010000,
                             0, 0x5F0F3CF5, 0, 1000, 0, 0, 0, 0, 1200, 700,
                             0, 8, 2, 0, 0)
    t[b'hhea'] = struct.pack('>Ihhh' + 'h' * 12 + 'H', 0x00010000, 800,
                             -200, 0, 1200, 0, 0, 1200, 1, 0, 0,
                             0, 0, 0, 0, 0, n)
    t[b'maxp'] = struct.pack('>IH' + 'H' * 13, 0x00010000, n, 4, 1, 8, 2,
                             2, 0, 0, 0, 0, 0, 0, 2, 1)
    t[b'OS/2'] = struct.pack('>HhHHH' + 'h' * 11 + '10B' + '4I' + '4s' +
                             'HHH' + 'hhhHH', 0, 500, 400, 5, 0,
                             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                             0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                             1, 0, 0, 0, b'IBMK', 0x40, 0x20, 0x78,
                             800, -200, 0, 800, 200)
    t[b'hmtx'] = b''.join(struct.pack('>Hh', 700 if i > 1 else 250, 0)
                          for i in range(n))
    # cmap: one segment per character, then 0xFFFF
    codes = sorted((ord(c), g) for g, c in enumerate(CHARS) if c)
    seg = len(codes) + 1
    ends = [c for c, _ in codes] + [0xFFFF]
    starts = [c for c, _ in codes] + [0xFFFF]
    deltas = [(g - c) & 0xFFFF for c, g in codes] + [1]
    sub = struct.pack('>HHHHHHH', 4, 16 + 8 * seg, 0, 2 * seg, 2, 0, 0)
    sub += struct.pack('>%dH' % seg, *ends) + b'\0\0'
    sub += struct.pack('>%dH' % seg, *starts)
    sub += struct.pack('>%dH' % seg, *deltas)
    sub += struct.pack('>%dH' % seg, *([0] * seg))
    t[b'cmap'] = struct.pack('>HHHHI', 0, 1, 3, 1, 12) + sub
    t[b'loca'] = struct.pack('>%dH' % len(loca), *loca)
    t[b'glyf'] = glyf
    names = [(1, b'Ibmkit Test'), (2, b'Regular'), (6, b'IbmkitTest')]
    recs, strs = b'', b''
    for plat, enc, lang, code in ((1, 0, 0, 'ascii'),
                                  (3, 1, 0x409, 'utf-16-be')):
        for nid, s in names:
            s = s.decode().encode(code)
            recs += struct.pack('>6H', plat, enc, lang, nid, len(s),
                                len(strs))
            strs += s
    t[b'name'] = struct.pack('>HHH', 0, 2 * len(names),
                             6 + len(recs)) + recs + strs
    t[b'post'] = struct.pack('>IIhhIIIII', 0x00030000, 0, -100, 50, 0, 0,
                             0, 0, 0)
    t[b'cvt '] = struct.pack('>h', 0)
    t[b'fpgm'] = b'\xb0\x00'
    t[b'prep'] = b'\xb0\x00'
    tags = sorted(t)
    off = 12 + 16 * len(tags)
    head = struct.pack('>IHHHH', 0x00010000, len(tags), 128, 3,
                       16 * len(tags) - 128)
    body = b''
    for tag in tags:
        data = t[tag]
        head += struct.pack('>4sIII', tag, table_checksum(data),
                            off + len(body), len(data))
        body += data + b'\0' * (-len(data) % 4)
    open(out, 'wb').write(head + body)


if __name__ == '__main__':
    main(sys.argv[1])
