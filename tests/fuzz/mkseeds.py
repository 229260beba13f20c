#!/usr/bin/env python3
"""mkseeds.py WHAT ... - seed inputs that are files of other programs'
formats, for tests/fuzz/corpus.sh:

    mkseeds.py stored IN.xlsx OUT      the workbook with every part stored
                                       without compression
    mkseeds.py pngs DIR                small PNGs of every colour type and
                                       depth libharu takes, interlaced, and
                                       damaged ones; a JPEG
    mkseeds.py fonts DIR               the small font of mkfont.py, and the
                                       same damaged
"""
import os
import struct
import sys
import zipfile
import zlib

here = os.path.dirname(os.path.abspath(__file__))


def stored(src, out):
    zin = zipfile.ZipFile(src)
    zout = zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED)
    for i in zin.infolist():
        # what the reader never opens (the theme is 10 KB): the seed stays
        # within the fuzzer's -max_len, which would cut the archive
        if i.filename.startswith(('docProps/', 'xl/theme/')):
            continue
        # the entry's own time: the seed made again is the same file
        o = zipfile.ZipInfo(i.filename, date_time=i.date_time)
        o.external_attr = i.external_attr
        zout.writestr(o, zin.read(i.filename))
    zout.close()


def chunk(k, data):
    return (struct.pack('>I', len(data)) + k + data +
            struct.pack('>I', zlib.crc32(k + data) & 0xffffffff))


def png(w, h, depth, ctype, interlace=0, extra=b'', rows=None):
    chans = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    def image(pw, ph):
        rb = (pw * chans * depth + 7) // 8
        return b''.join(b'\0' + bytes((x * 37 + y * 11) & 0xff
                                      for x in range(rb))
                        for y in range(ph))
    if rows is None and not interlace:
        rows = image(w, h)
    elif rows is None:  # Adam7: the seven passes' sub-images in turn
        rows = b''
        for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8),
                               (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
                               (0, 1, 1, 2)):
            pw, ph = -(-(w - x0) // dx), -(-(h - y0) // dy)
            if pw > 0 and ph > 0:
                rows += image(pw, ph)
    ihdr = struct.pack('>IIBBBBB', w, h, depth, ctype, 0, 0, interlace)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + extra +
            chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))


def pngs(d):
    plte = chunk(b'PLTE', bytes(range(48)))
    seeds = {
        'gray1': png(9, 3, 1, 0), 'gray8': png(5, 4, 8, 0),
        'gray16': png(3, 2, 16, 0), 'rgb8': png(4, 3, 8, 2),
        'rgb16': png(2, 2, 16, 2), 'rgba8': png(3, 3, 8, 6),
        'graya8': png(3, 2, 8, 4), 'pal4': png(5, 2, 4, 3, extra=plte),
        'pal8-trns': png(4, 2, 8, 3, extra=plte + chunk(b'tRNS', b'\0\x80')),
        'interlaced': png(7, 7, 8, 2, interlace=1),
        'crc': png(2, 2, 8, 0)[:-5] + b'\0\0\0\0\0',
        'cut': png(8, 8, 8, 2)[:60],
        'filter': png(2, 1, 8, 0, rows=b'\x09ab'),
        'jpeg': b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00'
                b'\x01\x00\x00\xff\xc0\x00\x0b\x08\x00\x02\x00\x03\x01\x01'
                b'\x11\x00\xff\xd9',
    }
    for name, data in seeds.items():
        open(os.path.join(d, name), 'wb').write(data)


def fonts(d):
    sys.path.insert(0, here)
    import mkfont
    path = os.path.join(d, 'small')
    mkfont.main(path)
    good = open(path, 'rb').read()
    open(os.path.join(d, 'cut'), 'wb').write(good[:len(good) // 2])
    bad = bytearray(good)
    bad[4:6] = b'\x7f\xff'          # a table directory past the end
    open(os.path.join(d, 'tables'), 'wb').write(bytes(bad))
    open(os.path.join(d, 'text'), 'wb').write(b'hello font\n')


def even(path):
    # fuzz_xlsxread reads the second sheet when the input's size is odd:
    # a one-byte archive comment makes it even (the first sheet)
    if os.path.getsize(path) % 2:
        with zipfile.ZipFile(path, 'a') as z:
            z.comment = b'-'


if __name__ == '__main__':
    {'stored': lambda: stored(sys.argv[2], sys.argv[3]),
     'even': lambda: [even(p) for p in sys.argv[2:]],
     'pngs': lambda: pngs(sys.argv[2]),
     'fonts': lambda: fonts(sys.argv[2])}[sys.argv[1]]()
