#!/usr/bin/python3
# readdocx.py FILE.docx [what...] - a .docx read back by python-docx (an
# independent reader): what is "headings" (the Heading paragraphs in
# order), "tables" (every table's cells, rows tab-separated), "table N"
# (one table, 1-based; -1 the last), "images" (the inline pictures' sizes and names),
# "parts" (the package's part names), "props" (title, language), "text"
# (all body paragraphs), "sections" (orientation and size of each),
# "styles" (the Normal style's font). Default: headings, images, parts.
import sys
import zipfile

import docx

path = sys.argv[1]
what = sys.argv[2:] or ["headings", "images", "parts"]
d = docx.Document(path)


def table(t):
    for row in t.rows:
        print("\t".join(c.text.replace("\n", " / ") for c in row.cells))


i = 0
while i < len(what):
    w = what[i]
    if w == "headings":
        for p in d.paragraphs:
            if p.style.name.startswith("Heading"):
                print("%s: %s" % (p.style.name, p.text.replace("\t", " ")))
    elif w == "tables":
        for n, t in enumerate(d.tables, 1):
            print("# table %d" % n)
            table(t)
    elif w == "table":
        i += 1
        n = int(what[i])
        table(d.tables[n - 1 if n > 0 else n])
    elif w == "images":
        for s in d.inline_shapes:
            print("image %.1f x %.1f cm" % (s.width.cm, s.height.cm))
    elif w == "parts":
        for n in zipfile.ZipFile(path).namelist():
            print(n)
    elif w == "props":
        cp = d.core_properties
        print("title: %s" % cp.title)
        print("language: %s" % cp.language)
        print("created: %s" % cp.created.isoformat())
        s = d.sections[0]
        print("page: %.1f x %.1f cm" % (s.page_width.cm, s.page_height.cm))
        print("margins: top %.1f right %.1f bottom %.1f left %.1f cm" % (
            s.top_margin.cm, s.right_margin.cm, s.bottom_margin.cm,
            s.left_margin.cm))
        print("first-page header: %s" % " / ".join(
            p.text for p in s.first_page_header.paragraphs if p.text))
        for t in s.first_page_header.tables:
            for row in t.rows:
                print("header row: %s" % " / ".join(
                    c.text.replace("\n", " / ") for c in row.cells))
    elif w == "text":
        for p in d.paragraphs:
            if p.text:
                print(p.text.replace("\t", " "))
    elif w == "sections":
        for s in d.sections:
            print("section %s %.1f x %.1f cm" % (
                "landscape" if s.page_width > s.page_height else "portrait",
                s.page_width.cm, s.page_height.cm))
    elif w == "styles":
        print("Normal font: %s" % d.styles["Normal"].font.name)
    i += 1
