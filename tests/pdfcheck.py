#!/usr/bin/env python3
"""pdfcheck.py - how a PDF prints: the smallest text and overlapping words.

    pdfcheck.py [--min PT] [--pages] [--signed NAME] [--touching] FILE.pdf...

For every page: the effective size of every piece of text (the font size
times the scaling of the text and graphics matrices, as it lands on paper)
from the page's content streams, and the words' boxes from poppler's
`pdftotext -bbox`. Prints one line per file, "FILE: N pages, smallest text
S pt", and one line per problem (text under PT points, two words that
overlap); exits 1 when there is a problem. With --pages, every page
also says "Halaman N dari M", N its own number and M the document's
pages (page numbers that run on across a whole workbook). With --signed
NAME, every page that shows the signatory's NAME also shows text above
it and left of the signature block (which stands right of the text it
signs: the place and date, position lines, room to sign), besides a page
number "- N -": a signature never stands alone on a page. With
--touching, a number never touches the text of the next cell: a word
ending in a digit and the next word on its line, begun by a text run of
its own (another cell), are at least 3 points apart, and never run
together into one word. Standard library and poppler-utils only.
"""
import re
import subprocess
import sys
import zlib

TOKEN = re.compile(rb"""
    (?P<ws>\s+|%[^\r\n]*)
  | (?P<str>\()
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dict><<|>>)
  | (?P<arr>[\[\]])
  | (?P<name>/[^\s/\[\]()<>{}%]*)
  | (?P<num>[-+]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[A-Za-z'"*][A-Za-z0-9'"*]*)
  | (?P<other>.)
""", re.S | re.X)


def read_string(data, i):
    """data[i] is just past '('; returns (bytes, index after ')')."""
    depth, out = 1, bytearray()
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # backslash
            i += 2
            out += b"?"
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    return bytes(out), i


def mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4],
            a[4] * b[1] + a[5] * b[3] + b[5]]


def scale_of(m):
    return abs(m[0] * m[3] - m[1] * m[2]) ** 0.5


def text_sizes(content, xobjects, ctm=None, depth=0):
    """Yield (effective size, text) for every text shown in content."""
    ctm = ctm or [1, 0, 0, 1, 0, 0]
    stack, tm, tlm, size, lead = [], None, None, 0.0, 0.0
    ops, i = [], 0
    while i < len(content):
        m = TOKEN.match(content, i)
        if not m:
            break
        i = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        if kind == "str":
            s, i = read_string(content, i)
            ops.append(s)
        elif kind == "num":
            ops.append(float(m.group()))
        elif kind in ("name", "hex"):
            ops.append(m.group())
        elif kind == "op":
            op = m.group()
            if op == b"q":
                stack.append(ctm[:])
            elif op == b"Q" and stack:
                ctm = stack.pop()
            elif op == b"cm" and len(ops) >= 6:
                ctm = mul([float(x) for x in ops[-6:]], ctm)
            elif op == b"BT":
                tm, tlm = [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0]
            elif op == b"Tf" and len(ops) >= 1:
                size = float(ops[-1])
            elif op == b"Tm" and len(ops) >= 6:
                tm = [float(x) for x in ops[-6:]]
                tlm = tm[:]
            elif op in (b"Td", b"TD") and len(ops) >= 2 and tlm:
                tlm = mul([1, 0, 0, 1, ops[-2], ops[-1]], tlm)
                tm = tlm[:]
            elif op in (b"Tj", b"TJ", b"'", b'"') and tm is not None:
                text = b"".join(
                    x if not x.startswith(b"<") else b"#" * (len(x) // 2)
                    for x in ops if isinstance(x, bytes)
                    and not x.startswith(b"/"))
                full = mul(tm, ctm)
                yield size * scale_of(full), text, full[4], full[5]
            elif op == b"Do" and ops and depth < 4:
                name = ops[-1][1:] if isinstance(ops[-1], bytes) else b""
                if name in xobjects:
                    mat, body = xobjects[name]
                    yield from text_sizes(body, xobjects, mul(mat, ctm),
                                          depth + 1)
            ops = []
        # arrays and dicts: tokens only


OBJ = re.compile(rb"(\d+)\s+0\s+obj(.*?)endobj", re.S)


def objects(pdf):
    objs = {}
    for m in OBJ.finditer(pdf):
        body = m.group(2)
        head, stream = body, None
        s = re.search(rb"stream\r?\n", body)
        if s:
            head = body[:s.start()]
            raw = body[s.end():]
            e = raw.rfind(b"endstream")
            raw = raw[:e] if e >= 0 else raw
            if b"/FlateDecode" in head:
                try:
                    raw = zlib.decompressobj().decompress(raw)
                except zlib.error:
                    raw = b""
            stream = raw
        objs[int(m.group(1))] = (head, stream)
    return objs


def refs(head, key):
    m = re.search(rb"/" + key + rb"\s*(\[[^\]]*\]|\d+\s+0\s+R)", head)
    if not m:
        return []
    return [int(x) for x in re.findall(rb"(\d+)\s+0\s+R", m.group(1))]


def pages(pdf):
    """Content of every page, in order, with its form XObjects."""
    objs = objects(pdf)
    xobjects = {}
    for num, (head, stream) in objs.items():
        if stream is not None and b"/Form" in head:
            mat = [1, 0, 0, 1, 0, 0]
            mm = re.search(rb"/Matrix\s*\[([^\]]*)\]", head)
            if mm:
                mat = [float(x) for x in mm.group(1).split()]
            xobjects[num] = (mat, stream)
    names = {}
    for num, (head, _) in objs.items():
        for m in re.finditer(rb"/([^\s/]+)\s+(\d+)\s+0\s+R", head):
            if int(m.group(2)) in xobjects:
                names[m.group(1)] = xobjects[int(m.group(2))]
    out = []
    roots = [n for n, (h, _) in objs.items()
             if re.search(rb"/Type\s*/Pages\b", h) and b"/Parent" not in h]

    def walk(n):
        if n in seen:
            return
        seen.add(n)
        head = objs.get(n, (b"", None))[0]
        if re.search(rb"/Type\s*/Pages\b", head):
            for k in refs(head, b"Kids"):
                walk(k)
        elif re.search(rb"/Type\s*/Page\b", head):
            body = b"".join(objs.get(c, (b"", b""))[1] or b""
                            for c in refs(head, b"Contents"))
            out.append(body)
    seen = set()
    for r in roots:
        walk(r)
    return out, names


def words(path, heights=None):
    """Words per page from pdftotext -bbox: (xmin, ymin, xmax, ymax, text);
    the pages' heights appended to heights."""
    xml = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    result = []
    for page in xml.split("<page ")[1:]:
        if heights is not None:
            m = re.search(r'height="([\d.]+)"', page)
            heights.append(float(m.group(1)) if m else 842.0)
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                             r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             page):
            ws.append((float(m.group(1)), float(m.group(2)),
                       float(m.group(3)), float(m.group(4)), m.group(5)))
        result.append(ws)
    return result


def overlaps(ws):
    """Pairs of words whose boxes overlap by more than a sliver."""
    found = []
    ws = sorted(ws)
    for i, a in enumerate(ws):
        for b in ws[i + 1:]:
            if b[0] >= a[2] - 0.5:
                break
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            hy = min(a[3] - a[1], b[3] - b[1])
            if dx > 1.0 and dy > 0.3 * hy:
                found.append((a, b))
    return found


def page_numbers(path):
    """Pages whose "Halaman N dari M" is not their own number of all."""
    text = subprocess.run(["pdftotext", path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8",
                                                             "replace")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    problems = []
    for n, t in enumerate(pages, 1):
        m = re.findall(r"Halaman\s+(\d+)\s+dari\s+(\d+)", t)
        if m != [(str(n), str(len(pages)))]:
            problems.append("page %d of %d says %s" % (
                n, len(pages), "; ".join("Halaman %s dari %s" % x
                                         for x in m) or "no page number"))
    return problems


def signatures_alone(path, name, pages_words):
    """Pages where NAME is signed with no text above the signature."""
    want = name.split()
    problems = []
    for n, ws in enumerate(pages_words, 1):
        ws = sorted(ws, key=lambda w: (round(w[1]), w[0]))
        for i in range(len(ws) - len(want) + 1):
            if [w[4] for w in ws[i:i + len(want)]] != want:
                continue
            top, left = ws[i][1], ws[i][0]
            above = [w for w in ws if w[3] < top and w[0] < left - 60 and
                     not re.fullmatch(r"-|\d+", w[4])]
            if not above:
                problems.append("page %d: the signature of %s stands "
                                "alone (no text above it)" % (n, name))
            break
    return problems


def touching(runs, ws, height):
    """Numbers that touch the next cell's text: (text, next, gap)."""
    found = []
    starts = [(x, height - y) for x, y in runs]  # y from the top

    def run_at(x0, x1, w):
        return any(x0 <= x <= x1 and w[1] - 1 <= y <= w[3] + 1
                   for x, y in starts)
    ws = sorted(ws, key=lambda w: (round((w[1] + w[3]) / 2), w[0]))
    for a, b in zip(ws, ws[1:]):
        if abs((a[1] + a[3]) / 2 - (b[1] + b[3]) / 2) > 1 or \
                not re.search(r"\d$", a[4]):
            continue
        gap = b[0] - a[2]
        if 0 <= gap < 3 and run_at(b[0] - 0.6, b[0] + 0.6, b):
            found.append((a[4], b[4], gap))
    for w in ws:
        # a run begun inside a word, after a digit: cells run together
        n = len(w[4])
        for k in range(1, n):
            x = w[0] + (w[2] - w[0]) * k / n
            if w[4][k - 1].isdigit() and not w[4][k].isdigit() and \
                    w[4][k] not in ".,%)" and run_at(x - 2, x + 2, w):
                found.append((w[4][:k], w[4][k:], 0.0))
                break
    return found


def check(path, minimum, numbers=False, signed=None, touch=False):
    problems = page_numbers(path) if numbers else []
    with open(path, "rb") as f:
        pdf = f.read()
    contents, xobjects = pages(pdf)
    smallest = None
    runs = []
    for n, body in enumerate(contents, 1):
        small, least, where = 0, None, None
        runs.append([])
        for size, text, x, y in text_sizes(body, xobjects):
            if not text.strip():
                continue
            runs[-1].append((x, y))
            if smallest is None or size < smallest:
                smallest = size
            if size < minimum - 0.01:
                small += 1
                if least is None or size < least:
                    least, where = size, (x, y)
        if small:
            problems.append("page %d: %d texts under %g pt, the smallest "
                            "%.1f pt at x=%.0f y=%.0f (from the bottom)"
                            % (n, small, minimum, least, where[0],
                               where[1]))
    heights = []
    pages_words = words(path, heights)
    if signed:
        problems += signatures_alone(path, signed, pages_words)
    for n, ws in enumerate(pages_words[:len(runs)] if touch else [], 1):
        for a, b, gap in touching(runs[n - 1], ws, heights[n - 1]):
            problems.append("page %d: a number touches the next text: "
                            "\"%s\" and \"%s\" %.1f pt apart" %
                            (n, a, b, gap))
    for n, ws in enumerate(pages_words, 1):
        for a, b in overlaps(ws):
            problems.append("page %d: words overlap: \"%s\" and \"%s\" "
                            "at %.0f,%.0f" % (n, a[4], b[4], a[0], a[1]))
    print("%s: %d pages, smallest text %s pt" % (
        path, len(contents),
        "%.1f" % smallest if smallest is not None else "-"))
    for p in problems[:20]:
        print("%s: %s" % (path, p))
    if len(problems) > 20:
        print("%s: ... %d more" % (path, len(problems) - 20))
    return not problems


def main(argv):
    minimum, numbers, signed, touch = 8.0, False, None, False
    args = argv[1:]
    while args and args[0].startswith("--"):
        if args[0] == "--min" and len(args) > 1:
            minimum = float(args[1])
            args = args[2:]
        elif args[0] == "--pages":
            numbers = True
            args = args[1:]
        elif args[0] == "--touching":
            touch = True
            args = args[1:]
        elif args[0] == "--signed" and len(args) > 1:
            signed = args[1]
            args = args[2:]
        else:
            print("pdfcheck.py: unknown option %s" % args[0])
            return 2
    ok = True
    for path in args:
        ok = check(path, minimum, numbers, signed, touch) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
