#!/usr/bin/python3
# readdocx.py FILE.docx [what...] - a .docx read back by python-docx (an
# independent reader): what is "headings" (the Heading paragraphs in
# order), "tables" (every table's cells, rows tab-separated), "table N"
# (one table, 1-based; -1 the last), "images" (the inline pictures' sizes and names),
# "parts" (the package's part names), "props" (title, language), "text"
# (all body paragraphs), "sections" (orientation and size of each),
# "styles" (the Normal style's font). Default: headings, images, parts.
# A paragraph numbered by Word (w:numPr) is printed with its number as
# word/numbering.xml makes it ("A.", "1.", "a.", "1)"), a tab after it.
import re
import sys
import zipfile

import docx
from docx.oxml.ns import qn

path = sys.argv[1]
what = sys.argv[2:] or ["headings", "images", "parts"]
d = docx.Document(path)


def numbering():
    """{numId: (levels {ilvl: (fmt, text, start)}, overrides)}."""
    try:
        xml = zipfile.ZipFile(path).read("word/numbering.xml").decode()
    except KeyError:
        return {}
    absn = {}
    for m in re.finditer(r'<w:abstractNum w:abstractNumId="(\d+)".*?'
                         r'</w:abstractNum>', xml, re.S):
        lv = {}
        for l in re.finditer(r'<w:lvl w:ilvl="(\d+)".*?</w:lvl>',
                             m.group(0), re.S):
            start = re.search(r'<w:start w:val="(\d+)"', l.group(0))
            lv[int(l.group(1))] = (
                re.search(r'<w:numFmt w:val="(\w+)"', l.group(0)).group(1),
                re.search(r'<w:lvlText w:val="([^"]*)"', l.group(0)).group(1),
                int(start.group(1)) if start else 1)
        absn[m.group(1)] = lv
    nums = {}
    for m in re.finditer(r'<w:num w:numId="(\d+)">(.*?)</w:num>', xml, re.S):
        a = re.search(r'<w:abstractNumId w:val="(\d+)"', m.group(2)).group(1)
        nums[m.group(1)] = absn.get(a, {})
    return nums


NUMS = numbering()
COUNT = {}


def fmt(kind, n):
    if kind == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if kind == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    return str(n)


def label(p):
    """The number Word puts before paragraph p, with a tab; or ""."""
    ppr = p._p.pPr
    npr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if npr is None:
        return ""
    num = npr.find(qn("w:numId")).get(qn("w:val"))
    lvl = int(npr.find(qn("w:ilvl")).get(qn("w:val")))
    levels = NUMS.get(num, {})
    c = COUNT.setdefault(num, {})
    c[lvl] = c.get(lvl, levels.get(lvl, ("", "", 1))[2] - 1) + 1
    for deeper in [k for k in c if k > lvl]:
        del c[deeper]
    text = levels.get(lvl, ("decimal", "%1.", 1))[1]
    for k in range(lvl + 1):
        text = text.replace("%%%d" % (k + 1),
                            fmt(levels.get(k, ("decimal",))[0], c.get(k, 1)))
    return text + "\t"


# the body's paragraphs with their numbers, counted in order
PARAS = [(par, label(par) + par.text) for par in d.paragraphs]


def table(t):
    for row in t.rows:
        print("\t".join(c.text.replace("\n", " / ") for c in row.cells))


i = 0
while i < len(what):
    w = what[i]
    if w == "headings":
        for p, t in PARAS:
            if p.style.name.startswith("Heading"):
                print("%s: %s" % (p.style.name, t.replace("\t", " ")))
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
        for p, t in PARAS:
            if p.text:
                print(t.replace("\t", " "))
    elif w == "sections":
        for s in d.sections:
            print("section %s %.1f x %.1f cm" % (
                "landscape" if s.page_width > s.page_height else "portrait",
                s.page_width.cm, s.page_height.cm))
    elif w == "styles":
        print("Normal font: %s" % d.styles["Normal"].font.name)
    i += 1
