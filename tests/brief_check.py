#!/usr/bin/env python3
"""brief_check.py - the figures of ibm-monev's brief (--brief) checked
against the per-unit CSV of the same run, read independently.

    brief_check.py BRIEF.pdf UNIT.csv [INDICATORS.csv RESULTS.csv]

UNIT.csv is ibm-monev's per-unit output with --units (every period, the
rows of the listed units not visited included). The first page must show,
for the last period, the units per phase, the listed units not visited,
the units not visited for two periods or more (counted back from the
last), and per district the listed units, visited and not; then one page
per listed unit, in the CSV's order, each with its name and the notes'
heading. With INDICATORS.csv (--print-spec) and RESULTS.csv (a per-unit
CSV of the last period with the indicator columns), the five indicators
most often unmet are checked too. Exit 0, or 1 with what differs."""
import csv
import re
import subprocess
import sys


def text(pdf, first=None, last=None):
    args = ['pdftotext', '-layout']
    if first:
        args += ['-f', str(first), '-l', str(last or first)]
    out = subprocess.run(args + [pdf, '-'], capture_output=True, text=True,
                         check=True).stdout
    return [re.sub(r'\s+', ' ', l).strip() for l in out.split('\n')]


def pages(pdf):
    out = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', out, re.M).group(1))


def period_text(p):
    y, s = p.split('-S')
    return 'Semester %s %s' % ('I' if s == '1' else 'II', y)


def section(lines, start, end):
    """The lines after the one starting with `start`, up to `end`."""
    out, on = [], False
    for l in lines:
        if l.startswith(start):
            on = True
            continue
        if on and end and l.startswith(end):
            break
        if on:
            out.append(l)
    return out


def main():
    pdf, unit = sys.argv[1], sys.argv[2]
    rows = list(csv.DictReader(open(unit, encoding='utf-8')))
    bad = []
    periods = sorted({r['periode'] for r in rows})
    last = periods[-1]
    lt = period_text(last)
    p1 = text(pdf, 1, 1)

    # 1. units per phase in the last period
    phases = {}
    for r in rows:
        if r['periode'] == last and r['dikunjungi'] == 'ya':
            f = r['fase'] or 'Belum berfase'
            phases[f] = phases.get(f, 0) + 1
    total = sum(phases.values())
    s1 = section(p1, '1. Fase unit pada ' + lt, '2. ')
    for f, n in phases.items():
        pct = ('%.1f' % (100.0 * n / total)).rstrip('0').rstrip('.')
        want = '%s %d %s%%' % (f, n, pct.replace('.', ','))
        if want not in s1:
            bad.append('phases: no line "%s"' % want)
    if not any(l.startswith('Jumlah unit dikunjungi %d ' % total)
               for l in s1):
        bad.append('phases: the visited units are not %d' % total)

    # the listed units, in the CSV's order
    listed = []
    for r in rows:
        if r['terdaftar'] == 'ya' and r['nama_unit'] not in listed:
            listed.append(r['nama_unit'])
    visit = {(r['nama_unit'], r['periode']): r['dikunjungi'] == 'ya'
             for r in rows}

    # 2. listed units not visited in the last period
    s2 = ' '.join(section(p1, '2. Unit terdaftar yang tidak dikunjungi',
                          '3. '))
    for u in listed:
        shown = (' ' + u + ' ') in (' ' + s2 + ' ')
        if shown == visit.get((u, last), False):
            bad.append('not visited in %s: %s %s' % (
                lt, u, 'shown but visited' if shown else 'missing'))

    # 3. not visited for two periods or more, counted back from the last
    s3 = section(p1, '3. Unit yang tidak dikunjungi dua periode', '4. ')
    for u in listed:
        k = 0
        for p in reversed(periods):
            if visit.get((u, p), False):
                break
            k += 1
        line = [l for l in s3 if re.search(r'^\d+ ' + re.escape(u) + ' ', l)]
        if k >= 2 and len(periods) >= 2:
            want = '%d%s' % (k, ' (semua)' if k == len(periods) else '')
            if not line or (' %s ' % want) not in line[0] + ' ':
                bad.append('not visited %s periods: %s (%s)' % (
                    want, u, line[0] if line else 'missing'))
        elif line:
            bad.append('not visited for two periods: %s shown, %d' % (u, k))

    # 5. per district
    s5 = section(p1, '5. Unit yang akan dikunjungi per kabupaten/kota',
                 None)
    dist = {}
    for r in rows:
        if r['terdaftar'] == 'ya' and r['periode'] == last:
            d = dist.setdefault(r['kabupaten_kota'], [0, 0, 0])
            d[0] += 1
            d[1 if r['dikunjungi'] == 'ya' else 2] += 1
    for kab, (n, v, nv) in dist.items():
        want = '%s %d %d %d' % (kab, n, v, nv)
        if want not in s5:
            bad.append('districts: no line "%s"' % want)

    # 4. the indicators most often unmet, from the results' columns
    if len(sys.argv) > 4:
        spec = list(csv.DictReader(open(sys.argv[3], encoding='utf-8')))
        res = [r for r in csv.DictReader(open(sys.argv[4], encoding='utf-8'))
               if r['dikunjungi'] == 'ya']
        count = []
        for i, ind in enumerate(spec):
            asked = unmet = 0
            for r in res:
                v = r.get(ind['column'], '\u2013')
                if v == '\u2013':
                    continue
                asked += 1
                if ind['kind'] == 'yesno':
                    unmet += v != 'ya'
                else:
                    unmet += v == '' or float(v) < float(ind['target'])
            if unmet:
                count.append((-unmet, i, ind['label'], unmet, asked))
        count.sort()
        s4 = section(p1, '4. Indikator yang paling sering belum', '5. ')
        for k, (_, _, label, unmet, asked) in enumerate(count[:5]):
            if not any(l.startswith('%d %s ' % (k + 1, label)) and
                       ('%d dari %d unit' % (unmet, asked)) in l
                       for l in s4):
                bad.append('unmet: no line %d "%s" %d dari %d' % (
                    k + 1, label, unmet, asked))

    # a page per listed unit, in order, never split
    n = pages(pdf)
    if n != 1 + len(listed) and not (n > 1 + len(listed) and
                                     '5. Unit yang akan' not in ' '.join(p1)):
        bad.append('%d pages for %d units' % (n, len(listed)))
    first_unit = n - len(listed) + 1
    for k, u in enumerate(listed):
        pg = text(pdf, first_unit + k)
        head = [l for l in pg if l][:3]
        if not any(l == u for l in head):
            bad.append('page %d: not %s (%s)' % (first_unit + k, u, head))
        if 'Catatan kunjungan' not in pg:
            bad.append('page %d: no notes' % (first_unit + k))
    if bad:
        print('\n'.join(bad))
        return 1
    print('%s: %d units, %d periods, last %s' % (pdf, len(listed),
                                                 len(periods), last))
    return 0


if __name__ == '__main__':
    sys.exit(main())
