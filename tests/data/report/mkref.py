#!/usr/bin/python3
# mkref.py OUT.docx [LOGO] - an office's own report template made with
# python-docx: Times New Roman body, a blue Heading 1, a header with its own
# text (the office's letterhead) and, when given, a logo picture in it; to
# be given to ibm-report --reference.
import sys

import docx
from docx.shared import Pt, RGBColor

d = docx.Document()
d.styles["Normal"].font.name = "Times New Roman"
d.styles["Normal"].font.size = Pt(12)
d.styles["Heading 1"].font.color.rgb = RGBColor(0x1F, 0x3A, 0x93)
h = d.sections[0].header
h.paragraphs[0].text = "KOP KANTOR CONTOH - PEMERINTAH KABUPATEN CONTOH"
if len(sys.argv) > 2:
    h.add_paragraph().add_run().add_picture(sys.argv[2], width=Pt(40))
d.add_paragraph("Template laporan kantor.")
d.save(sys.argv[1])
