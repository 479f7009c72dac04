#!/usr/bin/python3
"""Generates photos of multivitamin and single-nutrient labels with exact ground truth.

The labels of scripts/gen/gen_labels.py (fonts, layouts, notification numbers, decoys, the photo tiers
clean / phone / hard and their effects are the same, imported from it), with other contents:

  multivitamin  a nutrient table of 5 to 30 rows in models/nutrients.json order: per-unit and
                per-day columns (or one of them), a % RI column (or none), forms in brackets
                ("Vitamine B6 (pyridoxinehydrochloride)") or in the ingredient list, mg / µg /
                mcg, IU next to or instead of µg (vitamin D, A, E), g for large amounts, decimal
                commas, the excipient magnesium stearate (not magnesium)
  single        one to three nutrients (vitamin D, B6, zinc, iron, selenium, ...): a line "Per
                capsule: ... 25 µg (1000 IE), 500 % RI", a compound with its element ("zinc
                gluconate 70 mg, of which zinc 10 mg"), or a small table

in one of four languages (nl, fr, de, en). Names, forms, reference intakes and upper levels come
from models/nutrients.json. Amounts span both sides of the adult EFSA upper levels: most rows are
ordinary, some products have a row at the limit or above it, so that a benchmark can count
nutrients above their limit that were reported within.

Truth (DIR/<name>.truth.json) = what gen_labels writes (notification, magnesium, level, file,
tier, effects, ...) plus "kind", "units_per_day" and "nutrients": one entry per printed nutrient:
  id, per_unit, per_day, unit (mg | µg | g; IU converted), printed (the text as printed), form
  (the form id when the label names it, else null), ri_percent_printed, basis (declared |
  converted | from_compound_mass is never used: the element is always printed), upper_level_adult
  (the adult EFSA value that applies, in `unit`), above_upper_level_adult (true / false / null
  when it depends on a form the label does not name).

Usage: gen_multivitamins.py --out DIR [--count N] [--seed S] [--tiers clean,phone,hard]
                            [--kinds multivitamin,single] [--prefix P]
"""
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_labels as G  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGS = ["nl", "fr", "de", "en"]

WORDS = {
    "nl": {"multi": ["Multivitaminen", "Multi A-Z", "Multivitamine Complex", "Vitaminen & Mineralen"],
           "iu": "IE", "of_which": "waarvan", "none_ri": "*", "no_ri": "* Geen referentie-inname vastgesteld."},
    "fr": {"multi": ["Multivitamines", "Multi A-Z", "Complexe multivitaminé", "Vitamines & Minéraux"],
           "iu": "UI", "of_which": "soit", "none_ri": "*", "no_ri": "* Pas d'apport de référence établi."},
    "de": {"multi": ["Multivitamin", "Multi A-Z", "Multivitamin Komplex", "Vitamine & Mineralstoffe"],
           "iu": "I.E.", "of_which": "davon", "none_ri": "*", "no_ri": "* Keine Referenzmenge festgelegt."},
    "en": {"multi": ["Multivitamin", "Multi A-Z", "Multivitamin Complex", "Vitamins & Minerals"],
           "iu": "IU", "of_which": "of which", "none_ri": "*", "no_ri": "* No reference intake established."},
}

# Nutrients printed without a reference intake, with ordinary amounts a day in their unit.
NO_RI_AMOUNTS = {"beta_carotene": [1, 2, 3, 6], "boron": [0.5, 1, 2], "choline": [25, 50, 100],
                 "silicon": [5, 10, 20], "vanadium": [10, 25], "nickel": [5, 10], "tin": [], "sodium": []}
# The ordinary share of the reference intake a multivitamin row gives a day.
RI_FACTORS = [0.15, 0.25, 0.3, 0.5, 0.5, 0.75, 1, 1, 1, 1, 1.5, 2, 3]
# How far above the adult upper level a high row goes (1.0: exactly at the limit, which is within).
HIGH_FACTORS = [1.0, 1.2, 1.5, 2, 3]
# Single-nutrient products people buy, as nutrient ids (one to three per product).
SINGLES = [["vitamin_d"], ["vitamin_d"], ["vitamin_b6"], ["zinc"], ["iron"], ["selenium"], ["folate"],
           ["vitamin_b12"], ["vitamin_c"], ["iodine"], ["vitamin_e"], ["vitamin_k"], ["niacin"], ["copper"],
           ["calcium", "vitamin_d"], ["zinc", "copper"], ["magnesium", "vitamin_b6"], ["vitamin_d", "vitamin_k"],
           ["iron", "vitamin_c", "folate"], ["zinc", "selenium"]]


def load_nutrients():
    with open(os.path.join(ROOT, "models", "nutrients.json")) as f:
        data = json.load(f)
    return data, {n["id"]: n for n in data["nutrients"]}


DATA, NUTRIENTS = load_nutrients()


def band_value(band):
    """An adult band of nutrients.json as a number, or None (a range, none set, unconfirmed shapes)."""
    if isinstance(band, (int, float)):
        return float(band)
    if isinstance(band, dict) and "value" in band:
        return float(band["value"])
    return None


def adult_limits(nid, form):
    """The adult upper levels that may apply to a nutrient in a form (all of them when the form is
    not named and the limit depends on it), as in assess/nutrient_assessment: [(value, unit)]."""
    n = NUTRIENTS[nid]
    named = [h for h in n.get("upper_levels", []) if form and form in h.get("forms", [])]
    general = [h for h in n.get("upper_levels", []) if not h.get("forms")]
    cands = named or (general if form and general else n.get("upper_levels", []))
    out = []
    for h in cands:
        if h.get("kind") == "none":
            continue
        v = band_value(h.get("bands", {}).get("adult"))
        if v is not None:
            out.append(v)
    return out


def to_unit(value, unit, target):
    scale = {"g": 1e6, "mg": 1e3, "µg": 1.0}
    return value * scale[unit] / scale[target]


def nice(x):
    """x rounded as labels print amounts: two significant digits, at most two decimals."""
    if x <= 0:
        return 0.0
    digits = max(0, min(2, 1 - int(math.floor(math.log10(x)))))
    v = round(x, digits)
    return v if v > 0 else 10 ** -2


def element_fraction(nid, form_id):
    """The element's mass fraction in a compound form of nutrients.json (None for other forms)."""
    form = next((f for f in NUTRIENTS[nid].get("forms", []) if f["id"] == form_id), None)
    if not form or "molar_mass" not in form:
        return None
    mass = DATA["atomic_masses"]["values"][form["element"]]
    return form.get("element_atoms", 1) * mass / form["molar_mass"]


def nutrient_name(nid, lang, rng, form_id):
    names = NUTRIENTS[nid]["names"][lang]
    if nid == "vitamin_d":  # never "D2" beside cholecalciferol
        names = [n for n in names if ("D2" not in n or form_id == "ergocalciferol") and ("D3" not in n or form_id != "ergocalciferol")]
    # Not the name of another form than the row's: "Nicotinsäure | 32 mg" printed for nicotinamide
    # made a truth the label contradicts (nutrient seed 53381 phone-0027: a reader rightly judged
    # 32 mg of nicotinic acid by its 10 mg upper level, scored a false "above").
    others = {x.lower() for f in NUTRIENTS[nid].get("forms", []) if f["id"] != form_id
              for x in f.get("names", {}).get(lang, [])}
    names = [n for n in names if n.lower() not in others] or names
    name = names[0] if rng.random() < 0.6 else rng.choice(names)
    return name[0].upper() + name[1:]


def form_name(nid, form_id, lang):
    form = next(f for f in NUTRIENTS[nid]["forms"] if f["id"] == form_id)
    return form["names"][lang][0]


def make_row(nid, rng, units, high):
    """One nutrient's amounts: per unit in the nutrient's unit (a nice value), the form, and how it
    is printed (IU, g). `high`: at or above the adult upper level."""
    n = NUTRIENTS[nid]
    unit = n["unit"]
    forms = [f["id"] for f in n.get("forms", [])]
    form = rng.choice(forms) if forms and rng.random() < 0.6 else None
    if nid == "niacin" and form is None and rng.random() < 0.5:
        form = "nicotinamide"
    limits = adult_limits(nid, form)
    ri = (n.get("reference_intake") or {}).get("value")
    if high and limits:
        per_day = min(limits) * rng.choice(HIGH_FACTORS)
    elif ri:
        # Macro-minerals (calcium, potassium ...: reference intakes of hundreds of mg) come in a
        # fraction of it: a tablet holds no grams of them.
        per_day = ri * rng.choice(RI_FACTORS if not (unit == "mg" and ri >= 300) else [0.1, 0.15, 0.25, 0.3, 0.5])
        # An ordinary row stays below the lowest limit that may apply (the high rows cross it).
        if limits and per_day >= min(limits):
            per_day = min(limits) * rng.choice([0.25, 0.5, 0.8])
    else:
        amounts = NO_RI_AMOUNTS.get(nid) or [1]
        per_day = rng.choice(amounts)
    per_unit = nice(per_day / units)
    if high and limits and abs(min(limits) / units - round(min(limits) / units, 2)) < 1e-9:
        per_unit = round(per_day / units, 2)  # exactly the limit when it divides
    return {"id": nid, "unit": unit, "per_unit": per_unit, "form": form, "ri": ri}


def amount_text(row, mult, lang):
    """The printed amount of one row, per unit (mult 1) or per day (mult = units a day), and the
    truth it gives: (text, value in the truth unit, truth unit, basis). IU are rounded per unit
    and multiplied, as a label's two columns agree."""
    unit, nid, style = row["unit"], row["id"], row["style"]
    w = WORDS[lang]
    value = round(row["per_unit"] * mult, 4)
    mcg = "mcg" if style.get("mcg") else "µg"
    iu_factor = {"vitamin_d": 1 / 40, "vitamin_a": 0.3,
                 "vitamin_e": 0.67 if (row["form"] or "").startswith("rrr") else 0.45}.get(nid)
    if style.get("iu") and iu_factor:
        iu = round(row["per_unit"] / iu_factor) * mult
        if style["iu"] == "only":
            return f"{G.fmt(iu, lang)} {w['iu']}", round(iu * iu_factor, 4), unit, "converted"
        return f"{G.fmt(value, lang)} {mcg} ({G.fmt(iu, lang)} {w['iu']})", value, unit, "declared"
    if style.get("grams") and unit == "mg" and value >= 1000:
        return f"{G.fmt(value / 1000, lang)} g", round(value / 1000, 6), "g", "declared"
    return f"{G.fmt(value, lang)} {mcg if unit == 'µg' else unit}", value, unit, "declared"


def row_style(row, lang, rng):
    nid = row["id"]
    style = {"mcg": lang == "en" and rng.random() < 0.6}
    if nid == "vitamin_d" and rng.random() < 0.5:
        style["iu"] = rng.choice(["beside", "beside", "only"])
    elif nid == "vitamin_d" and row["form"] is None and lang == "en" and rng.random() < 0.3:
        style["iu"] = "beside"
    elif nid == "vitamin_a" and rng.random() < 0.2:
        style["iu"] = "only"
    elif nid == "vitamin_e" and row["form"] and row["form"] != "rrr_alpha_tocopheryl_succinate" and rng.random() < 0.3:
        style["iu"] = "only"
    style["grams"] = rng.random() < 0.3
    return style


def upper_level_truth(row):
    """(adult limit in the row's unit, above it?) as the assessment decides: above only when above
    every limit that may apply; None when the form decides and is not named."""
    limits = adult_limits(row["id"], row["form"] if row.get("form_printed") else None)
    if not limits:
        return None, None
    per_day = row["per_day_truth"]
    above = [per_day > v * (1 + 1e-9) for v in limits]
    verdict = True if all(above) else False if not any(above) else None
    return min(limits), verdict


def make_product(rng, index, kind):
    lang = rng.choice(LANGS)
    p = {"id": index, "lang": lang, "langs": [lang], "main": lang, "kind": kind,
         "form": rng.choice(["tablet", "tablet", "capsule"]), "number_kind": rng.choices(*G.NUMBER_KINDS)[0],
         "directions_style": rng.randrange(4), "brand": rng.choice(G.BRANDS), "style": kind}
    G.set_number(p, rng)
    p.update(G.make_layout(rng))
    if p["layout"] == "two_columns":  # a wide table does not fit half a label
        p["layout"] = "single"
    p["pack_count"] = rng.choice([30, 60, 90, 120])
    if kind == "multivitamin":
        p["lo"] = p["hi"] = rng.choice([1, 1, 1, 2, 2, 3])
        ids = [n["id"] for n in DATA["nutrients"] if n["id"] not in ("other", "sodium", "tin", "chloride", "fluoride")]
        count = rng.randint(5, min(30, len(ids)))
        chosen = sorted(rng.sample(range(len(ids)), count))
        nids = [ids[i] for i in chosen]
        high_p = rng.choice([0.0, 0.05, 0.1, 0.2])
    else:
        p["lo"], p["hi"] = rng.choice([(1, 1), (1, 1), (1, 2), (2, 2), (1, 3)])
        nids = rng.choice(SINGLES)
        high_p = rng.choice([0.0, 0.3, 0.5])
    rows = [make_row(nid, rng, p["hi"], rng.random() < high_p) for nid in nids]
    # A magnesium row prints one of gen_labels' salts (the magnesium truth names it).
    for r in rows:
        if r["id"] == "magnesium":
            r["salt"] = rng.choice(list(G.SALTS))
            r["form"] = None
    p["rows"] = rows
    return p


def label_items(p, rng):
    """The label's blocks (G.build_label's items_of): brand, title, the nutrients, directions,
    ingredients, warning, then the legal part of gen_labels."""
    lang = p["lang"]
    w, gw = WORDS[lang], G.WORDS[lang]
    u1, un = gw["unit"][p["form"]]
    units = p["hi"]
    traps = p.get("traps", [])
    items = [("band", p["brand"])]
    rows = p["rows"]
    if p["kind"] == "multivitamin":
        items.append(("title", rng.choice(w["multi"])))
    else:
        first = rows[0]
        title = nutrient_name(first["id"], lang, rng, first["form"])
        if "title_dose" in traps:
            title += f" {G.fmt(first['per_unit'], lang)} {'µg' if first['unit'] == 'µg' else first['unit']}"
        items.append(("title", title))
    if "pack_count" in traps:
        items.append(("text", f"{p['pack_count']} {un}"))
    items.append(("text", gw["supplement"]))
    per_unit_words = gw["per_unit"].format(unit1=("1 " if "per_one" in traps else "") + u1)
    per_day_words = gw["per_day"].format(n=units, units=un if units > 1 else u1)
    in_ingredients = []
    for r in rows:
        r["style"] = row_style(r, lang, rng)
        r["name"] = nutrient_name(r["id"], lang, rng, r["form"])
        fname = G.SALTS[r["salt"]][lang] if r.get("salt") else form_name(r["id"], r["form"], lang) if r["form"] else None
        r["form_printed"] = fname is not None
        if fname and fname.lower() in r["name"].lower():
            pass  # "Folic acid": the name is the form
        elif fname and len(fname) <= 28 and rng.random() < 0.6:
            r["name"] += f" ({fname})"
        elif fname:
            in_ingredients.append(fname)
    shape = rng.choice(["table", "table", "line", "compound"]) if p["kind"] == "single" else "table"
    if shape == "compound" and not any(element_fraction(r["id"], r["form"] or "") for r in rows):
        shape = "line"
    if shape == "table":
        columns = rng.choice(["both", "both", "day", "unit"]) if units > 1 else "unit"
        ri_column = rng.random() < 0.8 or "ri_column" in traps
        header = [""] + ([per_unit_words] if columns in ("both", "unit") else []) + \
                 ([per_day_words] if columns in ("both", "day") else []) + ([gw["ri"]] if ri_column else [])
        cells = []
        for r in rows:
            row = [r["name"]]
            texts = []
            if columns in ("both", "unit"):
                texts.append(amount_text(r, 1, lang))
            if columns in ("both", "day"):
                texts.append(amount_text(r, units, lang))
            r["printed_as"] = "per_unit" if columns in ("both", "unit") else "per_day"
            row += [t[0] for t in texts]
            basis_amount = r["per_unit"] * (units if columns in ("both", "day") else 1)
            r["ri_printed"] = round(basis_amount / r["ri"] * 100) if r["ri"] and ri_column else None
            if ri_column:
                row.append(f"{r['ri_printed']}{rng.choice([' %', '%'])}" if r["ri"] else w["none_ri"])
            cells.append(row)
            r["printed"] = " | ".join(row)
            r["truth_from"] = texts[0]
        items.append(("grid", header, cells))
        if ri_column and any(not r["ri"] for r in rows):
            items.append(("small", w["no_ri"]))
    else:
        parts = []
        for r in rows:
            text, value, unit, basis = amount_text(r, 1, lang)
            r["printed_as"] = "per_unit"
            frac = element_fraction(r["id"], r["form"] or "")
            if shape == "compound" and frac:
                compound = round(to_unit(value, unit, "mg") / frac) if unit != "g" else round(value * 1000 / frac)
                part = f"{form_name(r['id'], r['form'], lang)} {G.fmt(compound, lang)} mg, {w['of_which']} " \
                       f"{r['name'].split(' (')[0].lower()} {text}"
                r["form_printed"] = True
                if form_name(r["id"], r["form"], lang) in in_ingredients:
                    in_ingredients.remove(form_name(r["id"], r["form"], lang))
            else:
                part = f"{r['name']} {text}"
            r["ri_printed"] = round(r["per_unit"] / r["ri"] * 100) if r["ri"] and rng.random() < 0.6 else None
            if r["ri_printed"] is not None:
                part += f", {r['ri_printed']} {gw['ri']}"
            parts.append(part)
            r["printed"] = f"{per_unit_words}: {part}"
            r["truth_from"] = (text, value, unit, basis)
        for part in parts:
            items.append(("text", f"{per_unit_words}: {part}"))
    items.append(("text", G.directions_line(p, lang, rng)))
    fillers = {"nl": "microkristallijne cellulose", "fr": "cellulose microcristalline", "de": "mikrokristalline Cellulose",
               "en": "microcrystalline cellulose"}
    ingredients = [fillers[lang]] + in_ingredients + [gw["excipient"]]
    items.append(("text", f"{gw['ingredients']}: {', '.join(ingredients)}."))
    items.append(("small", gw["warn"]))
    return G.place_legal(p, rng, items)


def truth_of(p):
    """The truth of a label: gen_labels' fields (notification, magnesium, level) and the nutrients."""
    units = p["hi"]
    t = {"id": p["id"], "lang": p["lang"], "kind": p["kind"], "notification": G.notification_truth(p),
         "units_per_day": units, "nutrients": []}
    for r in p["rows"]:
        text, value, unit, basis = r["truth_from"]
        # The truth of per_unit and per_day comes from what was printed (IU converted), in its unit.
        per_unit = value if r["printed_as"] == "per_unit" else value / units
        per_unit = round(per_unit, 4)
        r["per_day_truth"] = to_unit(per_unit * units, unit, r["unit"])
        limit, above = upper_level_truth(r)
        t["nutrients"].append({
            "id": r["id"], "per_unit": per_unit, "per_day": round(per_unit * units, 4), "unit": unit,
            "printed": r["printed"], "form": (r["form"] if r["form_printed"] else None),
            "salt": r.get("salt"), "ri_percent_printed": r.get("ri_printed"), "basis": basis,
            "upper_level_adult": limit, "above_upper_level_adult": above})
    mg = next((n for n in t["nutrients"] if n["id"] == "magnesium"), None)
    if mg:
        mg_day = to_unit(mg["per_day"], mg["unit"], "mg")
        t["magnesium"] = {"present": True, "salts": [mg["salt"]], "mg_per_unit": round(mg_day / units, 2),
                          "units_per_day": units, "mg_per_day": round(mg_day, 2), "basis": "declared"}
        t["level"] = "above_noael" if mg_day > 250 else "within_noael"
    else:
        t["magnesium"] = {"present": False, "salts": [], "mg_per_day": None}
        t["level"] = "no_magnesium"
    return t


def main():
    ap = G.generator_args(__doc__, 20, "clean,phone,hard", "photos per tier")
    ap.add_argument("--kinds", default="multivitamin,single",
                    help="label kinds, taken in turn: multivitamin, single (one to three nutrients)")
    ap.add_argument("--prefix", default="")
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    for k in kinds:
        if k not in ("multivitamin", "single"):
            ap.error(f"unknown kind '{k}' (multivitamin, single)")
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    manifest, index = [], 0
    for tier in args.tiers.split(","):
        for i in range(args.count):
            index += 1
            kind = kinds[i % len(kinds)]
            p = make_product(rng, index, kind)
            label = G.build_label(p, rng, items_of=label_items)
            name = f"{args.prefix}{kind}-{tier}-{index:04d}"
            manifest.append(G.shoot(p, label, tier, rng, args.out, name, truth_of(p)))
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
    print(f"wrote {len(manifest)} photos to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
