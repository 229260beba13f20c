#!/usr/bin/env python3
"""badpdf.py OUT.pdf - a PDF that prints badly: on page 1 a line at 5 pt
under a scaling matrix (10 pt x 0.5), two words drawn over each other, a
number 1 pt from the next cell's text and a number run into it; page 2
a signature alone; neither page says "Halaman N dari 2". tests/render.t
checks that pdfcheck.py finds them all."""
import sys

content = (b"q 0.5 0 0 0.5 0 0 cm BT /F1 10 Tf 100 1000 Td (tiny text) Tj ET Q\n"
           b"BT /F1 12 Tf 100 500 Td (Overlap) Tj ET\n"
           b"BT /F1 12 Tf 105 501 Td (Words) Tj ET\n"
           b"BT /F1 12 Tf 100 400 Td (12) Tj ET\n"
           b"BT /F1 12 Tf 114.4 400 Td (Nusa) Tj ET\n"
           b"BT /F1 12 Tf 100 300 Td (5) Tj ET\n"
           b"BT /F1 12 Tf 106.7 300 Td (Ya) Tj ET\n")
content2 = (b"BT /F1 12 Tf 320 700 Td (Kepala Kantor) Tj ET\n"
            b"BT /F1 12 Tf 320 620 Td (Dr. Test Signer) Tj ET\n")
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content2) + content2 +
    b"endstream",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objs) + 1, xref))
with open(sys.argv[1], "wb") as f:
    f.write(out)
