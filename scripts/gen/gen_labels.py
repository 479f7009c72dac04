#!/usr/bin/python3
"""Generates realistic photos of food-supplement labels with exact ground truth.

Each label is a random product: languages (nl, fr, de, en and Belgian nl+fr mixes), a notification
number (valid in several spellings and positions, invalid -- digit counts, a repeated or a wrong
category such as NUT/PX -- or missing), decoys (lot numbers, dates, phone numbers, postcodes,
barcodes, other minerals and vitamins in mg, the excipient magnesium stearate), and a magnesium
dose stated in one of the ways real labels do (per unit or per daily dose, in a line or in a
table, salt mass with an "of which" elemental amount, salt mass only, mmol, decimal commas).
Some products have no magnesium at all.

Printing: ~40 font families (FONT_FAMILIES: sans, serif, condensed, rounded, heavy, mono, light);
layouts: one column, two columns, white on colour, the legal text on a side panel turned 90
degrees; the number plain, in a box or after a short label word; the legal text (address,
number, lot) in smaller print and sometimes tight under the address; tables plain or boxed.
Dose traps (ocr-practice.md §7; all of them on every product with --traps): the pack count
"60 tabletten" in the header, "Per 1 tablet", a title "Magnesium 450", pale small table headers
over per-unit / per-day columns, % RI columns.

The label is then photographed in one of three tiers:
  clean  a flat scan of the label
  phone  on a table: perspective, small rotation, blur, noise, uneven light, JPEG
  hard   one to three of: 90/180/270-degree turns, bottle curvature (normal or strong), glare,
         dim light, small print (number capitals >= 6.5 px), defocus, motion blur, JPEG 50-70

Writes DIR/<id>.jpg (or .png) and DIR/<id>.truth.json, and DIR/manifest.json. The truth also has
the layout, font, traps, effects, the number's capital height in photo pixels (number_cap_px)
and the number line's box in the photo (number_box), for the benchmark's crops of failures.
Usage: gen_labels.py --out DIR [--count N] [--seed S] [--tiers clean,phone,hard] [--traps]
"""
import argparse
import json
import math
import os
import random
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
             "/usr/share/fonts/truetype/freefont"]
FONTS_REGULAR = ["DejaVuSans.ttf", "DejaVuSansCondensed.ttf", "LiberationSans-Regular.ttf",
                 "FreeSans.ttf", "DejaVuSerif.ttf", "LiberationSerif-Regular.ttf"]
FONTS_BOLD = ["DejaVuSans-Bold.ttf", "DejaVuSansCondensed-Bold.ttf", "LiberationSans-Bold.ttf",
              "FreeSansBold.ttf", "DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"]

# Every family the generator may print a label in: (regular, bold, kind), paths under
# /usr/share/fonts. Families whose files are not installed are skipped (scripts/install-deps.sh
# installs the Debian packages: fonts-dejavu-extra, fonts-noto-core, fonts-crosextra-*,
# fonts-urw-base35, fonts-roboto-unhinted, fonts-open-sans, fonts-lato, fonts-comfortaa,
# fonts-cantarell, fonts-linuxlibertine, fonts-paratype). The set of photos a seed gives depends
# on which are installed: the benchmark prints the count.
FONT_ROOT = "/usr/share/fonts"
FONT_FAMILIES = [
    ("truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf", "sans"),
    ("truetype/dejavu/DejaVuSansCondensed.ttf", "truetype/dejavu/DejaVuSansCondensed-Bold.ttf", "condensed"),
    ("truetype/dejavu/DejaVuSerif.ttf", "truetype/dejavu/DejaVuSerif-Bold.ttf", "serif"),
    ("truetype/dejavu/DejaVuSerifCondensed.ttf", "truetype/dejavu/DejaVuSerifCondensed-Bold.ttf", "serif condensed"),
    ("truetype/dejavu/DejaVuSans-ExtraLight.ttf", "truetype/dejavu/DejaVuSans.ttf", "light"),
    ("truetype/liberation/LiberationSans-Regular.ttf", "truetype/liberation/LiberationSans-Bold.ttf", "sans"),
    ("truetype/liberation/LiberationSansNarrow-Regular.ttf", "truetype/liberation/LiberationSansNarrow-Bold.ttf", "condensed"),
    ("truetype/liberation/LiberationSerif-Regular.ttf", "truetype/liberation/LiberationSerif-Bold.ttf", "serif"),
    ("truetype/liberation/LiberationMono-Regular.ttf", "truetype/liberation/LiberationMono-Bold.ttf", "mono"),
    ("truetype/freefont/FreeSans.ttf", "truetype/freefont/FreeSansBold.ttf", "sans"),
    ("truetype/freefont/FreeSerif.ttf", "truetype/freefont/FreeSerifBold.ttf", "serif"),
    ("truetype/noto/NotoSans-Regular.ttf", "truetype/noto/NotoSans-Bold.ttf", "sans"),
    ("truetype/noto/NotoSerif-Regular.ttf", "truetype/noto/NotoSerif-Bold.ttf", "serif"),
    ("truetype/noto/NotoSansDisplay-Regular.ttf", "truetype/noto/NotoSansDisplay-Bold.ttf", "sans"),
    ("truetype/crosextra/Carlito-Regular.ttf", "truetype/crosextra/Carlito-Bold.ttf", "sans"),
    ("truetype/crosextra/Caladea-Regular.ttf", "truetype/crosextra/Caladea-Bold.ttf", "serif"),
    ("opentype/urw-base35/NimbusSans-Regular.otf", "opentype/urw-base35/NimbusSans-Bold.otf", "sans"),
    ("opentype/urw-base35/NimbusSansNarrow-Regular.otf", "opentype/urw-base35/NimbusSansNarrow-Bold.otf", "condensed"),
    ("opentype/urw-base35/NimbusRoman-Regular.otf", "opentype/urw-base35/NimbusRoman-Bold.otf", "serif"),
    ("opentype/urw-base35/C059-Roman.otf", "opentype/urw-base35/C059-Bold.otf", "serif"),
    ("opentype/urw-base35/P052-Roman.otf", "opentype/urw-base35/P052-Bold.otf", "serif"),
    ("opentype/urw-base35/URWBookman-Light.otf", "opentype/urw-base35/URWBookman-Demi.otf", "serif"),
    ("opentype/urw-base35/URWGothic-Book.otf", "opentype/urw-base35/URWGothic-Demi.otf", "geometric"),
    ("opentype/urw-base35/NimbusMonoPS-Regular.otf", "opentype/urw-base35/NimbusMonoPS-Bold.otf", "mono"),
    ("truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", "truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf", "sans"),
    ("truetype/roboto/unhinted/RobotoTTF/Roboto-Medium.ttf", "truetype/roboto/unhinted/RobotoTTF/Roboto-Black.ttf", "heavy"),
    ("truetype/roboto/unhinted/RobotoCondensed-Regular.ttf", "truetype/roboto/unhinted/RobotoCondensed-Bold.ttf", "condensed"),
    ("truetype/open-sans/OpenSans-Regular.ttf", "truetype/open-sans/OpenSans-Bold.ttf", "sans"),
    ("truetype/open-sans/OpenSans-CondLight.ttf", "truetype/open-sans/OpenSans-CondBold.ttf", "condensed"),
    ("truetype/open-sans/OpenSans-Semibold.ttf", "truetype/open-sans/OpenSans-ExtraBold.ttf", "heavy"),
    ("truetype/lato/Lato-Regular.ttf", "truetype/lato/Lato-Bold.ttf", "sans"),
    ("truetype/lato/Lato-Heavy.ttf", "truetype/lato/Lato-Black.ttf", "heavy"),
    ("truetype/comfortaa/Comfortaa-Regular.ttf", "truetype/comfortaa/Comfortaa-Bold.ttf", "rounded"),
    ("opentype/cantarell/Cantarell-Regular.otf", "opentype/cantarell/Cantarell-Bold.otf", "sans"),
    ("opentype/linux-libertine/LinLibertine_R.otf", "opentype/linux-libertine/LinLibertine_RB.otf", "serif"),
    ("opentype/linux-libertine/LinBiolinum_R.otf", "opentype/linux-libertine/LinBiolinum_RB.otf", "sans"),
    ("truetype/paratype/PTS55F.ttf", "truetype/paratype/PTS75F.ttf", "sans"),
    ("truetype/paratype/PTN57F.ttf", "truetype/paratype/PTN77F.ttf", "condensed"),
    ("truetype/paratype/PTF55F.ttf", "truetype/paratype/PTF75F.ttf", "serif"),
]


def font_families():
    """The families of FONT_FAMILIES that are installed, as (regular path, bold path, kind)."""
    out = []
    for r, b, kind in FONT_FAMILIES:
        rp, bp = os.path.join(FONT_ROOT, r), os.path.join(FONT_ROOT, b)
        if os.path.exists(rp) and os.path.exists(bp):
            out.append((rp, bp, kind))
    return out

# Elemental fractions used for the truth of "salt mass only" labels: the anhydrous (highest)
# fraction, as models/salts.json and spec/report.md prescribe for mg_per_day.
SALTS = {
    "citrate": {"fraction": 0.162, "nl": "magnesiumcitraat", "fr": "citrate de magnésium",
                "de": "Magnesiumcitrat", "en": "magnesium citrate"},
    "oxide": {"fraction": 0.603, "nl": "magnesiumoxide", "fr": "oxyde de magnésium",
              "de": "Magnesiumoxid", "en": "magnesium oxide"},
    "bisglycinate": {"fraction": 0.141, "nl": "magnesiumbisglycinaat", "fr": "bisglycinate de magnésium",
                     "de": "Magnesiumbisglycinat", "en": "magnesium bisglycinate"},
    "carbonate": {"fraction": 0.288, "nl": "magnesiumcarbonaat", "fr": "carbonate de magnésium",
                  "de": "Magnesiumcarbonat", "en": "magnesium carbonate"},
    "lactate": {"fraction": 0.1201, "nl": "magnesiumlactaat", "fr": "lactate de magnésium",
                "de": "Magnesiumlactat", "en": "magnesium lactate"},
    "chloride": {"fraction": 0.2553, "nl": "magnesiumchloride", "fr": "chlorure de magnésium",
                 "de": "Magnesiumchlorid", "en": "magnesium chloride"},
    "gluconate": {"fraction": 0.0586, "nl": "magnesiumgluconaat", "fr": "gluconate de magnésium",
                  "de": "Magnesiumgluconat", "en": "magnesium gluconate"},
    "malate": {"fraction": 0.1554, "nl": "magnesiummalaat", "fr": "malate de magnésium",
               "de": "Magnesiummalat", "en": "magnesium malate"},
    "aspartate": {"fraction": 0.0842, "nl": "magnesiumaspartaat", "fr": "aspartate de magnésium",
                  "de": "Magnesiumaspartat", "en": "magnesium aspartate"},
    "glycerophosphate": {"fraction": 0.1251, "nl": "magnesiumglycerofosfaat", "fr": "glycérophosphate de magnésium",
                         "de": "Magnesiumglycerophosphat", "en": "magnesium glycerophosphate"},
    "sulfate": {"fraction": 0.2019, "nl": "magnesiumsulfaat", "fr": "sulfate de magnésium",
                "de": "Magnesiumsulfat", "en": "magnesium sulfate"},
    "marine": {"fraction": 0.417, "nl": "marien magnesium", "fr": "magnésium marin",
               "de": "Meeresmagnesium", "en": "marine magnesium"},
}

WORDS = {
    "nl": {"supplement": "Voedingssupplement", "label": "Notificatienummer:", "per_unit": "Per {unit1}",
           "per_day": "Per dagdosis ({n} {units})", "of_which": "waarvan magnesium", "magnesium": "Magnesium",
           "range": "Neem {lo} tot {hi} {units} per dag.",
           "fixed": ["Gebruik: {hi} {units} per dag.", "Neem dagelijks {hi} {units} met water."],
           "times": "{times}x per dag {one} {unit1}.",
           "ingredients": "Ingrediënten", "excipient": "antiklontermiddel: magnesiumstearaat",
           "warn": "De aanbevolen dagelijkse dosis niet overschrijden. Buiten bereik van kinderen bewaren.",
           "unit": {"tablet": ("tablet", "tabletten"), "capsule": ("capsule", "capsules"), "sachet": ("sachet", "sachets")},
           "lot": "Lot", "exp": "THT", "ri": "% RI", "numbers": {1: "een", 2: "twee", 3: "drie"}},
    "fr": {"supplement": "Complément alimentaire", "label": "N° de notification :", "per_unit": "Par {unit1}",
           "per_day": "Par dose journalière ({n} {units})", "of_which": "soit magnésium", "magnesium": "Magnésium",
           "range": "Prendre {lo} à {hi} {units} par jour.",
           "fixed": ["{hi} {units} par jour.", "Posologie : {hi} {units} par jour avec un verre d'eau."],
           "times": "{times} fois par jour {one} {unit1}.",
           "ingredients": "Ingrédients", "excipient": "antiagglomérant : stéarate de magnésium",
           "warn": "Ne pas dépasser la dose journalière recommandée. Tenir hors de portée des jeunes enfants.",
           "unit": {"tablet": ("comprimé", "comprimés"), "capsule": ("gélule", "gélules"), "sachet": ("sachet", "sachets")},
           "lot": "Lot", "exp": "À consommer de préférence avant", "ri": "% AR", "numbers": {1: "un", 2: "deux", 3: "trois"}},
    "de": {"supplement": "Nahrungsergänzungsmittel", "label": "Notifizierungsnummer:", "per_unit": "Pro {unit1}",
           "per_day": "Pro Tagesdosis ({n} {units})", "of_which": "davon Magnesium", "magnesium": "Magnesium",
           "range": "Täglich {lo} bis {hi} {units} mit Wasser einnehmen.",
           "fixed": ["Täglich {hi} {units} einnehmen.", "Verzehrempfehlung: {hi} {units} pro Tag."],
           "times": "{times}x täglich {one} {unit1}.",
           "ingredients": "Zutaten", "excipient": "Trennmittel: Magnesiumstearat",
           "warn": "Die angegebene empfohlene tägliche Verzehrmenge nicht überschreiten.",
           "unit": {"tablet": ("Tablette", "Tabletten"), "capsule": ("Kapsel", "Kapseln"), "sachet": ("Beutel", "Beutel")},
           "lot": "Ch.-B.", "exp": "MHD", "ri": "% NRV", "numbers": {1: "eine", 2: "zwei", 3: "drei"}},
    "en": {"supplement": "Food supplement", "label": "Notification number:", "per_unit": "Per {unit1}",
           "per_day": "Per daily dose ({n} {units})", "of_which": "of which magnesium", "magnesium": "Magnesium",
           "range": "Take {lo} to {hi} {units} per day.",
           "fixed": ["Take {hi} {units} daily with water.", "Adults: {hi} {units} a day."],
           "times": "Take {one} {unit1} {times} times a day.",
           "ingredients": "Ingredients", "excipient": "anti-caking agent: magnesium stearate",
           "warn": "Do not exceed the recommended daily dose. Keep out of the reach of young children.",
           "unit": {"tablet": ("tablet", "tablets"), "capsule": ("capsule", "capsules"), "sachet": ("sachet", "sachets")},
           "lot": "LOT", "exp": "EXP", "ri": "% RI", "numbers": {1: "one", 2: "two", 3: "three"}},
}

OTHER_NUTRIENTS = [  # name per language, amount, unit
    ({"nl": "Calcium", "fr": "Calcium", "de": "Calcium", "en": "Calcium"}, [120, 200, 400], "mg"),
    ({"nl": "Zink", "fr": "Zinc", "de": "Zink", "en": "Zinc"}, [5, 10, 15], "mg"),
    ({"nl": "Kalium", "fr": "Potassium", "de": "Kalium", "en": "Potassium"}, [80, 150, 300], "mg"),
    ({"nl": "Vitamine B6", "fr": "Vitamine B6", "de": "Vitamin B6", "en": "Vitamin B6"}, [1.4, 2, 5], "mg"),
    ({"nl": "Vitamine D3", "fr": "Vitamine D3", "de": "Vitamin D3", "en": "Vitamin D3"}, [10, 25], "µg"),
    ({"nl": "Vitamine C", "fr": "Vitamine C", "de": "Vitamin C", "en": "Vitamin C"}, [80, 200, 500], "mg"),
]


def fmt(value, lang, decimals=None):
    """A number as printed in that language (decimal comma outside English)."""
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else (1 if abs(value * 10 - round(value * 10)) < 1e-9 else 2)
    s = f"{value:.{decimals}f}"
    return s if lang == "en" else s.replace(".", ",")


def font(name, size):
    if os.path.isabs(name) and os.path.exists(name):
        return ImageFont.truetype(name, size)
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return ImageFont.truetype(p, size)
    return ImageFont.load_default()


# ---------------------------------------------------------------------------------------------
# The product: what the label says, and the truth that follows from it.

def make_number(rng):
    cats = rng.choice(["NUT", "NUT", "NUT", "PL", "AS", "NUT/PL", "NUT/AS", "PL/AS", "NUT/PL/AS"])
    producer = str(rng.randrange(1, 10 ** rng.randint(1, 4)))
    product = str(rng.randrange(1, 10 ** rng.randint(1, 4)))
    canonical = f"{cats} {producer}/{product}"
    style = rng.random()
    if style < 0.55:
        printed = canonical
    elif style < 0.75:
        printed = f"{cats}{producer}/{product}"  # be-sup spelling: no space
    elif style < 0.9:
        printed = f"{cats.replace('/', ' / ')} {producer}/{product}"
    else:
        printed = f"{cats} {producer} / {product}"
    return printed, canonical


def make_invalid_number(rng):
    kind = rng.choice(["digits", "product", "category", "wrong_category"])
    if kind == "digits":
        return f"NUT {rng.randrange(10000, 99999)}/{rng.randrange(1, 99)}"
    if kind == "product":
        return f"NUT/PL {rng.randrange(1, 9999)}/{rng.randrange(10000, 99999)}"
    if kind == "wrong_category":  # a category that does not exist, joined to a real one
        return f"NUT/{rng.choice(['PX', 'PK', 'NT', 'AZ', 'VIT'])} {rng.randrange(1, 9999)}/{rng.randrange(1, 99)}"
    return f"NUT/NUT {rng.randrange(1, 999)}/{rng.randrange(1, 99)}"


# The dose traps of ocr-practice.md §7, for the dose cross-checks: each makes a careless reading
# give a wrong dose while the label is plain to a person.
TRAPS_FORCED = False  # --traps: every product gets every trap
TRAPS = ["pack_count",    # "60 tabletten" in the header: never a divisor of the dose
         "per_one",       # "Per 1 tablet" (the 1 often read as '|' or ']')
         "title_dose",    # a title "Magnesium 450" that must fit the dose found
         "lost_header",   # a table whose per-unit / per-day header is pale and small
         "ri_column"]     # a % RI column next to the amounts (always in tables; forced with the rest)


def make_layout(rng, traps_forced=False):
    """How the label is laid out and printed; everything build_label varies beyond the text."""
    return {
        "layout": rng.choice(["single", "single", "two_columns", "side_panel", "white_on_colour"]),
        "table_style": rng.choice(["plain", "boxed", "boxed"]),
        "number_frame": rng.choice(["none", "none", "box", "label_word"]),
        "legal_scale": rng.choice([1.0, 0.85, 0.7, 0.6]),   # the legal text in smaller print
        "tight_legal": rng.random() < 0.4,                   # number line tight under the address
        "traps": sorted(t for t in TRAPS if traps_forced or rng.random() < 0.25),
    }


NUMBER_KINDS = (["valid", "invalid", "missing"], [0.75, 0.1, 0.15])  # rng.choices(*NUMBER_KINDS)
BRANDS = ["VitaPlus", "Natura", "PharmaLine", "BioMag", "Mediform", "Herbalis"]


def set_number(p, rng):
    """The printed notification number of p["number_kind"] (and whether a label word precedes it)."""
    if p["number_kind"] == "valid":
        p["number_printed"], p["number"] = make_number(rng)
    elif p["number_kind"] == "invalid":
        p["number_printed"], p["number"] = make_invalid_number(rng), None
    else:
        p["number_printed"], p["number"] = None, None
    p["number_label"] = rng.random() < 0.7


def notification_truth(p):
    """The report's notification fields a label with this number must give."""
    if p["number_kind"] == "valid":
        return {"status": "valid", "number": p["number"]}
    return {"status": p["number_kind"], "number": None}


def make_product(rng, index):
    lang = rng.choice(["nl", "fr", "de", "en", "nl+fr", "nl+fr"])
    langs = lang.split("+")
    main = langs[0]
    form = rng.choice(["tablet", "tablet", "capsule", "sachet"])
    has_mg = rng.random() > 0.1
    salt = rng.choice(list(SALTS) + ["bare", "bare"]) if has_mg else None
    elemental = rng.choice([56.25, 75, 90, 100, 120, 125, 150, 187.5, 200, 250, 300, 375, 400])
    lo, hi = rng.choice([(1, 1), (1, 2), (2, 2), (1, 3), (2, 3), (3, 3), (1, 1)])
    style = rng.choice(["line", "of_which", "table", "table", "salt_only", "per_day", "mmol"]) if has_mg else "none"
    if salt == "bare" and style in ("of_which", "salt_only"):
        style = "line"
    if salt == "marine" and style == "salt_only":
        style = "of_which"
    number_kind = rng.choices(*NUMBER_KINDS)[0]
    p = {"id": index, "lang": lang, "langs": langs, "main": main, "form": form, "has_mg": has_mg, "salt": salt,
         "elemental": elemental, "lo": lo, "hi": hi, "style": style, "number_kind": number_kind,
         "directions_style": rng.randrange(4), "brand": rng.choice(BRANDS)}
    set_number(p, rng)
    p.update(make_layout(rng, traps_forced=TRAPS_FORCED))
    p["pack_count"] = rng.choice([30, 60, 90, 120])
    p["salt_mass"] = None
    if style in ("of_which", "salt_only") and salt in SALTS:
        # A realistic salt mass: elemental / (fraction of a hydrate as sold), rounded like labels do.
        p["salt_mass"] = round(elemental / (SALTS[salt]["fraction"] * rng.uniform(0.85, 1.0)))
        if style == "salt_only":
            p["elemental"] = p["salt_mass"] * SALTS[salt]["fraction"]
    if style == "mmol":
        p["mmol"] = rng.choice([2, 4, 5, 8, 10])
        p["elemental"] = p["mmol"] * 24.305
    return p


def truth_of(p):
    t = {"id": p["id"], "lang": p["lang"], "notification": notification_truth(p)}
    if not p["has_mg"]:
        t["magnesium"] = {"present": False, "salts": [], "mg_per_day": None}
        t["level"] = "no_magnesium"
        return t
    salts = [] if p["salt"] == "bare" else [p["salt"]]
    units = p["hi"]
    mg_day = p["elemental"] * units
    t["magnesium"] = {"present": True, "salts": salts, "mg_per_unit": round(p["elemental"], 2), "units_per_day": units,
                      "mg_per_day": round(mg_day, 2),
                      "basis": "from_salt_mass" if p["style"] == "salt_only" else "declared"}
    t["level"] = "above_noael" if mg_day > 250 else "within_noael"
    return t


# ---------------------------------------------------------------------------------------------
# The label: a list of blocks rendered top to bottom.

def dose_blocks(p, lang, rng):
    w = WORDS[lang]
    u1, un = w["unit"][p["form"]]
    salt_name = SALTS[p["salt"]][lang] if p["salt"] in SALTS else None
    mgw = w["magnesium"]
    el = p["elemental"]
    st = p["style"]
    blocks = []
    per_unit = w["per_unit"].format(unit1=("1 " if "per_one" in p.get("traps", []) else "") + u1)
    if st == "line":
        name = f"{mgw}" + (f" ({salt_name})" if salt_name and rng.random() < 0.5 else "")
        if salt_name and "(" not in name:
            blocks.append(("text", f"{w['ingredients']}: {salt_name}, cellulose."))
        blocks.append(("text", f"{per_unit}: {name} {fmt(el, lang)} mg"))
    elif st == "of_which":
        blocks.append(("text", f"{per_unit}: {salt_name} {fmt(p['salt_mass'], lang)} mg, {w['of_which']} {fmt(el, lang)} mg"))
    elif st == "salt_only":
        blocks.append(("text", f"{per_unit}: {salt_name} {fmt(p['salt_mass'], lang)} mg"))
    elif st == "per_day":
        n = p["hi"]
        blocks.append(("text", f"{w['per_day'].format(n=n, units=un if n > 1 else u1)}: {mgw} {fmt(el * n, lang)} mg"))
        if salt_name:
            blocks.append(("text", f"{w['ingredients']}: {salt_name}, maltodextrine."))
    elif st == "mmol":
        blocks.append(("text", f"{per_unit}: {mgw} {p['mmol']} mmol ({fmt(el, lang, 1)} mg)"))
        if salt_name:
            blocks.append(("text", f"{w['ingredients']}: {salt_name}."))
    elif st == "table":
        n = p["hi"]
        header = ["", per_unit, w["per_day"].format(n=n, units=un if n > 1 else u1), w["ri"]]
        rows = [[mgw, f"{fmt(el, lang)} mg", f"{fmt(el * n, lang)} mg", f"{round(el * n / 375 * 100)} %"]]
        for names, amounts, unit in rng.sample(OTHER_NUTRIENTS, rng.randint(1, 3)):
            a = rng.choice(amounts)
            rows.insert(rng.randrange(len(rows) + 1), [names[lang], f"{fmt(a, lang)} {unit}", f"{fmt(a * n, lang)} {unit}", f"{rng.randrange(20, 300)} %"])
        blocks.append(("table", header, rows))
        if salt_name:
            blocks.append(("text", f"{w['ingredients']}: {salt_name}, microkristallijne cellulose." if lang == "nl" else f"{w['ingredients']}: {salt_name}, cellulose."))
    return blocks


def directions_line(p, lang, rng):
    w = WORDS[lang]
    u1, un = w["unit"][p["form"]]
    lo, hi = p["lo"], p["hi"]
    units = un if hi > 1 else u1
    if lo != hi:
        return w["range"].format(lo=lo, hi=hi, units=units)
    k = p["directions_style"]
    if k == 3 and hi in (2, 3):
        return w["times"].format(times=hi, one=w["numbers"][1] if lang != "de" else "1", unit1=u1)
    text = w["fixed"][k % 2].format(hi=hi, units=units)
    if k == 2 and hi <= 3:  # a number word instead of the digit
        word = w["numbers"][hi]
        text = text.replace(f"{hi} ", f"{word} ", 1)
        text = text[0].upper() + text[1:]
    return text


def decoy_lines(p, lang, rng):
    w = WORDS[lang]
    lines = []
    lines.append(f"{w['lot']} {rng.randrange(1000, 9999)}/{rng.randrange(10, 999)}   {w['exp']} {rng.randrange(1, 13):02d}/{rng.randrange(2026, 2031)}")
    if rng.random() < 0.6:
        lines.append(f"{p['brand']} NV, Kerkstraat {rng.randrange(1, 200)}, {rng.choice(['1000 Brussel', '2000 Antwerpen', '9000 Gent', '4000 Liège', '1300 Wavre'])} - Tel. 0{rng.randrange(2, 9)}/{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}")
    return lines


def non_mg_blocks(p, lang, rng):
    w = WORDS[lang]
    u1, _ = w["unit"][p["form"]]
    names, amounts, unit = rng.choice(OTHER_NUTRIENTS[:3] + OTHER_NUTRIENTS[5:])
    a = rng.choice(amounts)
    return [("text", f"{w['per_unit'].format(unit1=u1)}: {names[lang]} {fmt(a, lang)} {unit}"),
            ("text", f"{w['ingredients']}: {names[lang].lower()}, cellulose, {w['excipient']}.")]


def label_items(p, rng):
    """The label's content, top to bottom: (kind, payload...) items; the legal part (number,
    address, lot, barcode) separately, as some layouts print it apart."""
    traps = p.get("traps", [])
    items = []
    title_mg = "Magnesium" if p["has_mg"] else rng.choice(["Calcium", "Zink", "Vitamine C"])
    items.append(("band", f"{p['brand']}"))
    if p["has_mg"] and "title_dose" in traps:
        amount = p["elemental"] * (p["hi"] if rng.random() < 0.5 else 1)
        items.append(("title", f"{title_mg} {fmt(amount, 'en', 0)}"))
    elif p["has_mg"]:
        items.append(("title", f"{title_mg} {rng.choice(['Forte', 'Complex', '', 'Plus'])}".strip()))
    else:
        items.append(("title", title_mg))
    if "pack_count" in traps:
        w = WORDS[p["main"]]
        items.append(("text", f"{p.get('pack_count', 60)} {w['unit'][p['form']][1]}"))
    for lang in p["langs"]:
        w = WORDS[lang]
        items.append(("text", w["supplement"]))
        blocks = dose_blocks(p, lang, rng) if p["has_mg"] else non_mg_blocks(p, lang, rng)
        for b in blocks:
            items.append(b)
        items.append(("text", directions_line(p, lang, rng)))
        if p["has_mg"] and rng.random() < 0.5:
            items.append(("text", f"{w['ingredients']}: cellulose, {w['excipient']}."))
        items.append(("small", w["warn"]))
    return place_legal(p, rng, items)


def place_legal(p, rng, items):
    """The legal part of any label (address, number, lot, barcode): returns (items, legal), the
    number line put among `items` or in the legal block as real packs do."""
    legal = []
    decoys = decoy_lines(p, p["main"], rng)
    number_line = None
    if p["number_printed"]:
        label = WORDS[p["main"]]["label"] if p["number_label"] else ""
        if p.get("number_frame") == "label_word":
            label = rng.choice(["Notif.:", "Notificatie:", "Notif. nr.", "N° notif. :", "Notification:"])
        number_line = f"{label} {p['number_printed']}".strip()
    pos = rng.choice(["bottom", "middle", "top", "legal", "legal"])
    if number_line and pos != "legal" and p.get("layout") != "side_panel" and not p.get("tight_legal"):
        at = {"top": 2, "middle": len(items) // 2 + 1, "bottom": len(items)}[pos]
        items.insert(at, ("number", number_line))
        number_line = None
    # The legal block: address, then the number tight under it (as on many packs), then the lot.
    if len(decoys) > 1:
        legal.append(("legal", decoys[1]))
    if number_line:
        legal.append(("number", number_line))
    legal.append(("legal", decoys[0]))
    legal.append(("barcode", str(rng.randrange(10 ** 12, 10 ** 13))))
    return items, legal


def render_column(items, width, st, rng):
    """Draws items top to bottom in a column `width` wide; returns (image, number_font_px, mask)
    where mask (mode L) is white where the number line's text stands."""
    body, margin = st["body"], st["margin"]
    f_body, f_bold = font(st["regular"], body), font(st["bold"], body)
    legal_px = max(9, int(body * st["legal_scale"]))
    f_legal, f_legal_bold = font(st["regular"], legal_px), font(st["bold"], legal_px)
    f_title = font(st["bold"], st["title"])
    tmp = Image.new("RGB", (width, 100))
    d = ImageDraw.Draw(tmp)

    def wrap(text, f, maxw):
        words, lines, cur = text.split(" "), [], ""
        for wd in words:
            trial = (cur + " " + wd).strip()
            if d.textlength(trial, font=f) <= maxw or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur = wd
        if cur:
            lines.append(cur)
        return lines

    inner = width - 2 * margin
    tight = st["tight_legal"]
    legal_step = int(legal_px * (1.08 if tight else 1.45))
    heights = []
    for it in items:
        kind = it[0]
        if kind == "band":
            heights.append(int(body * 3.2))
        elif kind == "title":
            heights.append(int(f_title.size * 1.4))
        elif kind in ("text", "small"):
            heights.append(len(wrap(it[1], f_body, inner)) * int(body * 1.45) + body // 2)
        elif kind == "legal":
            heights.append(len(wrap(it[1], f_legal, inner)) * legal_step + (0 if tight else legal_px // 2))
        elif kind == "number":
            f = f_legal_bold if st["number_in_legal"] else f_bold
            size = f.size
            heights.append(len(wrap(it[1], f, inner)) * int(size * (1.08 if tight else 1.45)) + size // 2 +
                           (size // 2 if st["number_frame"] == "box" else 0))
        elif kind == "table":
            heights.append((len(it[2]) + 1) * int(body * 1.7) + body)
        elif kind == "grid":
            f_row, _, _ = grid_columns(it[1], it[2], st, inner, d)
            heights.append((len(it[2]) + 1) * int(f_row.size * 1.7) + body)
        elif kind == "barcode":
            heights.append(int(body * (5.3 if tight else 5)))
    height = sum(heights) + 2 * margin
    img = Image.new("RGB", (width, height), st["bg"])
    mask = Image.new("L", (width, height), 0)
    d = ImageDraw.Draw(img)
    ink, accent = st["ink"], st["accent"]
    number_px = None
    y = margin
    for it, h in zip(items, heights):
        kind = it[0]
        if kind == "band":
            d.rectangle([0, y, width, y + h - body // 2], fill=accent)
            d.text((margin, y + body * 0.6), it[1], font=font(st["bold"], int(body * 1.6)), fill=st["band_ink"])
        elif kind == "title":
            d.text((margin, y), it[1], font=f_title, fill=accent if not st["inverse"] else ink)
        elif kind in ("text", "small"):
            for i, line in enumerate(wrap(it[1], f_body, inner)):
                d.text((margin, y + i * int(body * 1.45)), line, font=f_body, fill=ink)
        elif kind == "legal":
            for i, line in enumerate(wrap(it[1], f_legal, inner)):
                d.text((margin, y + i * legal_step), line, font=f_legal, fill=ink)
        elif kind == "number":
            f = f_legal_bold if st["number_in_legal"] else f_bold
            step = int(f.size * (1.08 if tight else 1.45))
            number_px = f.size
            pad = max(3, f.size // 4)
            # A frame is printed round the number, not across the line above it: tight under
            # that line, the framed line moves down by the frame's room.
            top = y + (pad if tight and st["number_frame"] == "box" else 0)
            for i, line in enumerate(wrap(it[1], f, inner)):
                d.text((margin, top + i * step), line, font=f, fill=ink)
                ImageDraw.Draw(mask).rectangle(d.textbbox((margin, top + i * step), line, font=f), fill=255)
                if st["number_frame"] == "box":
                    x0, y0, x1, y1 = d.textbbox((margin, top + i * step), line, font=f)
                    d.rectangle([x0 - pad, y0 - pad, x1 + pad, y1 + pad], outline=ink, width=max(1, f.size // 12))
        elif kind == "table":
            cols = [margin, margin + int(inner * 0.30), margin + int(inner * 0.52), margin + int(inner * 0.85)]
            draw_table(d, y, it[1], it[2], cols, f_body, int(body * 1.7), st, width)
        elif kind == "grid":
            f_row, f_head, cols = grid_columns(it[1], it[2], st, inner, d)
            draw_table(d, y, it[1], it[2], [margin + c for c in cols], f_row, int(f_row.size * 1.7), st, width,
                       f_head=f_head)
        elif kind == "barcode":
            x = margin
            # Bars are never printed over text: tight under the lot line (whose descenders reach
            # below its line step), they keep a little clear room above them.
            top = y + (int(body * 0.3) if tight else 0)
            bits = [rng.random() < 0.5 for _ in range(95)]
            for b in bits:
                if b:
                    d.rectangle([x, top, x + 2, top + int(body * 3.2)], fill=ink)
                x += 3
            d.text((margin, top + int(body * 3.4)), " ".join([it[1][0], it[1][1:7], it[1][7:]]),
                   font=font(st["regular"], int(body * 0.9)), fill=ink)
        y += h
    return img, number_px, mask


def draw_table(d, y, header, rows, cols, f_row, rh, st, width, f_head=None):
    """A nutrient table at y: the header (pale and small with the lost_header trap), a rule, the
    rows; cell borders when the style is boxed. `cols`: the x of each column."""
    margin, ink = st["margin"], st["ink"]
    lost = st["lost_header"]
    f_small = f_head or font(st["bold"], int(st["body"] * (0.6 if lost else 0.85)))
    head_ink = tuple(int(0.25 * c + 0.75 * b) for c, b in zip(ink, st["bg"])) if lost else ink
    for c, text in enumerate(header):
        d.text((cols[c], y + (rh // 4 if lost else 0)), text, font=f_small, fill=head_ink)
    d.line([margin, y + rh - 6, width - margin, y + rh - 6], fill=ink, width=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            d.text((cols[c], y + (r + 1) * rh), text, font=f_row, fill=ink)
    if st["table_style"] == "boxed":  # cell borders, as in printed nutrition tables
        top, bottom = y - 6, y + (len(rows) + 1) * rh
        for r in range(len(rows) + 2):
            d.line([margin - 8, top + r * rh, width - margin + 8, top + r * rh], fill=ink, width=1)
        for c in cols[1:] + [width - margin + 8]:
            d.line([c - 8, top, c - 8, bottom], fill=ink, width=1)
        d.line([margin - 8, top, margin - 8, bottom], fill=ink, width=1)


def grid_columns(header, rows, st, inner, d):
    """A "grid" table (any number of columns, names of any length): each column as wide as its
    widest cell plus a gap, the print made smaller (to 60 % at most) when the table would not
    fit. Returns (row font, header font, x of each column from the margin)."""
    body, lost = st["body"], st["lost_header"]
    size = body
    while True:
        f_row = font(st["regular"], size)
        f_head = font(st["bold"], max(9, int(size * (0.6 if lost else 0.85))))
        gap = int(size * 1.2)
        widths = [max([d.textlength(r[c], font=f_row) for r in rows] + [d.textlength(header[c], font=f_head)])
                  for c in range(len(header))]
        if sum(widths) + gap * (len(widths) - 1) <= inner or size <= int(body * 0.6):
            break
        size -= 1
    cols, x = [], 0
    for w in widths:
        cols.append(int(x))
        x += w + gap
    return f_row, f_head, cols


def label_style(p, rng):
    families = font_families()
    fr, fb, kind = rng.choice(families)
    body = rng.randrange(26, 34)
    inverse = p.get("layout") == "white_on_colour"
    accent = rng.choice([(0, 90, 160), (170, 30, 40), (20, 120, 60), (110, 40, 130), (200, 110, 0)])
    bg = tuple(rng.randrange(235, 256) for _ in range(3))
    ink = tuple(rng.randrange(0, 50) for _ in range(3))
    if inverse:  # white (or cream) text on a dark colour
        bg = tuple(int(c * rng.uniform(0.45, 0.75)) for c in accent)
        ink = tuple(rng.randrange(235, 256) for _ in range(3))
    return {"regular": fr, "bold": fb, "font_kind": kind, "body": body, "title": rng.randrange(64, 96), "margin": 60,
            "bg": bg, "ink": ink, "accent": accent, "band_ink": (255, 255, 255) if not inverse else bg,
            "inverse": inverse, "legal_scale": p.get("legal_scale", 1.0), "tight_legal": p.get("tight_legal", False),
            "number_frame": p.get("number_frame", "none"), "table_style": p.get("table_style", "plain"),
            "lost_header": "lost_header" in p.get("traps", []), "number_in_legal": False}


def build_label(p, rng, keep=None, items_of=None):
    """Renders the flat label; returns a PIL image (RGB). The printed size of the number line (font
    pixels on the flat label) is left in p["number_font_px"] for the truth. `keep(item)`, when
    given, chooses the blocks to render (one side of a pack: scripts/gen/gen_products.py).
    `items_of(p, rng)` makes the label's (items, legal) blocks; default: a magnesium label
    (label_items); scripts/gen/gen_multivitamins.py passes its own."""
    st = label_style(p, rng)
    p["font"] = os.path.basename(st["regular"])
    p["font_kind"] = st["font_kind"]
    items, legal = (items_of or label_items)(p, rng)
    if keep:
        items, legal = [it for it in items if keep(it)], [it for it in legal if keep(it)]
    width = rng.randrange(1300, 1800)
    layout = p.get("layout", "single")
    legal_st = dict(st, number_in_legal=True)
    if layout == "side_panel":
        # The legal text on a side panel turned 90 degrees, as on a box's flank.
        main, n1, m1 = render_column(items, width, st, rng)
        panel_w = max(600, main.height - 2 * st["margin"])
        panel, n2, m2 = render_column(legal, panel_w, legal_st, rng)
        turn = rng.choice([90, 270])
        panel, m2 = panel.rotate(turn, expand=True), m2.rotate(turn, expand=True)
        size = (main.width + panel.width + 20, max(main.height, panel.height))
        img, mask = Image.new("RGB", size, st["bg"]), Image.new("L", size, 0)
        img.paste(main, (0, 0))
        mask.paste(m1, (0, 0))
        ImageDraw.Draw(img).line([main.width + 8, 0, main.width + 8, img.height], fill=st["ink"], width=2)
        img.paste(panel, (main.width + 20, 0))
        mask.paste(m2, (main.width + 20, 0))
    elif layout == "two_columns":
        head, rest = items[:2], items[2:] + legal
        split = (len(rest) + 1) // 2
        top, _, _ = render_column(head, width, st, rng)
        colw = width // 2
        left, n1, m1 = render_column(rest[:split], colw, dict(st, number_in_legal=False), rng)
        right, n2, m2 = render_column(rest[split:], colw, legal_st, rng)
        size = (width, top.height + max(left.height, right.height))
        img, mask = Image.new("RGB", size, st["bg"]), Image.new("L", size, 0)
        img.paste(top, (0, 0))
        img.paste(left, (0, top.height))
        img.paste(right, (colw, top.height))
        mask.paste(m1, (0, top.height))
        mask.paste(m2, (colw, top.height))
    else:
        top, n1, m1 = render_column(items, width, st, rng)
        lower, n2, m2 = render_column(legal, width, legal_st, rng)
        m = st["margin"]
        size = (width, top.height + lower.height - 2 * m)
        img, mask = Image.new("RGB", size, st["bg"]), Image.new("L", size, 0)
        img.paste(top, (0, 0))
        img.paste(lower.crop((0, m, width, lower.height)), (0, top.height - m))
        mask.paste(m1, (0, 0))
        mask.paste(m2.crop((0, m, width, lower.height)), (0, top.height - m))
    # Where the number line stands, for the benchmark's crops of failures (photograph() carries it
    # through the same geometry as the label).
    img.info["number_mask"] = mask
    img.info["number_font_px"] = n1 or n2
    p["number_font_px"] = n1 or n2
    return img


# ---------------------------------------------------------------------------------------------
# Photo effects.

def to_np(img):
    return np.asarray(img).astype(np.float32)


def background(rng, w, h):
    base = np.array([rng.randrange(60, 160) for _ in range(3)], np.float32)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 12, (h // 8 + 1, w // 8 + 1, 1)).astype(np.float32)
    import cv2
    noise = cv2.resize(noise, (w, h), interpolation=cv2.INTER_CUBIC)[..., None]
    return np.clip(base + noise, 0, 255)


def perspective_photo(label, rng, frame=(3000, 2250), fill=(0.6, 0.85), jitter=0.06, rotate=4.0, info=None):
    import cv2
    lab = to_np(label)
    lh, lw = lab.shape[:2]
    fw, fh = frame if lw >= lh else (frame[1], frame[0])
    s = min(fw / lw, fh / lh) * rng.uniform(*fill)
    if info is not None:
        s = max(s, info.get("min_scale", 0))  # small print, but not below what a person reads
        info["scale"] = s
    cw, ch = lw * s, lh * s
    cx, cy = fw / 2 + rng.uniform(-0.05, 0.05) * fw, fh / 2 + rng.uniform(-0.05, 0.05) * fh
    ang = math.radians(rng.uniform(-rotate, rotate))
    corners = []
    for dx, dy in [(-1, -1), (1, -1), (1, 1), (-1, 1)]:
        x, y = dx * cw / 2, dy * ch / 2
        x += rng.uniform(-jitter, jitter) * cw
        y += rng.uniform(-jitter, jitter) * ch
        corners.append([cx + x * math.cos(ang) - y * math.sin(ang), cy + x * math.sin(ang) + y * math.cos(ang)])
    src = np.float32([[0, 0], [lw, 0], [lw, lh], [0, lh]])
    m = cv2.getPerspectiveTransform(src, np.float32(corners))
    warped = cv2.warpPerspective(lab, m, (fw, fh), flags=cv2.INTER_LINEAR)
    if info is not None and "number_mask" in label.info:
        info["mask"] = cv2.warpPerspective(np.asarray(label.info["number_mask"]), m, (fw, fh), flags=cv2.INTER_NEAREST)
    mask = cv2.warpPerspective(np.ones((lh, lw), np.float32), m, (fw, fh), flags=cv2.INTER_LINEAR)[..., None]
    bg = background(rng, fw, fh)
    return warped * mask + bg * (1 - mask)


def light(img, rng, strength):
    h, w = img.shape[:2]
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    g = (xx / w - 0.5) * gx + (yy / h - 0.5) * gy
    factor = 1.0 - strength * (g - g.min()) / max(1e-6, g.max() - g.min())
    return img * factor[..., None]


def noise_blur_jpeg(img, rng, sigma_noise, sigma_blur):
    import cv2
    if sigma_blur > 0:
        img = cv2.GaussianBlur(img, (0, 0), sigma_blur)
    img = img + np.random.default_rng(rng.randrange(1 << 30)).normal(0, sigma_noise, img.shape).astype(np.float32)
    return np.clip(img, 0, 255).astype(np.uint8)


def curvature(label, rng, strong=False):
    """Wraps the label around a cylinder seen from the front (a bottle); `strong`: a narrow
    bottle, the first and last characters of each line squeezed at the edges."""
    import cv2
    lab = to_np(label)
    h, w = lab.shape[:2]
    r = w / (rng.uniform(2.8, 3.1) if strong else rng.uniform(2.2, 2.7))  # visible arc: 70-99 % / 50-70 % of a half turn
    out_w = int(2 * r * math.sin(w / (2 * r)))
    xs = np.arange(out_w, dtype=np.float32) - out_w / 2
    theta = np.arcsin(np.clip(xs / r, -1, 1))
    src_x = (theta * r + w / 2).astype(np.float32)
    # Lines bend a little too (the camera is slightly above): a vertical offset by the angle.
    bend = rng.uniform(0.02, 0.05) * h
    map_x = np.tile(src_x, (h, 1))
    map_y = (np.arange(h, dtype=np.float32)[:, None] + bend * (1 - np.cos(theta))[None, :]).astype(np.float32)
    out = cv2.remap(lab, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    shade = (0.55 + 0.45 * np.cos(theta))[None, :, None]
    curved = Image.fromarray(np.clip(out * shade, 0, 255).astype(np.uint8))
    if "number_mask" in label.info:
        m = cv2.remap(np.asarray(label.info["number_mask"]), map_x, map_y, cv2.INTER_NEAREST, borderValue=0)
        curved.info["number_mask"] = Image.fromarray(m)
    return curved


def glare(img, rng):
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    rx, ry = rng.uniform(0.05, 0.12) * w, rng.uniform(0.1, 0.25) * h
    g = np.exp(-(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2))
    return img + 120 * g[..., None]


def defocus(img, rng):
    """An out-of-focus photo: a disk-shaped blur."""
    import cv2
    r = rng.uniform(1.5, 3.2)
    k = int(math.ceil(r)) * 2 + 1
    yy, xx = np.mgrid[0:k, 0:k].astype(np.float32) - k // 2
    disk = ((xx ** 2 + yy ** 2) <= r * r).astype(np.float32)
    return cv2.filter2D(img, -1, disk / disk.sum())


def motion_blur(img, rng):
    """A shaken photo: a blur along a line of 5-12 pixels."""
    import cv2
    n = rng.randrange(5, 13)
    k = np.zeros((n, n), np.float32)
    k[n // 2, :] = 1
    m = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), rng.uniform(0, 180), 1.0)
    k = cv2.warpAffine(k, m, (n, n))
    return cv2.filter2D(img, -1, k / max(1e-6, k.sum()))


HARD_EFFECTS = ["turn", "curvature", "strong_curvature", "glare", "dim", "small", "defocus", "motion", "jpeg_low"]


def photograph(label, tier, rng, info=None):
    """The label photographed in a tier; returns (image RGB uint8, effects, extension). `info`, when
    given, receives the label-to-photo "scale" and the "jpeg_quality" to save with."""
    import cv2
    info = {} if info is None else info
    info["jpeg_quality"] = rng.randrange(70, 92)
    effects = []
    if tier == "clean":
        img = to_np(label)
        s = rng.uniform(0.9, 1.1)
        info["scale"] = s
        img = cv2.resize(img, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
        if "number_mask" in label.info:
            info["mask"] = cv2.resize(np.asarray(label.info["number_mask"]), (img.shape[1], img.shape[0]),
                                      interpolation=cv2.INTER_NEAREST)
        return np.clip(img, 0, 255).astype(np.uint8), effects, ".png"
    if tier == "phone":
        img = perspective_photo(label, rng, info=info)
        img = light(img, rng, rng.uniform(0.15, 0.4))
        img = noise_blur_jpeg(img, rng, rng.uniform(2, 6), rng.uniform(0.6, 1.3))
        effects = ["perspective", "light", "blur", "noise", "jpeg"]
        return img, effects, ".jpg"
    # hard: one to three of the hard effects on top of a phone photo
    hard = rng.sample(HARD_EFFECTS, rng.choice([1, 2, 2, 3]))
    if "curvature" in hard and "strong_curvature" in hard:
        hard.remove("curvature")
    if "curvature" in hard or "strong_curvature" in hard:
        font_px = label.info.get("number_font_px")
        label = curvature(label, rng, strong="strong_curvature" in hard)
        label.info["number_font_px"] = font_px
    fill = (0.3, 0.45) if "small" in hard else (0.6, 0.85)
    if "small" in hard and label.info.get("number_font_px"):
        info["min_scale"] = 6.5 / (0.7 * label.info["number_font_px"])  # capitals of 6.5 px at least
    img = perspective_photo(label, rng, fill=fill, jitter=0.04, info=info)
    img = light(img, rng, rng.uniform(0.2, 0.45))
    if "glare" in hard:
        img = glare(img, rng)
    if "dim" in hard:
        img = img * rng.uniform(0.3, 0.55)
    if "defocus" in hard:
        img = defocus(img, rng)
    if "motion" in hard:
        img = motion_blur(img, rng)
    img = noise_blur_jpeg(img, rng, rng.uniform(3, 7) if "dim" in hard else rng.uniform(2, 5), rng.uniform(0.7, 1.3))
    if "jpeg_low" in hard:
        info["jpeg_quality"] = rng.randrange(50, 71)
    if "turn" in hard:
        k = rng.choice([1, 2, 3])
        img = np.ascontiguousarray(np.rot90(img, k))
        if "mask" in info:
            info["mask"] = np.ascontiguousarray(np.rot90(info["mask"], k))
        hard[hard.index("turn")] = f"turn{k * 90}"
    return img, hard, ".jpg"


def mask_box(mask):
    """[x, y, w, h] of the white part of a mask (the number line in the photo), or None."""
    if mask is None:
        return None
    ys, xs = np.nonzero(mask > 127)
    if len(xs) == 0:
        return None
    return [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]


def shoot(p, label, tier, rng, out_dir, name, t):
    """Photographs the label in a tier, writes OUT_DIR/NAME.jpg|png and NAME.truth.json (the truth
    `t` plus how the photo was made); returns the truth written."""
    import cv2
    info = {}
    img, effects, ext = photograph(label, tier, rng, info)
    path = os.path.join(out_dir, name + ext)
    bgr = img[..., ::-1]
    if ext == ".jpg":
        cv2.imwrite(path, bgr, [cv2.IMWRITE_JPEG_QUALITY, info["jpeg_quality"]])
    else:
        cv2.imwrite(path, bgr)
    # The number's capital height in photo pixels (about 0.7 of the font size): below ~6 px
    # a person zooming in struggles; the benchmark reports failures by it.
    cap = p.get("number_font_px")
    t.update({"file": os.path.basename(path), "tier": tier, "effects": effects,
              "printed_number": p["number_printed"], "style": p["style"],
              "layout": p.get("layout"), "font": p.get("font"), "font_kind": p.get("font_kind"),
              "traps": p.get("traps", []), "number_frame": p.get("number_frame"),
              "tight_legal": p.get("tight_legal"),
              "number_cap_px": round(0.7 * cap * info.get("scale", 1.0), 1) if cap else None,
              "number_box": mask_box(info.get("mask"))})
    with open(os.path.join(out_dir, name + ".truth.json"), "w") as f:
        json.dump(t, f, indent=1, ensure_ascii=False)
    return t


def generator_args(doc, count, tiers, what):
    """The options every generator of label photos takes (this one, gen_products.py): where, how
    many `what`, the seed and the tiers."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=count, help=what)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tiers", default=tiers)
    return ap


def main():
    ap = generator_args(__doc__, 30, "clean,phone,hard", "photos per tier")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--traps", action="store_true",
                    help="every product carries every dose trap (pack count in the header, 'Per 1 tablet', "
                         "a title with the dose, pale table headers): test material for the dose cross-checks")
    args = ap.parse_args()
    global TRAPS_FORCED
    TRAPS_FORCED = args.traps
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    manifest = []
    index = 0
    for tier in args.tiers.split(","):
        for _ in range(args.count):
            index += 1
            p = make_product(rng, index)
            label = build_label(p, rng)
            manifest.append(shoot(p, label, tier, rng, args.out, f"{args.prefix}{tier}-{index:04d}", truth_of(p)))
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
    print(f"wrote {len(manifest)} photos to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
