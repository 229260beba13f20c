#!/usr/bin/python3
# mkref_hostile.py KIND OUT.docx - a reference document made to cost
# ibm-report --reference memory: the office template of mkref.py whose
# header's relationships point N times at one picture (KIND "repeat":
# 2000 times at 900 KB), or at a picture that expands a thousandfold
# (KIND "bomb": 64 MiB of zeros); or whose header names, besides its
# picture, parts ibm-report writes itself (KIND "reserved": its own
# relationships, a chart, a picture of ibmkit's).
import io
import os
import subprocess
import sys
import zipfile

kind, out = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
subprocess.run([sys.executable, os.path.join(here, "mkref.py"), out],
               check=True)
src = zipfile.ZipFile(out)
parts = {n: src.read(n) for n in src.namelist()}
src.close()
doc_rels = parts["word/_rels/document.xml.rels"].decode()
# the header of the default section, as mkref.py made it
import re
hdr = re.search(r'Target="(header[0-9]*\.xml)"', doc_rels).group(1)
if kind == "repeat":
    pic = bytes((i * 7919) % 251 for i in range(900 << 10))
    n = 2000
elif kind == "bomb":
    pic = bytes(64 << 20)
    n = 1
else:
    pic = bytes(range(256))
    n = 1
rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships">']
for i in range(n):
    rels.append('<Relationship Id="rId%d" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/'
                'image" Target="media/pic.png"/>' % (i + 1))
if kind == "reserved":
    for i, t in enumerate(("_rels/%s.rels" % hdr, "_rels/header1.xml.rels",
                           "charts/chart1.xml", "media/ibmkit-image1.png")):
        rels.append('<Relationship Id="rIdR%d" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/'
                    'image" Target="%s"/>' % (i, t))
        if not t.startswith("_rels/"):
            parts["word/" + t] = pic
rels.append('</Relationships>')
parts["word/_rels/%s.rels" % hdr] = ''.join(rels).encode()
parts["word/media/pic.png"] = pic
z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
for name, data in parts.items():
    z.writestr(name, data)
z.close()
