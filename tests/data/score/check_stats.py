# check_stats.py KEY PRE POST PEOPLE SUMMARY ITEMS - recompute ibm-score's
# pre/post outputs independently (plain Python scoring, SciPy statistics)
# and print one "ok NAME" line per checked figure, or "BAD NAME ..." lines.
import csv, math, re, sys
import numpy as np
from scipy import stats

keyf, pref, postf, peoplef, sumf, itemsf = sys.argv[1:7]
def rows(p):
    with open(p, newline='', encoding='utf-8-sig') as f:
        return list(csv.reader(f))
def norm(s):
    return re.sub(r'\s+', ' ', s.strip()).lower()
key = rows(keyf)[1:]
def correct(q, ans):
    k = key[q][1]
    a = norm(ans)
    for alt in k.split('|'):
        els = [norm(e) for e in alt.split(';')]
        if len(els) == 1:
            if a == els[0]:
                return True
        else:
            got = [norm(x) for x in re.split(r'[;,]', a)]
            if sorted(got) == sorted(els):
                return True
    return False
pts = [float(r[2]) if r[2] else 1.0 for r in key]
def load(p):
    r = rows(p)
    h = r[0]
    qcols = [h.index(next(c for c in h if c.startswith('%d. ' % (i + 1)))) for i in range(len(key))]
    out = []
    for x in r[1:]:
        items = [pts[i] if correct(i, x[c]) else 0.0 for i, c in enumerate(qcols)]
        blanks = [x[c].strip() == '' for c in qcols]
        answers = [x[c] for c in qcols]
        out.append(dict(email=x[1].lower(), items=items, total=sum(items),
                        blanks=blanks, answers=answers))
    return out
pre, post = load(pref), load(postf)
maxs = sum(pts)
bad = 0
def check(name, tool, ref, tol=1e-6):
    global bad
    if ref is None or (isinstance(ref, float) and math.isnan(ref)):
        ok = tool == ''
    else:
        ok = tool != '' and abs(float(tool) - ref) <= tol * max(1, abs(ref))
    print(('ok ' if ok else 'BAD ') + name + ('' if ok else ' tool=%s ref=%r' % (tool, ref)))
# people
ppl = rows(peoplef)
ph = ppl[0]
col = {c: i for i, c in enumerate(ph)}
pre_by = {p['email']: p for p in pre}
post_by = {p['email']: p for p in post}
pairs = []
okscores = True
for r in ppl[1:]:
    e = r[col['email']].lower()
    a, b = pre_by.get(e), post_by.get(e)
    if a and r[col['pre_score']] != '' and abs(float(r[col['pre_score']]) - a['total']) > 1e-9:
        okscores = False
    if b and r[col['post_score']] != '' and abs(float(r[col['post_score']]) - b['total']) > 1e-9:
        okscores = False
    if a and b:
        pairs.append((a['total'], b['total']))
        g = None if a['total'] == maxs else (b['total'] - a['total']) / (maxs - a['total'])
        cat = 'pre-test maksimum' if g is None else ('tinggi' if g >= 0.7 - 1e-12 else 'sedang' if g >= 0.3 - 1e-12 else 'rendah')
        if r[col['n_gain_category']] != cat:
            okscores = False
print(('ok' if okscores else 'BAD') + ' per-person scores and categories')
S = {r[0]: r[1] for r in rows(sumf)[1:]}
P = np.array([p['total'] for p in pre]); Q = np.array([p['total'] for p in post])
check('n_matched', S['n_matched'], float(len(pairs)))
check('pre_mean', S['pre_mean'], P.mean()); check('pre_sd', S['pre_sd'], P.std(ddof=1))
check('post_mean', S['post_mean'], Q.mean()); check('post_sd', S['post_sd'], Q.std(ddof=1))
pa = np.array([x for x, _ in pairs]); pb = np.array([y for _, y in pairs])
d = pb - pa
check('gain_mean', S['gain_mean'], d.mean()); check('gain_sd', S['gain_sd'], d.std(ddof=1))
gs = np.array([(y - x) / (maxs - x) for x, y in pairs if x < maxs])
check('n_gain_mean', S['n_gain_mean'], gs.mean())
mp, mq = P.mean() / maxs * 100, Q.mean() / maxs * 100
check('n_gain_of_means', S['n_gain_of_means'], (mq - mp) / (100 - mp))
# Hake's class-average gain <g> of the people who took both tests, and
# the rating taken from it (bands < 40, < 56, < 76, else efektif)
cp, cq = pa.mean() / maxs * 100, pb.mean() / maxs * 100
check('matched_pre_mean_percent', S['matched_pre_mean_percent'], cp)
check('matched_post_mean_percent', S['matched_post_mean_percent'], cq)
cg = (cq - cp) / (100 - cp)
check('n_gain_class', S['n_gain_class'], cg)
check('n_gain_class_percent', S['n_gain_class_percent'], 100 * cg, 1e-5)
band = ('tidak efektif' if 100 * cg < 40 else 'kurang efektif' if 100 * cg < 56
        else 'cukup efektif' if 100 * cg < 76 else 'efektif')
print(('ok' if S['n_gain_band'] == band else 'BAD') + ' n_gain_band')
check('n_gain_undefined', S['n_gain_undefined'], float(sum(1 for x, _ in pairs if x == maxs)))
tt = stats.ttest_rel(pb, pa)
check('t', S['t'], tt.statistic); check('df', S['df'], float(len(pairs) - 1))
check('t_p', S['t_p'], tt.pvalue, 1e-5)
check('cohen_dz', S['cohen_dz'], d.mean() / d.std(ddof=1))
nz = d[d != 0]
r = stats.rankdata(np.abs(nz))
check('wilcoxon_v', S['wilcoxon_v'], float(r[nz > 0].sum()))
w = stats.wilcoxon(pb, pa, zero_method='wilcox', correction=True, method='approx')
check('wilcoxon_p', S['wilcoxon_p'], w.pvalue, 1e-5)
check('wilcoxon_z', S['wilcoxon_z'], math.copysign(stats.norm.isf(w.pvalue / 2), r[nz > 0].sum() - len(nz) * (len(nz) + 1) / 4), 1e-5)
def kr20(group):
    X = np.array([p['items'] for p in group]); k = X.shape[1]
    return k / (k - 1) * (1 - X.var(axis=0).sum() / X.sum(axis=1).var())
for lab, grp, T in (('pre', pre, P), ('post', post, Q)):
    k = kr20(grp)
    check(lab + '_kr20', S[lab + '_kr20'], k)
    check(lab + '_sem', S[lab + '_sem'], T.std(ddof=1) * math.sqrt(1 - k))
# items
it = rows(itemsf); ih = {c: i for i, c in enumerate(it[0])}
for lab, grp in (('pre', pre), ('post', post)):
    n = len(grp)
    order = sorted(range(n), key=lambda i: -grp[i]['total'])   # stable
    g = int(math.floor(0.27 * n + 0.5))
    for q in range(len(key)):
        row = it[q + 1]
        x = np.array([1.0 if p['items'][q] > 0 else 0.0 for p in grp])
        check('%s item %d p' % (lab, q + 1), row[ih[lab + '_p']], x.mean(), 1e-4)
        up = sum(x[i] for i in order[:g]); lo = sum(x[i] for i in order[n - g:])
        check('%s item %d d' % (lab, q + 1), row[ih[lab + '_d']], (up - lo) / g, 1e-4)
        rest = np.array([p['total'] - p['items'][q] for p in grp])
        rp = float('nan') if x.std() == 0 or rest.std() == 0 else stats.pearsonr(x, rest)[0]
        check('%s item %d r_pbis' % (lab, q + 1), row[ih[lab + '_r_pbis']], rp, 1e-3)
        check('%s item %d blanks' % (lab, q + 1), row[ih[lab + '_blanks']], float(sum(p['blanks'][q] for p in grp)))
        wrong = {}
        for p in grp:
            if p['items'][q] == 0 and not p['blanks'][q]:
                wrong[norm(p['answers'][q])] = wrong.get(norm(p['answers'][q]), 0) + 1
        top = max(wrong.values()) if wrong else None
        check('%s item %d wrong_share' % (lab, q + 1), row[ih[lab + '_wrong_share']], None if top is None else top / n, 1e-4)
