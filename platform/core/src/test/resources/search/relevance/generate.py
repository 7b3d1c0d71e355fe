#!/usr/bin/env python3
"""Generates the relevance corpus and queries of RelevanceTest (docs/search.md).

Ground truth is the identity of a person, not the analyzer: every person has a canonical given and
family name, is written with one of the usual spellings (or in Arabic script) in each dossier, and a
query for a spelling of that person expects every dossier of that person. Deterministic (seeded):
  python3 generate.py ../../../../../../../tenant-config/reference/territories.csv
"""
import csv, random, sys

random.seed(20261207)

GIVEN = {
    "mohamed": (["Mohamed", "Mohammed", "Mohamad", "Muhammad", "Mhamed"], "محمد"),
    "ahmed": (["Ahmed", "Ahmad"], "أحمد"),
    "hamid": (["Hamid"], "حميد"),
    "mehdi": (["Mehdi", "Mahdi"], "المهدي"),
    "mahmoud": (["Mahmoud", "Mahmud"], "محمود"),
    "youssef": (["Youssef", "Yousef", "Youssouf"], "يوسف"),
    "khalid": (["Khalid", "Khaled"], "خالد"),
    "rachid": (["Rachid", "Rashid"], "رشيد"),
    "said": (["Said", "Saïd"], "سعيد"),
    "omar": (["Omar"], "عمر"),
    "abdelkader": (["Abdelkader", "Abdel Kader", "Abdelkadir"], "عبد القادر"),
    "abderrahim": (["Abderrahim", "Abdurrahim"], "عبد الرحيم"),
    "hassan": (["Hassan", "Hasan"], "حسن"),
    "hicham": (["Hicham", "Hisham"], "هشام"),
    "karim": (["Karim", "Kareem"], "كريم"),
    "mustapha": (["Mustapha", "Mustafa", "Moustafa"], "مصطفى"),
    "driss": (["Driss", "Idriss"], "إدريس"),
    "brahim": (["Brahim", "Ibrahim"], "إبراهيم"),
    "fatima": (["Fatima", "Fatma", "Fatimah"], "فاطمة"),
    "khadija": (["Khadija", "Khadidja"], "خديجة"),
    "aicha": (["Aicha", "Aïcha", "Aisha"], "عائشة"),
    "zineb": (["Zineb", "Zaynab"], "زينب"),
    "nadia": (["Nadia"], "نادية"),
    "salma": (["Salma"], "سلمى"),
    "meryem": (["Meryem", "Maryam", "Meriem"], "مريم"),
    "naima": (["Naima", "Naïma"], "نعيمة"),
    "hanane": (["Hanane", "Hanan"], "حنان"),
    "souad": (["Souad", "Suad"], "سعاد"),
    "latifa": (["Latifa"], "لطيفة"),
    "samira": (["Samira"], "سميرة"),
    "younes": (["Younes", "Youness", "Yunus"], "يونس"),
    "ayoub": (["Ayoub", "Ayub"], "أيوب"),
    "hamza": (["Hamza"], "حمزة"),
    "ilyas": (["Ilyas", "Ilias"], "إلياس"),
    "amine": (["Amine", "Amin"], "أمين"),
    "soufiane": (["Soufiane", "Sofiane"], "سفيان"),
    "othmane": (["Othmane", "Otmane"], "عثمان"),
    "zakaria": (["Zakaria", "Zakariya"], "زكرياء"),
    "jamal": (["Jamal", "Djamal"], "جمال"),
    "wafae": (["Wafae", "Ouafae", "Wafaa"], "وفاء"),
}
FAMILY = {
    "idrissi": (["El Idrissi", "Idrissi", "Elidrissi"], "الإدريسي"),
    "benjelloun": (["Benjelloun", "Ben Jelloun", "Bendjelloun"], "بنجلون"),
    "alaoui": (["Alaoui", "El Alaoui"], "العلوي"),
    "tazi": (["Tazi", "Ettazi"], "التازي"),
    "bennani": (["Bennani", "Benani"], "بناني"),
    "berrada": (["Berrada", "Barrada"], "برادة"),
    "cherkaoui": (["Cherkaoui", "Charkaoui"], "الشرقاوي"),
    "fassi": (["El Fassi", "Fassi", "Alfassi"], "الفاسي"),
    "chraibi": (["Chraibi", "Chraïbi"], "الشرايبي"),
    "ouazzani": (["Ouazzani", "El Ouazzani", "Wazzani"], "الوزاني"),
    "benkirane": (["Benkirane", "Ben Kirane"], "بنكيران"),
    "lahlou": (["Lahlou"], "لحلو"),
    "sqalli": (["Sqalli", "Skalli"], "السقالي"),
    "kettani": (["Kettani", "El Kettani", "Kattani"], "الكتاني"),
    "tahiri": (["Tahiri", "Ettahiri"], "الطاهري"),
    "amrani": (["Amrani", "El Amrani"], "العمراني"),
    "aitbaha": (["Aït Baha", "Ait Baha", "Aitbaha"], "آيت باها"),
    "aitali": (["Aït Ali", "Ait Ali"], "آيت علي"),
    "bouzidi": (["Bouzidi", "Bouzidy"], "البوزيدي"),
    "benali": (["Ben Ali", "Benali", "Bin Ali"], "بن علي"),
    "naciri": (["Naciri", "Ennaciri", "Nassiri"], "الناصري"),
    "filali": (["Filali", "El Filali"], "الفيلالي"),
    "haddad": (["Haddad", "Hadad"], "الحداد"),
    "khattabi": (["Khattabi", "El Khattabi", "Khatabi"], "الخطابي"),
    "mansouri": (["Mansouri", "El Mansouri"], "المنصوري"),
    "saidi": (["Saidi", "Essaidi", "Saïdi"], "السعيدي"),
    "zerouali": (["Zerouali"], "الزروالي"),
    "benmoussa": (["Benmoussa", "Ben Moussa"], "بنموسى"),
    "ouahbi": (["Ouahbi", "Wahbi"], "الوهبي"),
    "hajji": (["Hajji", "El Hajji"], "الحجي"),
    "sebti": (["Sebti", "Sabti"], "السبتي"),
    "jazouli": (["Jazouli", "El Jazouli", "Guezouli"], "الجزولي"),
}
STREETS = [
    ("Bd", "Boulevard", "Zerktouni"), ("Bd", "Boulevard", "Anfa"), ("Av", "Avenue", "Hassan II"),
    ("Av", "Avenue", "Mohammed V"), ("Bd", "Boulevard", "Abdelmoumen"), ("Rte", "Route", "d'El Jadida"),
    ("Av", "Avenue", "des FAR"), ("Bd", "Boulevard", "Ghandi"), ("Av", "Avenue", "Allal El Fassi"),
    ("Rés", "Résidence", "Al Amal"), ("Lot", "Lotissement", "Al Wifaq"), ("Imm", "Immeuble", "Nour"),
]
WORKS = [
    "Construction d'une villa R+1", "Extension d'une maison: ajout d'un étage",
    "Surélévation d'un immeuble", "Construction d'un immeuble R+4 à usage d'habitation",
    "Aménagement d'un local commercial", "بناء منزل من طابقين", "توسيع مسكن وإضافة طابق",
    "Démolition et reconstruction", "Clôture d'un terrain", "Construction d'une unité industrielle",
]
PROCEDURES = ["permis-construire", "permis-habiter", "permis-morceler", "permis-demolir"]

def communes(path):
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if r["level"] == "commune"]
    return rows

def main():
    territories = communes(sys.argv[1])
    picked = random.sample(territories, 120)
    people = []
    pairs = set()
    # Near misses on purpose: the same family with Mohamed and Mehdi, Ahmed and Hamid, Mohamed and Mahmoud.
    for fam in ["benjelloun", "tazi", "alaoui", "idrissi", "berrada", "naciri", "sqalli", "bennani"]:
        for g in ["mohamed", "mehdi", "ahmed", "hamid", "mahmoud"]:
            pairs.add((g, fam))
    while len(pairs) < 420:
        pairs.add((random.choice(list(GIVEN)), random.choice(list(FAMILY))))
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    cins = set()
    for i, (g, f) in enumerate(sorted(pairs)):
        while True:
            cin = random.choice(letters) + random.choice(letters + " ").strip() + str(random.randint(10000, 999999))
            if cin not in cins:
                cins.add(cin); break
        people.append({"pid": f"p{i:03d}", "given": g, "family": f, "cin": cin,
                       "home": random.choice(picked)})
    dossiers = []
    n = 0
    for p in people:
        for _ in range(random.choice([1, 1, 1, 2, 2, 3])):
            n += 1
            c = p["home"] if random.random() < 0.7 else random.choice(picked)
            gl = random.choice(GIVEN[p["given"]][0]); fl = random.choice(FAMILY[p["family"]][0])
            ar = GIVEN[p["given"]][1] + " " + FAMILY[p["family"]][1]
            r = random.random()
            names = [f"{gl} {fl}", ar] if r < 0.7 else ([ar] if r < 0.85 else [f"{gl} {fl}"])
            abbr, full, street = random.choice(STREETS)
            num = random.randint(1, 250)
            address = f"{num} {abbr if random.random() < 0.5 else full} {street}, {c['name_fr']}"
            tf = f"{random.randint(1000, 99999)}/{random.choice(['C', 'D', 'R', 'K', '07', '63'])}"
            year = 2025 + (n % 2)
            dossiers.append({
                "id": f"d{n:04d}", "person": p["pid"], "tenant": c["code"], "province": c["parent_code"],
                "region": c["region_code"], "commune_fr": c["name_fr"], "commune_ar": c["name_ar"],
                "procedure": random.choice(PROCEDURES), "reference": f"{c['code']}-{year}-{n:06d}",
                "names": "|".join(names), "cin": p["cin"] if random.random() < 0.9 else p["cin"].lower(),
                "tf": tf, "address": address, "text": random.choice(WORKS),
            })
    with open("corpus.csv", "w", encoding="utf-8", newline="") as out:
        w = csv.DictWriter(out, fieldnames=list(dossiers[0].keys()))
        w.writeheader(); w.writerows(dossiers)

    by_person = {}
    for d in dossiers:
        by_person.setdefault(d["person"], []).append(d["id"])
    pid = {p["pid"]: p for p in people}
    queries = []
    # The near misses of issue 11: Mehdi must not outrank Mohamed, nor Hamid Ahmed (same family).
    NEAR = {"mohamed": "mehdi", "ahmed": "hamid"}
    def near_misses(person):
        other = NEAR.get(person["given"]) if person else None
        if not other:
            return []
        return [d["id"] for d in dossiers
                if pid[d["person"]]["given"] == other and pid[d["person"]]["family"] == person["family"]]
    def add(kind, q, relevant, person=None):
        if not relevant:
            return
        queries.append({"qid": f"q{len(queries) + 1:03d}", "kind": kind, "query": q, "relevant": ";".join(relevant),
                        "must_not_outrank": ";".join(near_misses(person))})
    sample = random.sample(people, 60)
    # Near-miss people first, so they are always in the set.
    near = [p for p in people if p["family"] in ("benjelloun", "tazi", "alaoui", "idrissi")
            and p["given"] in ("mohamed", "ahmed", "hamid", "mehdi")]
    for p in near + sample[:40]:
        g, f = GIVEN[p["given"]], FAMILY[p["family"]]
        add("name-latin", f"{random.choice(g[0])} {random.choice(f[0])}", by_person[p["pid"]], p)
    for p in near[:8] + sample[40:60] + sample[:12]:
        g, f = GIVEN[p["given"]], FAMILY[p["family"]]
        add("name-arabic", f"{g[1]} {f[1]}", by_person[p["pid"]], p)
    for p in random.sample(people, 25):
        c = p["cin"]
        letters_, digits = c.rstrip("0123456789"), c[len(c.rstrip("0123456789")):]
        form = random.choice([f"{letters_} {digits}", f"{letters_.lower()}{digits}", f"{letters_}-{digits}"])
        add("cin", form, by_person[p["pid"]])
    for d in random.sample(dossiers, 25):
        num, suf = d["tf"].split("/")
        form = random.choice([f"T.F. {num}/{suf}", f"{num}/{suf.lower()}", f"TF n° {num} / {suf}"])
        add("titre-foncier", form, [x["id"] for x in dossiers if x["tf"] == d["tf"]])
    for d in random.sample(dossiers, 12):
        add("reference", d["reference"], [d["id"]])
    for d in random.sample(dossiers, 15):
        num, rest = d["address"].split(" ", 1)
        street = rest.split(",")[0]
        for abbr, full, s in STREETS:
            if street.endswith(s):
                other = (full if street.startswith(abbr + " ") else abbr) + " " + s
        same = [x["id"] for x in dossiers if x["address"].split(",")[0].split(" ", 1)[1].endswith(street.split(" ", 1)[1])
                and x["address"].split(" ", 1)[0] == num and x["commune_fr"] == d["commune_fr"]]
        add("address", f"{num} {other} {d['commune_fr']}", same)
    # Family name alone, the commune given: all of that family there.
    for p in random.sample(people, 10):
        f = FAMILY[p["family"]]
        c = p["home"]
        rel = [d["id"] for d in dossiers if pid[d["person"]]["family"] == p["family"] and d["tenant"] == c["code"]]
        add("family+commune", f"{random.choice(f[0])} {c['name_fr']}", rel)
    with open("queries.csv", "w", encoding="utf-8", newline="") as out:
        w = csv.DictWriter(out, fieldnames=["qid", "kind", "query", "relevant", "must_not_outrank"])
        w.writeheader(); w.writerows(queries)
    print(len(dossiers), "dossiers,", len(queries), "queries")

main()
