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
    mkseeds.py references DIR          reference documents for ibm-report
                                       --reference: minimal (stored and
                                       deflated), with a header and what it
                                       refers to, hostile relationships,
                                       bombs, missing parts
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


W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships"')
REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:styles %s><w:style w:type="paragraph" w:styleId="Normal">'
          '<w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Times New '
          'Roman"/></w:rPr></w:style><w:style w:type="paragraph" '
          'w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
          '</w:styles>' % W_NS)


def rels(items):
    # items: (id, type, target[, extra attributes])
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
           '2006/relationships">']
    for it in items:
        out.append('<Relationship Id="%s" Type="%s/%s" Target="%s"%s/>' %
                   (it[0], REL_NS, it[1], it[2], it[3] if len(it) > 3
                    else ''))
    out.append('</Relationships>')
    return ''.join(out)


def document(headers='', title=False):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document %s><w:body><w:p><w:r><w:t>Template laporan'
            '</w:t></w:r></w:p><w:sectPr>%s%s<w:pgSz w:w="11906" '
            'w:h="16838"/></w:sectPr></w:body></w:document>' %
            (W_NS, headers, '<w:titlePg/>' if title else ''))


def header(text):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:hdr %s><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:hdr>' %
            (W_NS, text))


def write_docx(path, parts, method=zipfile.ZIP_DEFLATED):
    z = zipfile.ZipFile(path, 'w', method)
    for name, data in parts:
        # a fixed time: the seed made again is the same file
        i = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        i.compress_type = method
        z.writestr(i, data.encode() if isinstance(data, str) else data)
    z.close()


def references(d):
    logo = png(2, 2, 8, 2)
    minimal = [('word/styles.xml', STYLES), ('word/document.xml', document()),
               ('word/_rels/document.xml.rels',
                rels([('rId1', 'styles', 'styles.xml')]))]
    write_docx(os.path.join(d, 'minimal-stored'), minimal, zipfile.ZIP_STORED)
    write_docx(os.path.join(d, 'minimal'), minimal)
    # a header (the default one, and a first-page one), with a logo, a
    # theme, a font table, numbering
    doc_rels = rels([('rId1', 'styles', 'styles.xml'),
                     ('rId7', 'header', 'header1.xml'),
                     ('rId8', 'header', 'header2.xml')])
    hdrs = ('<w:headerReference w:type="default" r:id="rId7"/>'
            '<w:headerReference w:type="first" r:id="rId8"/>')
    with_header = [
        ('word/styles.xml', STYLES),
        ('word/document.xml', document(hdrs)),
        ('word/_rels/document.xml.rels', doc_rels),
        ('word/header1.xml', header('KOP KANTOR CONTOH')),
        ('word/header2.xml', header('KOP HALAMAN PERTAMA')),
        ('word/_rels/header1.xml.rels',
         rels([('rId1', 'image', 'media/image1.png')])),
        ('word/media/image1.png', logo),
        ('word/theme/theme1.xml', '<a:theme xmlns:a="http://schemas.'
         'openxmlformats.org/drawingml/2006/main" name="Office"/>'),
        ('word/fontTable.xml', '<w:fonts %s><w:font w:name="Times New '
         'Roman"/></w:fonts>' % W_NS),
        ('word/numbering.xml', '<w:numbering %s><w:abstractNum '
         'w:abstractNumId="0"/><w:num w:numId="1"><w:abstractNumId '
         'w:val="0"/></w:num></w:numbering>' % W_NS)]
    write_docx(os.path.join(d, 'header'), with_header)
    title = list(with_header)
    title[1] = ('word/document.xml', document(hdrs, title=True))
    title[5] = ('word/_rels/header2.xml.rels',
                rels([('rId1', 'image', 'media/image1.png')]))
    write_docx(os.path.join(d, 'header-first'), title, zipfile.ZIP_STORED)
    # relationships: external, outside word/, absolute, to parts the
    # document writes itself, to a missing part, the same part twice
    odd = list(with_header)
    odd[5] = ('word/_rels/header1.xml.rels', rels([
        ('rId1', 'image', 'media/image1.png'),
        ('rId2', 'image', 'media/image1.png'),
        ('rId3', 'hyperlink', 'http://bnn.go.id/', ' TargetMode="External"'),
        ('rId4', 'image', '../media/x.png'),
        ('rId5', 'image', '/word/media/image1.png'),
        ('rId6', 'image', '_rels/header1.xml.rels'),
        ('rId7', 'image', 'charts/chart1.xml'),
        ('rId8', 'image', 'media/ibmkit-image1.png'),
        ('rId9', 'image', 'styles.xml'),
        ('rId10', 'image', 'header1.xml'),
        ('rId11', 'image', 'media/absent.png'),
        ('rId12', 'image', 'media/'),
        ('rId13', 'image', 'media/caf\u00e9.PNG'),
        ('rId14', 'image', '')]))
    odd += [('word/charts/chart1.xml', '<c:chartSpace/>'),
            ('word/media/ibmkit-image1.png', logo),
            ('word/media/caf\u00e9.PNG', logo)]
    write_docx(os.path.join(d, 'relationships'), odd)
    # a part that expands 1,000 times (the ratio bound: above 16 KiB in
    # the fuzzing build), and one over a part's bound (64 KiB there)
    write_docx(os.path.join(d, 'ratio'), with_header[:6] +
               [('word/media/image1.png', bytes(60000))])
    write_docx(os.path.join(d, 'too-large'), with_header[:6] +
               [('word/media/image1.png', bytes(1 << 20))])
    # issue 19: a header whose relationships name one picture hundreds of
    # times, and many pictures: read once each, up to the bound on all
    # the parts (256 KiB in the fuzzing build)
    for kind, npics in (('repeat', 8), ('repeat-bound', 24)):
        items = [('rId%d' % (i + 1), 'image', 'media/pic%d.png' %
                  (0 if i % 2 else i // 2 % npics)) for i in range(360)]
        parts = with_header[:5] + [
            ('word/_rels/header1.xml.rels', rels(items))]
        parts += [('word/media/pic%d.png' % i, bytes([i]) * 15000)
                  for i in range(npics)]
        write_docx(os.path.join(d, kind), parts)
    # missing parts: no styles, styles cut, no header part, no relationships
    write_docx(os.path.join(d, 'no-styles'), minimal[1:])
    write_docx(os.path.join(d, 'styles-cut'),
               [('word/styles.xml', STYLES[:-12])] + minimal[1:])
    write_docx(os.path.join(d, 'no-header-part'),
               with_header[:3] + with_header[4:])
    write_docx(os.path.join(d, 'no-document-rels'),
               with_header[:2] + with_header[3:])
    write_docx(os.path.join(d, 'empty'), [])
    # the same in fuzz_report_reference's parts form (an options byte, 1:
    # deflate; parts "NAME[*N]\nTEXT" joined by "\n===\n"), which mutations
    # keep a valid archive
    def parts_form(name, opt, parts):
        with open(os.path.join(d, name), 'wb') as f:
            f.write(bytes([opt]) + b'\n===\n'.join(
                n.encode() + b'\n' + (t.encode() if isinstance(t, str)
                                      else t) for n, t in parts))
    text = [(n, t) for n, t in with_header if isinstance(t, str)]
    parts_form('parts-header', 0, text +
               [('word/media/image1.png', 'PNG')])
    parts_form('parts-header-first', 0,
               [(n, t) for n, t in title if isinstance(t, str)] +
               [('word/media/image1.png', 'PNG')])
    parts_form('parts-relationships', 0,
               [(n, t) for n, t in odd if isinstance(t, str)] +
               [('word/media/image1.png', 'PNG')])
    parts_form('parts-ratio', 1, text[:5] +
               [('word/_rels/header1.xml.rels',
                 rels([('rId1', 'image', 'media/image1.png')])),
                ('word/media/image1.png*60000', 'x')])
    parts_form('parts-too-large', 0, text[:5] +
               [('word/_rels/header1.xml.rels',
                 rels([('rId1', 'image', 'media/image1.png')])),
                ('word/media/image1.png*70000', 'x')])
    # issue 19 in this form: five pictures of 60,000 bytes stored, each
    # named 60 times (the relationships' text repeated)
    items = ''.join('<Relationship Id="rId%d" Type="%s/image" '
                    'Target="media/pic%d.png"/>' % (i, REL_NS, i)
                    for i in range(5))
    parts_form('parts-repeat-bound', 0, text[:5] +
               [('word/_rels/header1.xml.rels*60', items)] +
               [('word/media/pic%d.png*60000' % i, chr(65 + i))
                for i in range(5)])
    parts_form('parts-no-styles', 0, text[1:3])


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
     'fonts': lambda: fonts(sys.argv[2]),
     'references': lambda: references(sys.argv[2])}[sys.argv[1]]()
