# check_single.py KEY EXPORT SUMMARY ITEMS - one-test summary and items
# recomputed with NumPy/SciPy; prints "ok NAME" or "BAD NAME ...".
import csv, math, re, sys
import numpy as np
from scipy import stats
keyf, exf, sumf, itf = sys.argv[1:5]
rows = lambda p: list(csv.reader(open(p, newline='', encoding='utf-8-sig')))
norm = lambda s: re.sub(r'\s+', ' ', s.strip()).lower()
key = rows(keyf)[1:]
pts = [float(r[2]) if r[2] else 1.0 for r in key]
def correct(q, a):
    els = [norm(e) for e in key[q][1].split(';')]
    if len(els) == 1:
        return norm(a) == els[0]
    return sorted(norm(x) for x in re.split(r'[;,]', a)) == sorted(els)
r = rows(exf); h = r[0]
cols = [h.index(next(c for c in h if c.startswith('%d. ' % (i + 1)))) for i in range(len(key))]
X = np.array([[pts[i] if correct(i, x[c]) else 0.0 for i, c in enumerate(cols)] for x in r[1:]])
T = X.sum(axis=1); k = X.shape[1]
S = {a: b for a, b in rows(sumf)[1:]}
def check(name, tool, ref, tol=1e-6):
    ok = (tool == '') if ref is None or (isinstance(ref, float) and math.isnan(ref)) else \
        tool != '' and abs(float(tool) - ref) <= tol * max(1, abs(ref))
    print(('ok ' if ok else 'BAD ') + name + ('' if ok else ' tool=%s ref=%r' % (tool, ref)))
check('n', S['n'], float(len(T)))
check('mean', S['mean'], T.mean()); check('sd', S['sd'], T.std(ddof=1))
check('min', S['min'], T.min()); check('max', S['max'], T.max())
kr = k / (k - 1) * (1 - X.var(axis=0).sum() / T.var())
check('kr20', S['kr20'], kr); check('sem', S['sem'], T.std(ddof=1) * math.sqrt(1 - kr))
check('n_passed', S['n_passed'], float((T * 100 >= 60 * sum(pts)).sum()))
it = rows(itf); ih = {c: i for i, c in enumerate(it[0])}
for q in range(k):
    x = (X[:, q] > 0).astype(float); rest = T - X[:, q]
    check('item %d p' % (q + 1), it[q + 1][ih['p']], x.mean(), 1e-4)
    rp = float('nan') if x.std() == 0 or rest.std() == 0 else stats.pearsonr(x, rest)[0]
    check('item %d r_pbis' % (q + 1), it[q + 1][ih['r_pbis']], rp, 1e-3)
