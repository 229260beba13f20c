# gen_stats.py - writes stats-key.csv, stats-pre.csv, stats-post.csv: a
# fixed, seeded class of 40 for the statistics cases (ties, zero
# differences, a perfect pre-test, an item everyone answers correctly,
# blanks, checkbox answers in both joinings). Run once; outputs are
# committed.
import csv, random
random.seed(20240624)
opts = {
    1: ("Intervensi Berbasis Masyarakat", ["Instansi Badan Masyarakat"]),
    2: ("Agen Pemulihan", ["Kader posyandu", "Petugas BNN"]),
    3: ("Skrining", ["Rujukan", "Konseling, lalu rujukan"]),
    4: ("Skrining;Intervensi singkat;Rujukan", None),
    5: ("Dirujuk ke lembaga rehabilitasi", ["Dibiarkan", "Ditangani keluarga"]),
    6: ("Sumbawa Besar", ["Mataram", "Bima"]),
    7: ("Tim Asesmen Terpadu", ["Tim Advokasi Terpadu", "Tim Aksi Tanggap"]),
    8: ("Rawat jalan", ["Rawat inap", "Tidak perlu"]),
    9: ("Pemulihan berkelanjutan", ["Pemulihan singkat"]),
    10: ("Keluarga", ["Tetangga", "Polisi"]),
}
points = {4: 2, 7: 2}
qtext = {
    1: "1. Apa kepanjangan IBM?", 2: "2. Siapa pendamping klien di desa?",
    3: "3. Langkah pertama layanan, menurut materi, adalah:",
    4: "4. Pilih semua layanan unit IBM", 5: "5. Klien berisiko berat sebaiknya:",
    6: "6. Ibu kota Kabupaten Sumbawa?", 7: "7. Kepanjangan TAT?",
    8: "8. Layanan untuk pengguna ringan?", 9: "9. Tujuan pascarehabilitasi?",
    10: "10. Pendukung utama pemulihan?",
}
with open("stats-key.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Nomor", "Kunci", "Poin"])
    for q in range(1, 11):
        w.writerow([q, opts[q][0], points.get(q, "")])
first = ["Lalu", "Baiq", "Muhammad", "Siti", "Ahmad", "Nurul", "Dewi", "Syamsul",
         "Rini", "Agus", "Fitri", "Hendra", "Sri", "Made", "Wayan", "Nengah"]
last = ["Hamdi", "Sarah", "Ikhsan", "Aminah", "Fauzi", "Hikmah", "Lestari",
        "Bahri", "Andriani", "Salim", "Yani", "Saputra", "Wahyuni", "Suardana"]
people = []
seen = set()
while len(people) < 42:
    n = random.choice(first) + " " + random.choice(last)
    if n in seen:
        continue
    seen.add(n)
    people.append(n)
def answer(q, p_ok, sheet):
    if random.random() < 0.04 and q != 1:
        return ""
    key, wrong = opts[q]
    if q == 4:
        els = ["Skrining", "Intervensi singkat", "Rujukan"]
        if random.random() < p_ok:
            random.shuffle(els)
        else:
            els = random.sample(els, random.choice([1, 2]))
        return (";" if sheet else ", ").join(els)
    if q == 1 or random.random() < p_ok:
        k = key.split("|")[0]
        return random.choice([k, k.upper(), "  " + k.lower() + " "])
    return random.choice(wrong)
def export(path, who, ability, sheet):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["Timestamp", "Email Address", "Score", "Nama Lengkap"] +
                   [qtext[q] for q in range(1, 11)])
        for i, (n, a) in enumerate(zip(who, ability)):
            email = n.lower().replace(" ", ".") + "@gmail.com"
            if a is None:    # a perfect paper
                ans = [opts[q][0].replace(";", ", ") for q in range(1, 11)]
            else:
                ans = [answer(q, a, sheet) for q in range(1, 11)]
            w.writerow(["2024/06/24 9:%02d:10 AM GMT+8" % i, email, "0 / 13", n] + ans)
pre_who = people[:40]
post_who = people[2:42]
pre_ab = [random.uniform(0.2, 0.7) for _ in pre_who]
pre_ab[5] = None                      # pre = max
post_ab = [min(0.97, a + random.uniform(0.0, 0.4)) if a else 0.9 for a in pre_ab[2:]] + [0.6, 0.7]
export("stats-pre.csv", pre_who, pre_ab, False)
export("stats-post.csv", post_who, post_ab, True)
