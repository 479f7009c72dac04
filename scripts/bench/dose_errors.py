#!/usr/bin/python3
"""The dose errors that matter for safety, from scan results against generated truth.

Reads a folder made by gen_labels.py (*.truth.json) and the JSON Lines of `suppcheck scan` over
its photos, and counts, over the products with magnesium:
  false all-clear   truth above 250 mg a day, reported within (the worst error);
  false above       truth within (or no magnesium), reported above;
  unknown dose      truth has a dose, reported unknown;
  mg/day right      within 3 % of the truth; level right.
With --list, every product with a wrong level or dose, with the problems the report gives.

Usage: dose_errors.py TRUTH_DIR RESULTS.jsonl [RESULTS2.jsonl ...] [--list]
(several result files are compared side by side, e.g. before and after a change).
"""
import json
import os
import sys


def load(truth_dir, results_path):
    truth = {}
    for name in os.listdir(truth_dir):
        if name.endswith(".truth.json"):
            with open(os.path.join(truth_dir, name)) as f:
                t = json.load(f)
            truth[t["file"]] = t
    res = {}
    with open(results_path) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                res[os.path.basename(r["file"])] = r
    return truth, res


def count(truth, res, listing):
    c = {"products": 0, "with_mg": 0, "level": 0, "mg_day": 0, "false_all_clear": 0, "false_above": 0, "unknown_dose": 0}
    for name, t in sorted(truth.items()):
        r = res.get(name)
        if r is None:
            continue
        c["products"] += 1
        got_level = (r.get("assessment") or {}).get("level")
        want_day = t["magnesium"].get("mg_per_day")
        got_day = (r.get("magnesium") or {}).get("mg_per_day")
        ok_level = got_level == t["level"]
        ok_day = (want_day is None and got_day is None) or (
            want_day is not None and got_day is not None and abs(got_day - want_day) <= 0.03 * want_day)
        c["level"] += ok_level
        c["mg_day"] += ok_day
        if want_day is not None:
            c["with_mg"] += 1
        bad = []
        if t["level"] == "above_noael" and got_level == "within_noael":
            c["false_all_clear"] += 1
            bad.append("FALSE ALL-CLEAR")
        if t["level"] != "above_noael" and got_level == "above_noael":
            c["false_above"] += 1
            bad.append("false above")
        if want_day is not None and got_level == "unknown":
            c["unknown_dose"] += 1
            bad.append("unknown")
        if listing and (bad or not ok_level or not ok_day):
            msgs = [m for m in (r.get("assessment") or {}).get("messages", []) if "not reported" in m or "% of" in m]
            print(f"  {name:18} {t.get('style', ''):10} want {want_day} {t['level']:12} got {got_day} {got_level} "
                  f"{' '.join(bad)} {msgs[:1]}")
    return c


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    if len(args) < 2:
        sys.exit(__doc__)
    truth_dir = args[0]
    rows = []
    for path in args[1:]:
        truth, res = load(truth_dir, path)
        if listing:
            print(path)
        rows.append((path, count(truth, res, listing)))
    keys = ["products", "with_mg", "level", "mg_day", "false_all_clear", "false_above", "unknown_dose"]
    print(f"{'results':40} " + " ".join(f"{k:>15}" for k in keys))
    for path, c in rows:
        cells = []
        for k in keys:
            if k in ("level", "mg_day"):
                cells.append(f"{100.0 * c[k] / max(1, c['products']):14.1f}%")
            else:
                cells.append(f"{c[k]:15d}")
        print(f"{os.path.basename(path)[-40:]:40} " + " ".join(cells))


if __name__ == "__main__":
    main()
