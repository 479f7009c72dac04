#!/usr/bin/python3
"""The truth scripts/gen/gen_multivitamins.py writes agrees with what its labels print, for 400
products (their text only: no photo is rendered, so this runs in seconds):
  - per_day = per_unit x units a day; the unit is mg, µg or g
  - the amount stands in the printed row as the language prints it (decimal comma outside
    English), IU converted with the factors of models/nutrients.json
  - "above_upper_level_adult" agrees with the adult upper level of models/nutrients.json for
    nutrients with one limit for every form
  - the set spans what the benchmark needs: both sides of the limits, rows at the limit,
    5 to 30 rows, four languages, IU, mcg and g
Exit 77 (skipped) without the generator's Python packages (python3-pil, python3-numpy).
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts", "gen"))
try:
    import gen_multivitamins as M
    import gen_labels as G
except ImportError as e:  # the generator's packages are not installed
    print(f"skipped: {e}")
    sys.exit(77)

FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)


def single_limit(nid):
    """The adult value of a nutrient whose one upper level covers every form, else None."""
    levels = M.NUTRIENTS[nid].get("upper_levels", [])
    if len(levels) != 1 or levels[0].get("forms"):
        return None
    band = levels[0].get("bands", {}).get("adult")
    return float(band) if isinstance(band, (int, float)) else None


def in_unit(value, unit, target):
    scale = {"g": 1e6, "mg": 1e3, "µg": 1.0}
    return value * scale[unit] / scale[target]


def main():
    iu_factor = {"vitamin_d": M.DATA["conversions"]["vitamin_d_iu"]["ug_per_iu"],
                 "vitamin_a": M.DATA["conversions"]["vitamin_a_iu"]["ug_re_per_iu"]}
    seen = {"above": 0, "within": 0, "at_limit": 0, "iu": 0, "mcg": 0, "g": 0, "langs": set(),
            "rows": set(), "kinds": set()}
    for index in range(400):
        kind = ["multivitamin", "single"][index % 2]
        rng = random.Random(index)
        p = M.make_product(rng, index, kind)
        M.label_items(p, rng)
        t = M.truth_of(p)
        seen["langs"].add(t["lang"])
        seen["kinds"].add(kind)
        units = t["units_per_day"]
        if kind == "multivitamin":
            seen["rows"].add(len(t["nutrients"]))
            check(5 <= len(t["nutrients"]) <= 30, f"product {index}: {len(t['nutrients'])} rows")
        for n in t["nutrients"]:
            where = f"product {index} ({t['lang']}) {n['id']} '{n['printed']}'"
            check(n["unit"] in ("mg", "µg", "g"), f"{where}: unit {n['unit']}")
            check(abs(n["per_day"] - n["per_unit"] * units) <= 1e-6 * max(1.0, n["per_day"]),
                  f"{where}: per_day {n['per_day']} is not {n['per_unit']} x {units}")
            text = n["printed"]
            if t["lang"] != "en":
                check(not re.search(r"\d\.\d", text), f"{where}: a decimal point in {t['lang']}")
            if n["basis"] == "converted":
                seen["iu"] += 1
                check(re.search(r"\b(IU|IE|UI|I\.E\.)", text) is not None, f"{where}: converted without IU")
                if n["id"] in iu_factor:
                    ius = [float(x.replace(",", ".")) for x in re.findall(r"([\d.,]+) (?:IU|IE|UI|I\.E\.)", text)]
                    check(any(abs(iu * iu_factor[n["id"]] - n["per_unit"]) <= 1e-6 * max(1, n["per_unit"]) or
                              abs(iu * iu_factor[n["id"]] - n["per_day"]) <= 1e-6 * max(1, n["per_day"]) for iu in ius),
                          f"{where}: {ius} IU do not give {n['per_unit']} / {n['per_day']} {n['unit']}")
            else:
                printed = {G.fmt(n["per_unit"], t["lang"]), G.fmt(n["per_day"], t["lang"])}
                check(any(re.search(r"(?<![\d,.])" + re.escape(s) + r"(?![\d])", text) for s in printed),
                      f"{where}: neither {printed} is printed")
            seen["mcg"] += "mcg" in text
            seen["g"] += n["unit"] == "g"
            limit = single_limit(n["id"])
            if limit is not None:
                per_day = in_unit(n["per_day"], n["unit"], M.NUTRIENTS[n["id"]]["unit"])
                check(n["above_upper_level_adult"] == (per_day > limit * (1 + 1e-9)),
                      f"{where}: above {n['above_upper_level_adult']} but {per_day} vs the adult limit {limit}")
                seen["above" if per_day > limit * (1 + 1e-9) else "within"] += 1
                seen["at_limit"] += abs(per_day - limit) <= 1e-9 * limit
        mg = [n for n in t["nutrients"] if n["id"] == "magnesium"]
        check(t["magnesium"]["present"] == bool(mg), f"product {index}: magnesium truth")
        if mg:
            check(abs(t["magnesium"]["mg_per_day"] - in_unit(mg[0]["per_day"], mg[0]["unit"], "mg")) < 0.01,
                  f"product {index}: mg_per_day {t['magnesium']['mg_per_day']}")
    check(seen["above"] >= 30, f"only {seen['above']} amounts above their limit")
    check(seen["within"] >= 300, f"only {seen['within']} amounts within their limit")
    check(seen["at_limit"] >= 3, f"only {seen['at_limit']} amounts exactly at their limit")
    check(seen["langs"] == {"nl", "fr", "de", "en"}, f"languages {seen['langs']}")
    check(min(seen["rows"]) <= 8 and max(seen["rows"]) >= 25, f"table sizes {sorted(seen['rows'])}")
    for k in ("iu", "mcg", "g"):
        check(seen[k] >= 5, f"only {seen[k]} rows with {k}")
    for f in FAILURES[:30]:
        print("FAIL:", f)
    print(f"{len(FAILURES)} failures; seen: above {seen['above']}, within {seen['within']}, at the limit "
          f"{seen['at_limit']}, IU {seen['iu']}, mcg {seen['mcg']}, g {seen['g']}, rows {min(seen['rows'])}-{max(seen['rows'])}")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
