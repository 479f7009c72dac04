#!/usr/bin/python3
"""Products split over several photos against the same label in one photo (issue 11).

Makes products with scripts/gen/gen_products.py (front / back / side, or two photos), reads them all
with one `suppcheck batch --products` run (a product folder is one result; the whole label and the
front alone lie loose in the folder, so each is a product of one photo), and prints per tier:
  agree    the split product gives the same number status, number, magnesium presence, salts,
           mg/day (within 3 %) and level as its single-photo label (target >= 98 %);
  truth    how many split products and single labels are right on all those fields;
  differ   the products that do not agree, by which side is right: the split product (the single
           label was misread), the label (a split photo was misread or the merge is wrong), neither;
  fronts   fronts alone that claim nothing they do not show (number not_seen, level unknown);
  conflict products made of the sides of two different products (two numbers): photos_disagree.
Hard rules, counted over every result (split products, single labels, fronts, conflicts):
  wrong-valid   a number reported valid that is not the number printed;
  above-within  magnesium above 250 mg a day reported within;
  unflagged     a conflict whose merged result has no photos_disagree flag; "reported valid" counts
                those that report one of the two numbers valid (the other left unread: a guess).

Usage: bench_products.py [--count N] [--seed S] [--tiers clean,phone] [--binary build/suppcheck] [--jobs J]
                         [--keep DIR] | --rescore DIR   (score DIR.results.jsonl of an earlier --keep DIR again)
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fields(r):
    m = r.get("magnesium") or {}
    n = r.get("notification") or {}
    return {"status": n.get("status"), "number": n.get("number"), "present": m.get("present"),
            "salts": sorted(m.get("salts") or []), "mg_per_day": m.get("mg_per_day"),
            "level": (r.get("assessment") or {}).get("level")}


def same(a, b):
    for k in ("status", "number", "present", "salts", "level"):
        if a[k] != b[k]:
            return False
    x, y = a["mg_per_day"], b["mg_per_day"]
    if (x is None) != (y is None):
        return False
    return x is None or abs(x - y) <= 0.03 * max(abs(x), abs(y))


def right(r, t):
    want = {"status": t["notification"]["status"], "number": t["notification"]["number"],
            "present": t["magnesium"]["present"], "salts": sorted(t["magnesium"]["salts"] or []),
            "mg_per_day": t["magnesium"].get("mg_per_day"), "level": t["level"]}
    return same(fields(r), want)


def wrong_valid(r, t):
    """A number reported valid that is not the one printed on the product (t: its truth)."""
    n = r.get("notification") or {}
    return n.get("status") == "valid" and n.get("number") != t["notification"]["number"]


def above_as_within(r, t):
    return t.get("level") == "above_noael" and (r.get("assessment") or {}).get("level") == "within_noael"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=25, help="products per tier")
    ap.add_argument("--seed", type=int, default=7311)
    ap.add_argument("--tiers", default="clean,phone")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="generate into this folder and keep it (the results in FOLDER.results.jsonl)")
    ap.add_argument("--rescore", help="score the results an earlier --keep DIR left, without reading the photos again")
    args = ap.parse_args()
    if args.rescore:
        args.keep = args.rescore
    d = args.keep or tempfile.mkdtemp(prefix="suppcheck-products-")
    if not args.rescore:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen", "gen_products.py"), "--out", d, "--count", str(args.count),
                        "--seed", str(args.seed), "--tiers", args.tiers, "--fronts"], check=True)
    truths = {}
    for name in sorted(os.listdir(d)):
        if name.endswith(".truth.json") and not name.endswith(".front.truth.json"):
            with open(os.path.join(d, name)) as f:
                truths[name[:-len(".truth.json")]] = json.load(f)
    # Conflicts: the sides (number photos) of two products with two different valid numbers.
    valid = [k for k, t in truths.items() if t["notification"]["status"] == "valid"
             and any("side" in f for f in t["files"][-1:])]
    conflicts = 0
    conflict_parts = {}
    for a, b in zip(valid[0::2], valid[1::2]):
        if truths[a]["notification"]["number"] == truths[b]["notification"]["number"]:
            continue
        folder = os.path.join(d, f"conflict-{a}-{b}")
        conflict_parts[f"conflict-{a}-{b}"] = (a, b)
        os.makedirs(folder, exist_ok=True)
        for i, k in enumerate((a, b)):
            src = os.path.join(d, truths[k]["files"][-1])
            shutil.copy(src, os.path.join(folder, f"{i + 1}-side{os.path.splitext(src)[1]}"))
        conflicts += 1
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    if args.rescore:
        with open(os.path.normpath(d) + ".results.jsonl") as f:
            out = f.read()
    else:
        out = subprocess.run([args.binary, "batch", d, "--products", "--format", "jsonl", "--jobs", str(args.jobs), "--quiet"],
                             stdout=subprocess.PIPE, env=env).stdout.decode()
    if args.keep and not args.rescore:  # the results beside the photos, to look at the disagreements afterwards
        with open(os.path.normpath(d) + ".results.jsonl", "w") as f:
            f.write(out)
    results = {}
    for line in out.splitlines():
        r = json.loads(line)
        results[os.path.relpath(r["file"], d)] = r
    total = {}
    hard = {"wrong_valid": [], "above_within": [], "conflict_valid": []}

    def check(name, r, t):
        if r and wrong_valid(r, t):
            hard["wrong_valid"].append(name)
            print(f"  WRONG-VALID {name}: {(r.get('notification') or {}).get('number')} (printed {t['notification']['number']})",
                  file=sys.stderr)
        if r and above_as_within(r, t):
            hard["above_within"].append(name)
            print(f"  ABOVE-AS-WITHIN {name}: {(r.get('magnesium') or {}).get('mg_per_day')} mg a day", file=sys.stderr)

    for key, t in truths.items():
        tier = t["tier"]
        s = total.setdefault(tier, {"n": 0, "agree": 0, "split_right": 0, "label_right": 0, "fronts": 0, "fronts_ok": 0,
                                    "differ": {"split": 0, "label": 0, "neither": 0}})
        split, label = results.get(t["files"][0]), results.get(t["label"])
        check(key + " split", split, t)
        check(key + " label", label, t)
        s["n"] += 1
        if split and label and same(fields(split), fields(label)):
            s["agree"] += 1
        elif split and label:
            # Which side is right tells where to look: the split photos, or the single label's read.
            who = "split" if right(split, t) else "label" if right(label, t) else "neither"
            s["differ"][who] += 1
            print(f"  differ {key} ({who} right): split {fields(split)} label {fields(label)}", file=sys.stderr)
        s["split_right"] += bool(split and right(split, t))
        s["label_right"] += bool(label and right(label, t))
        front = results.get(key + ".front" + os.path.splitext(t["label"])[1])
        if front:
            check(key + " front", front, t)
            s["fronts"] += 1
            f = fields(front)
            s["fronts_ok"] += f["status"] == "not_seen" and f["level"] == "unknown"
    disagree = 0
    unflagged = []
    unseen_side = []  # unflagged conflicts where one side's own product did not see its number
    for k, r in sorted(results.items()):
        if not k.startswith("conflict-"):
            continue
        n = r.get("notification") or {}
        # Which kind of failure: a side whose number its own product did not see at all leaves
        # the merge one number to report (a misread of that photo, counted under differ too);
        # both seen and one taken is the merge resolving a conflict silently.
        unseen = [p for p in conflict_parts.get(os.path.dirname(k), ())
                  if ((results.get(truths[p]["files"][0]) or {}).get("notification") or {}).get("status") in ("not_seen", "missing")]
        why = f" (number not seen on the side of {', '.join(unseen)})" if unseen else " (both numbers seen: the merge)"
        if n.get("status") == "valid":  # two numbers shown: any one reported valid is a guess
            hard["conflict_valid"].append(os.path.dirname(k))
            print(f"  conflict reported valid {os.path.dirname(k)}: {n.get('number')}{why}", file=sys.stderr)
        if "photos_disagree" in ((r.get("assessment") or {}).get("flags") or []):
            disagree += 1
        else:
            unflagged.append(os.path.dirname(k))
            if unseen:
                unseen_side.append(os.path.dirname(k))
            print(f"  not flagged {os.path.dirname(k)}: number {n.get('status')} {n.get('number') or n.get('text')}{why}",
                  file=sys.stderr)
    print(f"{'tier':8} {'products':>8} {'agree':>12} {'split right':>12} {'label right':>12} {'fronts ok':>10}"
          f"  differ: split right / label right / neither")
    for tier, s in total.items():
        dif = s["differ"]
        print(f"{tier:8} {s['n']:8} {s['agree']:5} ({100 * s['agree'] / s['n']:5.1f} %) {s['split_right']:12} "
              f"{s['label_right']:12} {s['fronts_ok']:4}/{s['fronts']}  {dif['split']:6} / {dif['label']:6} / {dif['neither']:4}")
    print(f"conflicting photos (two numbers): {disagree} of {conflicts} flagged photos_disagree, {len(unflagged)} unflagged, "
          f"{len(hard['conflict_valid'])} reported valid; of the unflagged, {len(unseen_side)} with a side whose number its own "
          f"product did not see (a misread), {len(unflagged) - len(unseen_side)} with both seen (the merge)")
    print(f"hard rules: wrong-valid {len(hard['wrong_valid'])}, above reported within {len(hard['above_within'])}")
    if not args.keep:
        shutil.rmtree(d)


if __name__ == "__main__":
    main()
