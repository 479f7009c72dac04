#!/usr/bin/python3
"""Products whose label is split over two or three photos, as people photograph a pack: the
front (brand, "Magnesium", "food supplement"), the back (ingredients, the dose, the directions,
the warnings) and the side (the notification number in small print with the lot, the date and
the producer's address). Uses the labels and photo effects of scripts/gen/gen_labels.py.

For every product: a folder OUT/NAME/ with its photos (1-front, 2-back, 3-side; or two photos,
one of them holding two sides), the whole label as one photo OUT/NAME.label.EXT for comparison,
and OUT/NAME.truth.json (the truth of the product, as gen_labels writes it, plus "files" and
"label"). With --fronts, OUT/NAME.front.EXT with the truth of a front alone: number not_seen,
magnesium present only when the front names it, level unknown.

Usage: gen_products.py --out DIR [--count N] [--seed S] [--tiers clean,phone] [--fronts]
                       [--max-side PX] [--jpeg]   (small photos for samples/)
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_labels as G  # noqa: E402


def side_of(p, item):
    """Which side of the pack a label block is printed on."""
    kind = item[0]
    if kind in ("band", "title"):
        return "front"
    if kind in ("barcode", "number", "legal"):
        return "side"
    if kind == "text" and any(item[1] == G.WORDS[lang]["supplement"] for lang in p["langs"]):
        return "front"
    return "back"


def render(p, seed, sides=None):
    """The label (all sides, or only `sides`) drawn with the same fonts, colours and words."""
    keep = (lambda item: side_of(p, item) in sides) if sides else None
    return G.build_label(p, random.Random(seed), keep)


def save(img, path, rng, max_side, jpeg):
    import cv2
    if max_side and max(img.shape[:2]) > max_side:
        f = max_side / max(img.shape[:2])
        img = cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    if path.endswith(".jpg"):
        cv2.imwrite(path, img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, 82 if jpeg else rng.randrange(70, 92)])
    else:
        cv2.imwrite(path, img[..., ::-1])


def main():
    ap = G.generator_args(__doc__, 20, "clean,phone", "products per tier")
    ap.add_argument("--fronts", action="store_true", help="also a photo of the front alone per product")
    ap.add_argument("--max-side", type=int, default=0, help="scale photos down to this many pixels at most")
    ap.add_argument("--jpeg", action="store_true", help="save every photo as JPEG (quality 82), also the clean tier")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    index = 0
    for tier in args.tiers.split(","):
        for _ in range(args.count):
            index += 1
            p = G.make_product(rng, index)
            # One column, the number with the lot and the address: a pack's side panel, cut in three.
            p["layout"], p["tight_legal"] = "single", True
            seed = rng.randrange(1 << 30)
            name = f"product-{tier}-{index:04d}"
            split = rng.choice([[{"front"}, {"back"}, {"side"}], [{"front"}, {"back"}, {"side"}],
                                [{"front", "back"}, {"side"}], [{"front"}, {"back", "side"}]])
            folder = os.path.join(args.out, name)
            os.makedirs(folder, exist_ok=True)
            files = []
            for k, sides in enumerate(split, 1):
                img, _effects, ext = G.photograph(render(p, seed, sides), tier, rng)
                ext = ".jpg" if args.jpeg else ext
                part = f"{k}-{'-'.join(s for s in ('front', 'back', 'side') if s in sides)}{ext}"
                save(img, os.path.join(folder, part), rng, args.max_side, args.jpeg)
                files.append(f"{name}/{part}")
            img, effects, ext = G.photograph(render(p, seed), tier, rng)
            ext = ".jpg" if args.jpeg else ext
            save(img, os.path.join(args.out, name + ".label" + ext), rng, args.max_side, args.jpeg)
            t = G.truth_of(p)
            t.update({"file": files[0], "files": files, "label": name + ".label" + ext, "tier": tier,
                      "effects": effects, "printed_number": p["number_printed"], "style": p["style"]})
            with open(os.path.join(args.out, name + ".truth.json"), "w") as f:
                json.dump(t, f, indent=1, ensure_ascii=False)
            if args.fronts:
                img, _effects, ext = G.photograph(render(p, seed, {"front"}), tier, rng)
                ext = ".jpg" if args.jpeg else ext
                front = name + ".front" + ext
                save(img, os.path.join(args.out, front), rng, args.max_side, args.jpeg)
                ft = {"id": p["id"], "lang": p["lang"], "file": front, "tier": tier, "front_of": name,
                      "notification": {"status": "not_seen", "number": None},
                      "magnesium": {"present": True if p["has_mg"] else None, "salts": [], "mg_per_day": None},
                      "level": "unknown"}
                with open(os.path.join(args.out, name + ".front.truth.json"), "w") as f:
                    json.dump(ft, f, indent=1, ensure_ascii=False)
    print(f"wrote {index} products to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
