#!/usr/bin/env python3
"""make.py - hand-made workbooks for the reader's edge cases, written as raw
Office Open XML with zipfile, so that every part is exactly as wanted.

    make.py NAME OUT.xlsx      (NAME: see BOOKS below)
"""
import re
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def book(path, sheets, sst=None, numfmts=(), xfs=(0,), date1904=False,
         sheet_xml=None, extra=None):
    """sheets: list of (name, rows, state); rows: list of (rownum, cells)
    with cells a list of raw <c> XML strings."""
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml.'
    ov = [('/xl/workbook.xml', 'sheet.main+xml'),
          ('/xl/styles.xml', 'styles+xml'),
          ] + ([('/xl/sharedStrings.xml', 'sharedStrings+xml')]
               if sst is not None else []) + [
        ('/xl/worksheets/sheet%d.xml' % i, 'worksheet+xml')
        for i in range(1, len(sheets) + 1)]
    z.writestr('[Content_Types].xml',
               '<?xml version="1.0"?><Types xmlns="http://schemas.'
               'openxmlformats.org/package/2006/content-types"><Default '
               'Extension="xml" ContentType="application/xml"/>%s</Types>'
               % ''.join('<Override PartName="%s" ContentType="%s%s"/>'
                         % (n, ct, t) for n, t in ov))
    z.writestr('_rels/.rels',
               '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
               'openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="%s/officeDocument" '
               'Target="xl/workbook.xml"/></Relationships>' % REL)
    wb = ['<?xml version="1.0"?><workbook %s>' % NS]
    if date1904:
        wb.append('<workbookPr date1904="1"/>')
    wb.append('<sheets>')
    rels = ['<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">']
    for i, (name, rows, state) in enumerate(sheets, 1):
        wb.append('<sheet name="%s" sheetId="%d" %sr:id="rId%d"/>' %
                  (esc(name), i, 'state="%s" ' % state if state else '', i))
        rels.append('<Relationship Id="rId%d" Type="%s/worksheet" '
                    'Target="worksheets/sheet%d.xml"/>' % (i, REL, i))
        if sheet_xml and i in sheet_xml:
            z.writestr('xl/worksheets/sheet%d.xml' % i, sheet_xml[i])
            continue
        x = ['<?xml version="1.0"?><worksheet %s>' % NS]
        refs = re.findall(r' r="([A-Z]+)([0-9]+)"', ''.join(
            ''.join(cl) for _, cl in rows))
        if refs:
            x.append('<dimension ref="A1:%s%d"/>' % (
                max((r[0] for r in refs), key=lambda k: (len(k), k)),
                max(int(r[1]) for r in refs)))
        x.append('<sheetData>')
        for rn, cells in rows:
            x.append('<row r="%d">%s</row>' % (rn, ''.join(cells))
                     if rn else '<row>%s</row>' % ''.join(cells))
        x.append('</sheetData></worksheet>')
        z.writestr('xl/worksheets/sheet%d.xml' % i, ''.join(x))
    wb.append('</sheets></workbook>')
    n = len(sheets)
    rels.append('<Relationship Id="rId%d" Type="%s/styles" '
                'Target="styles.xml"/>' % (n + 1, REL))
    if sst is not None:
        rels.append('<Relationship Id="rId%d" Type="%s/sharedStrings" '
                    'Target="/xl/sharedStrings.xml"/>' % (n + 2, REL))
        z.writestr('xl/sharedStrings.xml',
                   '<?xml version="1.0"?><sst %s>%s</sst>' %
                   (NS, ''.join('<si>%s</si>' % s for s in sst)))
    rels.append('</Relationships>')
    z.writestr('xl/workbook.xml', ''.join(wb))
    z.writestr('xl/_rels/workbook.xml.rels', ''.join(rels))
    st = ['<?xml version="1.0"?><styleSheet %s>' % NS]
    if numfmts:
        st.append('<numFmts>%s</numFmts>' % ''.join(
            '<numFmt numFmtId="%d" formatCode="%s"/>' % (i, esc(c))
            for i, c in numfmts))
    st.append('<cellXfs>%s</cellXfs></styleSheet>' % ''.join(
        '<xf numFmtId="%d"/>' % f for f in xfs))
    z.writestr('xl/styles.xml', ''.join(st))
    for name, data in (extra or {}).items():
        z.writestr(name, data)
    z.close()


def c(ref, v, t=None, s=None, f=None):
    a = ' r="%s"' % ref if ref else ''
    if t:
        a += ' t="%s"' % t
    if s is not None:
        a += ' s="%d"' % s
    inner = ('<f>%s</f>' % esc(f) if f else '') + \
        ('<v>%s</v>' % esc(v) if v is not None else '')
    return '<c%s>%s</c>' % (a, inner)


# styles: 0 General, 1 date (14), 2 custom d/m/yyyy, 3 datetime (22),
# 4 h:mm (20), 5 h:mm:ss (21), 6 [h]:mm:ss, 7 0% (9), 8 0.00 (2),
# 9 custom "mmm yy", 10 text @ (49), 11 custom 'yyyy-mm-dd hh:mm'
FMTS = [(164, 'd/m/yyyy;@'), (165, '[h]:mm:ss'), (166, '[$-421]mmm yy'),
        (167, 'yyyy\\-mm\\-dd hh:mm')]
XFS = [0, 14, 164, 22, 20, 21, 165, 9, 2, 166, 49, 167]


def values(path):
    sst = ['<t>nama</t>', '<t>nilai</t>', '<t>catatan</t>',
           '<r><rPr><b/></rPr><t>Budi </t></r><r><t>Santoso</t></r>'
           '<rPh sb="0" eb="1"><t>ignored</t></rPh>',
           '<t xml:space="preserve"> dua_x000D_\nbaris </t>',
           '<t>A&amp;B, "kutip"</t>']
    rows = [
        (1, [c('A1', '0', 's'), c('B1', '1', 's'), c('C1', '2', 's')]),
        (2, [c('A2', '3', 's'), c('B2', '12'), c('C2', '4', 's')]),
        (3, [c('A3', 'x', 'inlineStr').replace(
            '<v>x</v>', '<is><r><t>Siti</t></r><r><t> Aminah</t></r></is>'),
            c('B3', '0.1'), c('C3', '5', 's')]),
        (4, [c('A4', 'desimal', 'str'), c('B4', '1.2345678901234501E-2'),
             c(None, 'dua belas', 'str', f='"dua "&"belas"')]),
        (5, [c('A5', 'telepon', 'str'), c('B5', '81234567890'),
             c('C5', '1E+25')]),
        (6, [c('A6', 'persen', 'str'), c('B6', '0.25', s=7),
             c('C6', '3.5', s=8)]),
        (7, [c('A7', 'tanggal', 'str'), c('B7', '45467', s=1),
             c('C7', '45467.75', s=2)]),
        (8, [c('A8', 'waktu', 'str'), c('B8', '45467.6041666667', s=3),
             c('C8', '0.6041666666666666', s=4)]),
        (9, [c('A9', 'detik', 'str'), c('B9', '0.604224537037037', s=5),
             c('C9', '1.5', s=6)]),
        (10, [c('A10', 'bulan', 'str'), c('B10', '45467', s=9),
              c('C10', '45467.5', s=11)]),
        (11, [c('A11', 'boolean', 'str'), c('B11', '1', 'b'),
              c('C11', '0', 'b')]),
        (12, [c('A12', 'error', 'str'), c('B12', '#DIV/0!', 'e',
              f='1/0'), c('C12', '#N/A', 'e')]),
        (13, [c('A13', 'rumus', 'str'), c('B13', None, f='SUM(B2:B3)'),
              c('C13', '7', f='3+4')]),
        (14, [c('A14', 'teks angka', 'str'), c('B14', '0812', 'str'),
              c('C14', '42', s=10)]),
        (15, [c('A15', 'kosong', 'str'), c('B15', None, s=1),
              c('C15', '-0.5')]),
        (16, [c('A16', '1900', 'str'), c('B16', '59', s=1),
              c('C16', '61', s=1)]),
    ]
    book(path, [('Data', rows, None)], sst, FMTS, XFS)


def date1904(path):
    rows = [(1, [c('A1', 'tanggal', 'str'), c('B1', 'waktu', 'str')]),
            (2, [c('A2', '1', s=1), c('B2', '43999.5', s=3)]),
            (3, [c('A3', '44005', s=2), c('B3', '1462', s=1)])]
    book(path, [('Sheet1', rows, None)], None, FMTS, XFS, date1904=True)


def titled(path):
    rows = [(1, [c('A1', 'REKAPITULASI MONEV IBM 2024', 'str')]),
            (3, [c('A3', 'no', 'str'), c('B3', 'nama', 'str'),
                 c('C3', 'kota', 'str')]),
            (4, [c('A4', '1'), c('B4', 'Andi', 'str'),
                 c('C4', 'Mataram', 'str')]),
            (6, [c('A6', '2'), c('C6', 'Bima', 'str')])]
    book(path, [('Rekap', rows, None)],
         extra={'xl/worksheets/_rels/x.rels': '<x/>'})


def hidden(path):
    r1 = [(1, [c('A1', 'rahasia', 'str')]), (2, [c('A2', '1')])]
    r2 = [(1, [c('A1', 'nama', 'str')]), (2, [c('A2', 'Budi', 'str')])]
    r3 = []
    book(path, [('Tersembunyi', r1, 'hidden'), ('Peserta', r2, None),
                ('Kosong', r3, None)])


def wide(path):
    rows = [(1, [c('A1', 'a', 'str'), c('B1', 'b', 'str')]),
            (2, [c('A2', '1'), c('B2', '2')]),
            (3, [c('A3', '1'), c('D3', 'catatan', 'str')])]
    book(path, [('S', rows, None)])


def malformed(path):
    book(path, [('S', [], None)], sheet_xml={
        1: '<?xml version="1.0"?><worksheet %s><sheetData><row r="1">'
           '<c r="A1" t="str"><v>a</v></c></row><row r="2"><c r="A2">'
           '<v>1</c></row></sheetData></worksheet>' % NS})


def dtd(path):
    book(path, [('S', [], None)], sheet_xml={
        1: '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet %s>'
           '<sheetData><row r="1"><c r="A1" t="str"><v>&b;</v></c></row>'
           '</sheetData></worksheet>' % NS})


def bomb(path):
    # a sheet of 40 MB that deflates 1000-fold
    pad = '<row/>' * (40 << 20 // 6) if False else ' ' * (40 << 20)
    book(path, [('S', [], None)], sheet_xml={
        1: '<?xml version="1.0"?><worksheet %s><sheetData>%s'
           '</sheetData></worksheet>' % (NS, pad)})


def ods(path):
    z = zipfile.ZipFile(path, 'w')
    z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
    z.writestr('content.xml', '<office:document-content/>')
    z.close()


def zipped(path):
    z = zipfile.ZipFile(path, 'w')
    z.writestr('data.csv', 'a,b\n1,2\n')
    z.close()


def corrupt(path):
    values(path)
    data = open(path, 'rb').read()
    open(path, 'wb').write(data[:len(data) // 2])


def cfb(path, stream):
    # an OLE2 header and one directory sector naming the stream
    hdr = bytearray(512)
    hdr[0:8] = b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'
    hdr[0x1E] = 9  # sector shift: 512
    d = bytearray(512)
    for i, name in enumerate(['Root Entry', stream]):
        e = name.encode('utf-16-le') + b'\0\0'
        d[i * 128:i * 128 + len(e)] = e
    open(path, 'wb').write(bytes(hdr) + bytes(d))


def xls(path, password):
    # an Excel 97-2003 workbook: an OLE2 file whose Workbook stream (one
    # of 4096 bytes, above the mini-stream cut-off) starts with a BOF
    # record, then FILEPASS (0x002F) when it has a password to open
    hdr = bytearray(512)
    hdr[0:8] = b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'
    hdr[0x1A] = 0x3E  # minor version
    hdr[0x18] = 3     # major version 3: 512-byte sectors
    hdr[0x1C:0x1E] = b'\xFE\xFF'
    hdr[0x1E] = 9     # sector shift
    hdr[0x20] = 6     # mini sector shift
    hdr[0x2C] = 1     # one FAT sector: sector 9
    hdr[0x30] = 0     # the directory: sector 0
    hdr[0x38:0x3C] = (4096).to_bytes(4, 'little')
    hdr[0x3C:0x40] = b'\xFE\xFF\xFF\xFF'
    hdr[0x44:0x48] = b'\xFE\xFF\xFF\xFF'
    hdr[0x4C:0x50] = (9).to_bytes(4, 'little')
    for i in range(1, 109):
        hdr[0x4C + 4 * i:0x50 + 4 * i] = b'\xFF\xFF\xFF\xFF'
    d = bytearray(512)
    for i, (name, kind, start, size) in enumerate(
            [('Root Entry', 5, 0xFFFFFFFE, 0), ('Workbook', 2, 1, 4096)]):
        e = name.encode('utf-16-le') + b'\0\0'
        d[i * 128:i * 128 + len(e)] = e
        d[i * 128 + 0x40] = len(e)
        d[i * 128 + 0x42] = kind
        d[i * 128 + 0x44:i * 128 + 0x50] = b'\xFF' * 12
        d[i * 128 + 0x74:i * 128 + 0x78] = start.to_bytes(4, 'little')
        d[i * 128 + 0x78:i * 128 + 0x7C] = size.to_bytes(4, 'little')
    wb = bytearray(4096)
    bof = b'\x09\x08\x10\x00' + b'\x00\x06\x05\x00' + bytes(12)
    wb[0:len(bof)] = bof
    if password:
        fp = b'\x2F\x00\x36\x00' + b'\x01\x00' + bytes(52)
        wb[len(bof):len(bof) + len(fp)] = fp
    fat = bytearray(b'\xFF' * 512)
    chain = [0xFFFFFFFE] + [i + 1 for i in range(1, 8)] + [0xFFFFFFFE, 0xFFFFFFFD]
    for i, v in enumerate(chain):
        fat[4 * i:4 * i + 4] = v.to_bytes(4, 'little')
    open(path, 'wb').write(bytes(hdr) + bytes(d) + bytes(wb) + bytes(fat))


def ns_prefix(path):
    # a writer that prefixes every element (x:) and leaves out r
    NSX = NS.replace('xmlns=', 'xmlns:x=')
    book(path, [('S', [], None)], sheet_xml={
        1: '<?xml version="1.0"?><x:worksheet %s><x:sheetData><x:row>'
           '<x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c '
           't="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row><x:row>'
           '<x:c><x:v>1</x:v></x:c><x:c><x:v>2.50</x:v></x:c></x:row>'
           '</x:sheetData></x:worksheet>' % NSX})


BOOKS = {
    'values': values, 'date1904': date1904, 'titled': titled,
    'hidden': hidden, 'wide': wide, 'malformed': malformed, 'dtd': dtd,
    'bomb': bomb, 'ods': ods, 'zip': zipped, 'corrupt': corrupt,
    'xls': lambda p: cfb(p, 'Workbook'),
    'encrypted': lambda p: cfb(p, 'EncryptedPackage'),
    'xls-real': lambda p: xls(p, False),
    'xls-password': lambda p: xls(p, True),
    'prefix': ns_prefix,
}

if __name__ == '__main__':
    BOOKS[sys.argv[1]](sys.argv[2])
