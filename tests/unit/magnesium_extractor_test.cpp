// Dose, salt and units-per-day extraction from text, without OCR: real label phrasings
// (domain.md §5.2, §6.2) and the confusions OCR adds.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <optional>

#include "support/models.h"
#include "suppcheck/extract/magnesium_extractor.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

MagnesiumFacts Extract(const std::string& text) {
  return ExtractMagnesium(LinesFromText(text), TestModels().vocabulary, TestModels().rules.Limits());
}

struct DoseCase {
  const char* name;
  const char* text;
  std::vector<std::string> salts;
  std::optional<double> mgPerUnit, unitsPerDay, mgPerDay;
  const char* basis;
};

bool Near(std::optional<double> got, std::optional<double> want) {
  if (!want) return !got;
  return got && std::abs(*got - *want) <= 0.01 * std::max(1.0, *want);
}

}  // namespace

TEST_CASE("real label phrasings give the right daily dose", "[extract][magnesium]") {
  const DoseCase cases[] = {
      {"tasnim (DE): elemental per capsule, no space before mg",
       "Magnesiumcitrat\nTäglich 2 Kapseln (je 90mg reines Magnesium / Kapsel) mit 200ml Flüssigkeit einnehmen.",
       {"citrate"}, 90, 2, 180, "declared"},
      {"sunday (DE): salt mass with davon, twice daily one scoop",
       "Zweimal täglich 1 Messlöffel (ca. 1 g Magnesiumcitrat, davon 109 mg Magnesium)",
       {"citrate"}, 109, 2, 218, "declared"},
      {"Biogaran (FR): salt mass, soit elemental, range of tablets",
       "Lactate de magnésium dihydraté 470 mg (Soit magnésium élément 48 mg)\nPour un comprimé pelliculé.\n"
       "6 à 8 comprimés par jour à répartir en 2 ou 3 prises pendant les repas.",
       {"lactate"}, 48, 8, 384, "declared"},
      {"MAG 2 100 mg (FR): decimal commas, correspondant à",
       "Carbonate de magnésium ... 395,85 mg\nQuantité correspondant à magnésium élément ... 100,00 mg\n"
       "Pour un comprimé.\n3 à 4 comprimés par jour",
       {"carbonate"}, 100, 4, 400, "declared"},
      {"MAG 2 poudre (FR): grams with a decimal comma",
       "Pyrrolidone carboxylate de magnésium .... 2,250 g\nCorrespondant à magnésium .... 0,184 g\n"
       "Pour un sachet de 6 g.\n2 sachets par jour.",
       {"pidolate"}, 184, 2, 368, "declared"},
      {"Magnence (NL): per sachet with mmol, range per day",
       "Bevat per sachet: 243 mg = 10 mmol magnesium.\n1-2 sachets (= 10-20 mmol Mg) per dag.",
       {}, 243, 2, 486, "declared"},
      {"Verla (DE): mmol = mg, elemental after the salt mass",
       "1 Kautablette enthält: Magnesiumbis(hydrogen-DL-aspartat)4H2O 1803 mg\nMagnesiumgehalt: 5 mmol = 121,5 mg.\n"
       "Täglich 2 Kautabletten.",
       {"aspartate"}, 121.5, 2, 243, "declared"},
      {"nutrimuscle (FR): per daily dose of six capsules",
       "Six gélules de CITRATE DE MAGNÉSIUM renferment : 2190 mg de citrate. 351 mg de magnésium.\n"
       "6 gélules par jour.",
       {"citrate"}, 58.5, 6, 351, "declared"},
      {"Dutch box: salt with waarvan, range of tablets",
       "Per tablet: magnesiumcitraat 1160 mg, waarvan magnesium 187,5 mg\nNeem 1 tot 2 tabletten per dag.",
       {"citrate"}, 187.5, 2, 375, "declared"},
      {"English: take one tablet daily",
       "Magnesium (as magnesium oxide) 100 mg\nSuggested use: take one tablet daily.", {"oxide"}, 100, 1, 100,
       "declared"},
      {"salt mass only: elemental from the anhydrous fraction",
       "Per capsule: magnesiumoxide 500 mg\nNeem 1 capsule per dag.", {"oxide"}, 301.5, 1, 301.5, "from_salt_mass"},
      {"table with per-unit and per-day columns",
       "Per tablet Per dagdosis (2 tabletten) % RI\nCalcium 200 mg 400 mg 50 %\nMagnesium 150 mg 300 mg 80 %\n"
       "Vitamine B6 1,4 mg 2,8 mg 200 %\nGebruik: 2 tabletten per dag.",
       {}, 150, 2, 300, "declared"},
      {"per daily dose line",
       "Per dagdosis (3 capsules): magnesium 300 mg\nIngrediënten: magnesiumbisglycinaat.\nNeem 3 capsules per dag.",
       {"bisglycinate"}, 100, 3, 300, "declared"},
      {"OCR: rng for mg",
       "Per tablet: Magnesium 187,5 rng\nNeem 2 tabletten per dag.", {}, 187.5, 2, 375, "declared"},
      {"times a day",
       "Par sachet : magnésium 120 mg\n2 fois par jour un sachet.", {}, 120, 2, 240, "declared"},
      // The back photo of products seed 46021 phone-0013 as OCR read it: "à" read as 4.
      {"OCR: range word 'à' read as a digit glued to the upper end",
       "Par comprimé: Magnésium 150 mg\nPrendre 1 43 comprimés par jour.\n"
       "Ne pas dépasser la dose journalière recommandée. Tenir hors de portée des jeunes enfants.",
       {}, 150, 3, 450, "declared"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const MagnesiumFacts m = Extract(c.text);
    CHECK(m.present);
    CHECK(m.salts == c.salts);
    CHECK(Near(m.mgPerUnit, c.mgPerUnit));
    CHECK(Near(m.unitsPerDay, c.unitsPerDay));
    CHECK(Near(m.mgPerDay, c.mgPerDay));
    CHECK(DoseSourceName(m.basis) == c.basis);
  }
}

TEST_CASE("other minerals and vitamins are never taken for magnesium", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract(
      "Calcium 200 mg Magnesium 100 mg Zinc 10 mg\nVitamine B6 1,4 mg\nPotassium 80 mg\nOne tablet daily.");
  CHECK(Near(m.mgPerDay, 100));
  const MagnesiumFacts none = Extract("Per tablet: Calcium 400 mg, Zink 10 mg\nNeem 1 tablet per dag.");
  CHECK_FALSE(none.present);
  CHECK_FALSE(none.mgPerDay);
}

TEST_CASE("magnesium stearate is an excipient, not magnesium", "[extract][magnesium]") {
  for (const char* text : {"Calcium 500 mg per tablet. Ingrediënten: calciumcarbonaat, magnesiumstearaat.",
                           "Zinc 10 mg. Anti-caking agent: magnesium salts of fatty acids.",
                           "Vitamine C 200 mg; antiagglomérant : stéarate de magnésium",
                           "Zink 10 mg, Trennmittel: Magnesiumstearat"}) {
    INFO(text);
    const MagnesiumFacts m = Extract(text);
    CHECK_FALSE(m.present);
    CHECK(m.salts.empty());
  }
}

// The OCR lines of generated multivitamins (seeds 61001, 61002, 61003; tesseract 5.3) whose
// ingredient list split or cut "magnesium stearate": each gave a magnesium row with no amount.
TEST_CASE("magnesium stearate cut by the line's end or by OCR is still the excipient", "[extract][magnesium]") {
  for (const char* text : {
           "Ingrédients: cellulose microcristalline, iodate de potassium, antiagglomérant : stéarate de\n"
           "magnesium\nNe pas dépasser la dose journalière recommandée.",
           "riboflavine 5'-phosphate, L-méthylfolate de calcium, antiagglomérant : stéarate de\nmagnesium\n",
           "Zutaten: mikrokristalline Cellulose, Methylcobalamin, Trennmittel: Magnesiumste\n"
           "Die angegebene empfohlene tagliche Verzehrmenge nicht tiberschreiten",
           "id Neem 1 tot 2 capsules per dag. ulose, antiklontermiddel: magnesi cas ate\n"
           "Ingrediénten: microkristallijne cell kinderen bewaren.",
           "Ingredients: cellulose, zinc citrate, anti-caking agent: magnesium\nstearate. Keep out of reach.",
       }) {
    INFO(text);
    const MagnesiumFacts m = Extract(std::string("Zinc 10 mg 100 %\nTake one tablet a day.\n") + text);
    CHECK_FALSE(m.present);
  }
  // Magnesium named for itself beside the excipient still counts.
  CHECK(Extract("Ingredients: magnesium citrate, anti-caking agent: magnesium\nstearate.").present);
  CHECK(Extract("Magnesium 100 mg\nIngredients: cellulose, antiagglomérant : stéarate de\nmagnesium").present);
}

TEST_CASE("magnesium without a readable dose is present with an unknown dose", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract("Mivolis\nMagnesium\nBrausetabletten Zitrone");
  CHECK(m.present);
  CHECK_FALSE(m.mgPerDay);
}

// Label seed 17389 hard-0026 (first-pass OCR lines of a strongly curved pack): "Neem 1 tot 3
// sachets per dag." read with its count glued to "tot", above the French dose line. Its "per dag"
// was taken for a heading over the "187,5 mg" below: 187.5 mg a day, within the limit, for up to
// 562.5 mg. Directions, however their count is read: the day's amount is unknown.
TEST_CASE("directions whose count is glued to a word are no per-day heading", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract(
      "eice: magnesiumcarbonaat 686 mg, waarvan magnesium 187,5 mg\neal tot3 sachets per dag.\n"
      "ihe carbonate de magnésium 686 mg, soit magnésium 187,5 mg\ni143 sachets par jour.");
  CHECK(m.present);
  CHECK_FALSE(m.mgPerDay);
  // A count read whole still gives the units a day.
  const MagnesiumFacts read = Extract("Par sachet: magnésium 187,5 mg\nPrendre 1 à 3 sachets par jour.");
  REQUIRE(read.mgPerDay);
  CHECK(*read.mgPerDay == Approx(562.5));
}

TEST_CASE("a table row of two amounts without its header read: one unit and the day's units", "[extract][magnesium]") {
  // Product-clean-0019 of seed 7319: the faint header "Per capsule | Per dagdosis (3 capsules)"
  // was not read; the row alone gave 900 mg per capsule and 2700 mg a day.
  const MagnesiumFacts m = Extract("60 capsules\nMagnesium 300 mg 900 mg\nNeem 2 tot 3 capsules per dag.");
  REQUIRE(m.mgPerUnit);
  CHECK(*m.mgPerUnit == Approx(300));
  REQUIRE(m.mgPerDay);
  CHECK(*m.mgPerDay == Approx(900));
  // Amounts that are no whole multiple of each other stay unresolved: the larger counts, as before.
  const MagnesiumFacts odd = Extract("Magnesium 300 mg 450 mg\nNeem 1 capsule per dag.");
  REQUIRE(odd.mgPerDay);
  CHECK(*odd.mgPerDay == Approx(450));
}

// multivitamin-clean-0003 of seed 61001 (first-pass OCR lines): the magnesium row is the twelfth
// under "Per daily dose (3 capsules)". The header was looked for 8 lines up only: 114 mg was taken
// for one capsule, 342 mg a day, above the 250 mg limit.
TEST_CASE("a long table's header is found however many rows stand between", "[extract][magnesium]") {
  const char* text =
      "Multivitamin\nFood supplement\nPer daily dose (3 capsules) % RI\nBeta-carotene 2.01 mg\n"
      "Vitamin D 201 ug 4020 %\nVitamin K 75 Ug 100 %\nVitamin C 60 mg 75%\n"
      "Thiamin (thiamine hydrochloride) 0.84 mg 76%\nNiacin 8.1 mg 51%\nFolic acid 300 Ug 150%\n"
      "Vitamin B12 (methylcobalamin) 7.5 mcg 300%\nBiotin 24.9 mcg 50 %\n"
      "Pantothenic acid (calcium D-pantothenate) 9mg 150 %\nPhosphorus 105 mg 15%\nMagnesium 114 mg 30 %\n"
      "lron (ferrous bisglycinate) 21mg 150 %\nZinc 1.5 mg 15%\n* No reference intake established\n"
      "Take one capsule 3 times a day.\n";
  const MagnesiumFacts m = Extract(text);
  CHECK(Near(m.mgPerDay, 114));
  CHECK(Near(m.mgPerUnit, 38));
  // A header above a block of text is another part of the label: not this row's.
  const MagnesiumFacts far = Extract(
      "Per daily dose (3 capsules)\nOur multivitamin is made in Belgium.\nIt supports energy.\nKeep dry.\n"
      "Store below 25 C.\nRecyclable pack.\nMade with care.\nVegan.\nGluten free.\nNo sugar.\n"
      "Magnesium 114 mg 30 %\nTake one capsule 3 times a day.");
  CHECK_FALSE(Near(far.mgPerDay, 114));
}

TEST_CASE("a printed %RI that contradicts the mg is reported", "[extract][magnesium]") {
  const MagnesiumFacts ok = Extract("Per tablet: magnesium 375 mg 100 %\nNeem 1 tablet per dag.");
  CHECK_FALSE(ok.riMismatch);
  const MagnesiumFacts bad = Extract("Per tablet: magnesium 375 mg 50 %\nNeem 1 tablet per dag.");
  REQUIRE(bad.riMismatch);
  CHECK(bad.riMismatch->first == 50);
  CHECK(bad.riMismatch->second == 375);
}

TEST_CASE("an amount right before 'of which' is a whole, not the magnesium in it", "[extract][magnesium]") {
  // OCR cut the salt's name off ("glycérophosphate de magnésium 469 mg, soit magnésium 56,25 mg"
  // read as below, from a phone photo made by scripts/gen/gen_products.py): 469 mg is the salt.
  for (const char* text : {"Yo : ate de magnesium 469 mg, soit\nPosologie : 1 comprimé par jour.",
                           "Per tablet: magnesium 469 mg, waarvan mag\nNeem dagelijks 1 tablet met water.",
                           "1 Kapsel: Magnesium 469 mg (davon\nTäglich 1 Kapsel."}) {
    INFO(text);
    const MagnesiumFacts m = Extract(text);
    CHECK(m.present);
    CHECK_FALSE(Near(m.mgPerUnit, 469));
    CHECK_FALSE(Near(m.mgPerDay, 469));
  }
  // The part that follows is still read as the dose, and an amount followed by anything else is
  // magnesium's own.
  CHECK(Near(Extract("Per tablet: magnesium 469 mg, waarvan magnesium 56,25 mg\nNeem 1 tablet per dag.").mgPerDay, 56.25));
  CHECK(Near(Extract("Per tablet: magnesium 300 mg (= 12,3 mmol)\nNeem 1 tablet per dag.").mgPerDay, 300));
  CHECK(Near(Extract("Per tablet: magnesium 300 mg, dosis niet overschrijden\nNeem 1 tablet per dag.").mgPerDay, 300));
}

namespace {

// Lines with their boxes, as the OCR lists them ("x,y,w,h<TAB>text", the --debug-dir lines file).
std::vector<TextLine> PlacedLines(const std::string& listing) {
  std::vector<TextLine> lines;
  for (const TextLine& raw : LinesFromText(listing)) {
    const size_t tab = raw.text.find('\t');
    TextLine line;
    line.text = raw.text.substr(tab + 1);
    std::sscanf(raw.text.c_str(), "%d,%d,%d,%d", &line.box.x, &line.box.y, &line.box.w, &line.box.h);
    lines.push_back(line);
  }
  return lines;
}

MagnesiumFacts ExtractPlaced(const std::string& listing) {
  return ExtractMagnesium(PlacedLines(listing), TestModels().vocabulary, TestModels().rules.Limits());
}

}  // namespace

TEST_CASE("an amount on its own line belongs to the name above it in its column", "[extract][magnesium]") {
  // Seed 81234 clean-0011, two columns: "Magnésium" ends a line, "900 mg" starts the next; the
  // other column's barcode is listed between them and the salt's name follows below. 900 mg is
  // elemental magnesium a day (above 250), not a mass of malate (140 mg).
  const std::string listing =
      "57,516,392,30\tIngrediënten: magnesiummalaat,\n"
      "57,618,441,30\tNeem dagelijks 3 sachets met water.\n"
      "57,875,537,39\tPar dose journalière (3 sachets): Magnésium\n"
      "716,886,254,100\t| | | | | | |\n"
      "56,924,89,30\t900 mg\n"
      "57,982,841,34\tIngrédients: malate de magnésium, 4964993 028015\n";
  const MagnesiumFacts m = ExtractPlaced(listing);
  CHECK(m.basis == DoseSource::kDeclared);
  CHECK(Near(m.mgPerDay, 900));
  // Without the name above, the salt below owns it (a salt mass): the column rule changes only whose
  // line is next.
  std::string noName = listing;
  noName.replace(noName.find("Magnésium\n"), 9, "");
  CHECK(ExtractPlaced(noName).basis == DoseSource::kFromSaltMass);
  // Seed 81234 clean-0004: the line above names the salt as the form of magnesium; 187.5 mg is
  // elemental magnesium per tablet (375 a day), not lactate holding 22.5 mg.
  const MagnesiumFacts form = ExtractPlaced(
      "59,405,568,29\tPer tablet: Magnesium (magnesiumlactaat)\n"
      "781,407,280,90\t| I | |\n"
      "63,445,122,27\t187,5 mg\n"
      "59,497,935,28\tGebruik: 2 tabletten per dag. 7 090283 823870\n");
  CHECK(form.basis == DoseSource::kDeclared);
  CHECK(Near(form.mgPerDay, 375));
}

TEST_CASE("a table row whose name was lost is not owned by the ingredients below the table", "[extract][magnesium]") {
  // Seed 25417 hard-0030, strong curvature: the names of the table's rows ("Magnesium", "Calcium")
  // were lost at the label's edge. The calcium row's 200 mg was read as a mass of magnesium
  // malate (62 mg a day for a printed 150 mg): a wrong dose, and a false all-clear when the
  // magnesium row is above the limit.
  const std::string listing =
      "686,812,792,81\tPer tablet Per dagdosis (2 tabletten)\n"
      "693,913,517,64\t75 mg 150 mg\n"
      "696,985,517,67\t200 mg 400 mg\n"
      "401,1052,991,130\ttgediënten: magnesiummalaat, microkristallijne cellulose.\n"
      "406,1157,404,117\tNeem 1 tot 2 tabletten per dag.\n";
  const MagnesiumFacts m = ExtractPlaced(listing);
  CHECK(m.present);
  CHECK_FALSE(m.mgPerDay);
  // A single row of amounts right above the salt's name is still the salt's mass.
  const MagnesiumFacts one = ExtractPlaced(
      "686,812,792,81\tPer tablet Per dagdosis (2 tabletten)\n"
      "696,985,517,67\t200 mg 400 mg\n"
      "401,1052,991,130\ttgediënten: magnesiummalaat, microkristallijne cellulose.\n"
      "406,1157,404,117\tNeem 1 tot 2 tabletten per dag.\n");
  CHECK(one.basis == DoseSource::kFromSaltMass);
}

TEST_CASE("a larger amount in the dose's table row makes the dose unknown", "[extract][magnesium]") {
  // Seed 81234 phone-0029, a skewed table read in pieces: "150 mg" per capsule read "15 mg", the
  // 150 and 450 of the row on lines of their own. 15 x 3 = 45 mg a day would be a false all-clear.
  const std::string listing =
      "536,898,1278,111\tMagnésium 15 mg Par dose journalière 3 gélules)\n"
      "1443,935,692,69\t45 mg %6 AR\n"
      "1047,996,102,42\t150mg\n"
      "1439,975,1108,83\t450 mg 132 % ge =\n"
      "531,1027,580,104\tIngrédients Malate de Magnésium cellulose\n"
      "526,1095,383,78\tPrendre 2 à 3 gélules par jour.\n";
  const MagnesiumFacts m = ExtractPlaced(listing);
  CHECK_FALSE(m.mgPerDay);
  REQUIRE_FALSE(m.doseProblems.empty());
  CHECK(m.doseProblems.back().find("table row also shows") != std::string::npos);
  // The row's own per-day amount beside the per-unit one is no problem.
  const MagnesiumFacts ok = ExtractPlaced(
      "100,400,500,30\tMagnesium 150 mg\n"
      "700,402,300,30\t450 mg 120 %\n"
      "100,500,600,30\tNeem dagelijks 3 capsules.\n");
  CHECK(ok.doseProblems.empty());
  CHECK(Near(ok.mgPerDay, 450));
  // A % RI that fits the dose makes the row magnesium's; the larger amounts under it belong to a
  // row whose name was not read (seed 93001 hard-0036).
  const MagnesiumFacts tied = ExtractPlaced(
      "0,981,1751,90\tBE, | Magnesium 120 mg 360 mg 96 %\n"
      "0,1062,2213,46\trh? 200 mg 600 mg 187 % K%\n"
      "100,1200,900,40\tNeem dagelijks 3 tabletten.\n");
  CHECK(tied.doseProblems.empty());
  CHECK(Near(tied.mgPerDay, 360));
  // So does a fitting % RI read as a line of its own in the row, right of the amounts; the
  // vitamin C row half a row above has a name of its own OCR damaged (label seed 86420 hard-0014,
  // dark and strongly curved). A % that does not fit ties nothing.
  const auto withPercent = [](const std::string& percent) {
    return ExtractPlaced("540,886,1015,68\tVRamune C 500 mg 1500 mg\n"
                         "2055,957,63,45\t" + percent + "\n"
                         "534,943,1000,70\t\\agnésium 150 mg 450 mg\n"
                         "517,1098,639,68\tPosologie : 3 comprimés par jour avec un verre d'eau.\n");
  };
  const MagnesiumFacts apart = withPercent("120 %");
  CHECK(apart.doseProblems.empty());
  CHECK(Near(apart.mgPerDay, 450));
  const MagnesiumFacts unfit = withPercent("49 %");
  CHECK_FALSE(unfit.mgPerDay);
}

TEST_CASE("an amount with digits a space before it is not trusted", "[extract][magnesium]") {
  // Seed 48213 phone-0011: "Magnesium 375 mg" read "M agnesium 37 5 mg"; 5 mg x 2 = 10 mg a day
  // was reported within the limit for 750.
  const MagnesiumFacts split = Extract("Pro Tagesdosis (2 Beutel): Magnesium 37 5 mg\n");
  CHECK_FALSE(split.mgPerDay);
  REQUIRE_FALSE(split.doseProblems.empty());
  CHECK(split.doseProblems.front().find("split by a space") != std::string::npos);
  // Digits separated by a word or a unit are other numbers, as printed.
  CHECK(Near(Extract("Pro Tagesdosis (2 Beutel): Magnesium 375 mg\n").mgPerDay, 375));
  CHECK(Near(Extract("Magnesium 300 mg 900 mg\nNeem dagelijks 3 tabletten.").mgPerDay, 900));
}

TEST_CASE("an amount with a quote mark glued before it is not trusted", "[extract][magnesium]") {
  // Seed 40961 hard-0029 (strong curvature): "168,75 mg" squeezed at the label's left edge read
  // "‘875mg"; under "Pro Tagesdosis (3 Tabletten): Magnesium" that was 875 mg a day, above, for 168.75.
  const MagnesiumFacts squeezed = Extract("_ hoTegesdosis (3 Tabletten): Magnesium\n\u2018875mg\n"
                                          "liten: Meeresmagnesium, maltodextrine.\n");
  CHECK_FALSE(squeezed.mgPerDay);
  REQUIRE_FALSE(squeezed.doseProblems.empty());
  CHECK(squeezed.doseProblems.front().find("quote mark") != std::string::npos);
  CHECK(Near(Extract("Pro Tagesdosis (3 Tabletten): Magnesium\n168,75 mg\n").mgPerDay, 168.75));
}

TEST_CASE("two per-unit readings as often read: the one that makes the day's amount, and a copy whose % RI fits",
          "[extract][magnesium]") {
  // The whole label of products seed 58734 phone-0011 as OCR read it, its French table's header
  // and re-read row after the first pass (as scan/nutrient_table_reread.h puts them): the French row's column bar read as 1 ("1200 mg [200 mg"), the Dutch
  // row's 53 % as 535 %. The label says 200 mg per capsule, 1 capsule a day.
  const MagnesiumFacts m = Extract(
      "Magnesium Plus\nVoedingssupplement\nPer capsule Per dagdosis (1 capsule) % RI\n"
      "Magnesium 200 mg 200 mg 535%\nVitamine B6é 2 mg 2 mg 33%\n"
      "Ingrediénten: magnesiumbisglycinaat, microkristallijne cellulose.\nGebruik: 1 capsule per dag.\n"
      "Complément alimentaire\nPar gélule Par dose journaliére (1 gélulle)AR\nMagnesium 1200 mg [200 mg EE %\n"
      "Zinc 10 mg 10 mg 102 %\nIngrédients: bisglycinate de magnésium, cellulose.\n1 gélule par jour.\n"
      "Par gélule Par dose journaliére (1 gélulle)AR\nMagnésium 200 mg 200 mg 53%\n");
  CHECK(Near(m.mgPerUnit, 200));
  CHECK(Near(m.unitsPerDay, 1));
  CHECK(Near(m.mgPerDay, 200));
  CHECK(m.doseProblems.empty());
  CHECK_FALSE(m.riMismatch);

  // Without a copy whose % RI fits, the mismatch stands and the dose is refused.
  const MagnesiumFacts alone = Extract("Per capsule Per dagdosis (1 capsule) % RI\nMagnesium 200 mg 200 mg 535%\n");
  CHECK(alone.riMismatch);
  CHECK_FALSE(alone.mgPerDay);
}

TEST_CASE("a row's per-day column read under the per-unit header is the day's dose by the ratio", "[extract][magnesium]") {
  // Seed 71946 phone-0047: of "Pro Kapsel | Pro Tagesdosis" only "Pro Kapsel" was read; 188 mg, the
  // day's dose of two capsules, was taken per capsule: 376 mg a day, a false "above".
  const MagnesiumFacts m = Extract("Pro Kapsel\nMagnesium 94 mg 188 mg\n2x täglich 1 Kapsel.\n");
  CHECK(Near(m.mgPerUnit, 94));
  CHECK(Near(m.mgPerDay, 188));
}

TEST_CASE("magnesium stearate split over two lines of one column, read across two columns", "[extract][magnesium]") {
  // Seed 36527 phone-0019, a vitamin C label in two columns read row by row: "stéarate de" ends a
  // line of the right column, the left column's "Per tablet: Kalium 80 mg" is listed next, then
  // "magnésium." under "stéarate de". It was taken for magnesium without a dose (level unknown
  // where the label has no magnesium).
  const std::string listing =
      "494,590,811,122\tVitamine C\n"
      "458,961,2094,65\tVoedingssupplement Ingrédients: potassium, cellulose,\n"
      "1705,1043,735,55\tantiagglomérant : stéarate de\n"
      "448,1067,683,57\tPer tablet: Kalium 80 mg\n"
      "1692,1116,316,56\tmagnésium.\n"
      "436,1168,860,59\tIngrediénten: kalium, cellulose,\n"
      "429,1214,1897,78\tantiklontermiddel: Trois comprimés par jour.\n"
      "418,1302,2124,85\tmagnesiumstearaat. Ne pas dépasser la dose journaliére\n";
  const MagnesiumFacts m = ExtractPlaced(listing);
  CHECK_FALSE(m.present);
  // The same word standing for itself in the other column, far below "stéarate de", is magnesium.
  CHECK(ExtractPlaced("1705,1043,735,55\tantiagglomérant : stéarate de\n"
                      "448,1067,683,57\tPer tablet: Kalium 80 mg\n"
                      "448,1140,316,56\tmagnésium 100 mg\n")
            .present);
}

TEST_CASE("a salt's name broken over two lines of its column is that salt", "[extract][magnesium]") {
  // Seed 64829 phone-0019, two columns read row by row: "Ingredients: magnesium" ends a line of
  // the left column, the right column's "daily dose. Keep out of the" is listed next, then
  // "aspartate, maltodextrine." under it. The salt was not named.
  const std::string listing =
      "296,1032,567,70\tMagnesium 800 mg\n"
      "307,1132,772,79\tIngredients: magnesium\n"
      "1563,1142,855,81\tdaily dose. Keep out of the\n"
      "309,1209,868,83\taspartate, maltodextrine.\n"
      "1572,1221,752,78\treach of young children.\n";
  const MagnesiumFacts m = ExtractPlaced(listing);
  CHECK(m.salts == std::vector<std::string>{"aspartate"});
  // Broken the other way: the compound's head ends the line above, the nutrient opens the next.
  CHECK(Extract("Ingredients: oxyde de\nmagnésium, cellulose.").salts == std::vector<std::string>{"oxide"});
  // The next line in another column, far below, does not continue the name.
  CHECK(ExtractPlaced("307,1132,772,79\tIngredients: magnesium\n"
                      "1563,1400,855,81\taspartate, maltodextrine.\n")
            .salts.empty());
  // Nor does a line that opens with something else.
  CHECK(Extract("Ingredients: magnesium\nmaltodextrine, aspartate.").salts.empty());
}

TEST_CASE("directions beside a dose on one line do not make the dose a day's", "[extract][magnesium]") {
  // Seed 47113 clean-0009, two columns joined into one line: the left column's "magnesium 187,5 mg"
  // (per tablet) and the right column's directions. "par jour" ends the directions; it is not
  // what 187.5 mg is per. Before, 187.5 mg a day against 3 tablets of 187.5 mg did not add up and
  // the dose of 562.5 mg a day, above the limit, was left unknown.
  const MagnesiumFacts m = Extract(
      "Voedingssupplement Par comprimé: glycérophosphate de magnésium 1646 mg,\n"
      "soit magnésium 187,5 mg\n"
      "Per tablet: magnesiumglycerofosfaat 1646 mg, waarvan\n"
      "magnesium 187,5 mg Prendre 1 a 3 comprimés par jour.\n"
      "Neem 1 tot 3 tabletten per dag. Ingrédients: cellulose, antiagglomérant : stéarate de\n");
  CHECK(Near(m.mgPerUnit, 187.5));
  CHECK(Near(m.mgPerDay, 562.5));
  // A daily word after a count with "per" before it is still a per-day header's.
  CHECK(Near(Extract("Per dagdosis (2 tabletten): magnesium 300 mg\nNeem 2 tabletten per dag.").mgPerDay, 300));
}

TEST_CASE("the amount under a salt's 'of which' is the elemental part, its name garbled", "[extract][magnesium]") {
  // Seed 36527 phone-0020: "of which magnesium 100 mg" read "Eraagmnesium 100 mg" on the next
  // line. Without it, 115.7 mg was worked out from the citrate's mass for a printed 100 mg.
  const MagnesiumFacts m = Extract(
      "Per capsule: magnesium citrate 714 mg, of which\nEraagmnesium 100 mg\nTake 1 capsule daily with water.");
  CHECK(Near(m.mgPerDay, 100));
  CHECK(m.basis == DoseSource::kDeclared);
  // Another nutrient named there, a larger amount, or words after "of which" on its own line: no.
  CHECK_FALSE(Near(Extract("Per capsule: magnesium citrate 714 mg, of which\nZinc 10 mg\nTake 1 capsule daily.").mgPerDay, 10));
  CHECK_FALSE(Near(Extract("Per capsule: magnesium citrate 714 mg, of which\nxx 900 mg\nTake 1 capsule daily.").mgPerDay, 900));
  CHECK_FALSE(Near(Extract("Per capsule: magnesium citrate 714 mg, of which calcium\nxx 90 mg\nTake 1 capsule daily.").mgPerDay, 90));
}

TEST_CASE("a bar read for one Beutel gives the dose unless a per-day amount contradicts it", "[extract][magnesium]") {
  // Products seed 46021 phone-0010: "| Beutel pro Tag" for "1 Beutel pro Tag" lost the units a
  // day, and the product its dose (187.5 mg a day, within).
  const MagnesiumFacts m =
      Extract("Zutaten: Magnesiumoxid, cellulose.\nPro Beutel: Magnesium 187,5 mg\nVerzehrempfehlung: | Beutel pro Tag.");
  CHECK(Near(m.unitsPerDay, 1));
  CHECK(Near(m.mgPerDay, 187.5));
  // Beutel is plural too: a per-day amount the one does not explain refuses the dose, never a
  // dose a day read too low.
  const MagnesiumFacts day = Extract(
      "Pro Beutel: Magnesium 187,5 mg\nPro Tagesdosis: Magnesium 375 mg\nVerzehrempfehlung: | Beutel pro Tag.");
  CHECK_FALSE(day.mgPerDay);
  CHECK_FALSE(day.doseProblems.empty());
}

// Label seed 64829 hard-0030 (first-pass OCR lines, shortened): the Dutch warning "Aanbevolen
// dagelijkse dosis niet overschrijden" stood above the French dose line, and was taken for its
// column header: one sachet's 243.1 mg became the day's amount, within the limit, for a product
// taken twice a day (486 mg, above it).
TEST_CASE("the warning not to exceed the daily dose heads no column", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract(
      "*e sachet Magnesium 10 mmol (243.1 mg)\n2xpe dag een sachet.\n"
      "Tesandevolen dagelijkse dosis niet overschrijden. Buiten bereik van kinderen bewaren.\n"
      "Complément alimentaire\n*W sachet Magnésium 10 mmol (243.1 mg)\n");
  REQUIRE(m.mgPerUnit);
  CHECK(*m.mgPerUnit == Approx(243.1));
  CHECK_FALSE(m.mgPerDay);
  // Read right, the directions give the day's dose.
  const MagnesiumFacts read = Extract(
      "Per sachet Magnesium 10 mmol (243.1 mg)\n2x per dag een sachet.\n"
      "Aanbevolen dagelijkse dosis niet overschrijden.\nPar sachet Magnésium 10 mmol (243.1 mg)\n");
  REQUIRE(read.mgPerDay);
  CHECK(*read.mgPerDay == Approx(486.2));
}

// Label seed 86420 hard-0020 (first-pass OCR lines, shortened): "2 tabletten per dag." lost its
// 2 at a curved label's squeezed edge, and the rest, four lines above the French dose line with an
// ingredient line and the warning between them, was taken for that line's per-day column header:
// 90 mg a day for two tablets of 90 mg. A sentence between a header and a line ends the header's
// reach; right above it, the same header still heads it.
TEST_CASE("a header does not reach a line over a sentence between them", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract(
      "Eten magnesium 233 mg, waarvan magnesium 90 mg\nTabletten per dag.\n"
      "<celhilose, antiklontermiddel: magnesiumstearaat.\n"
      "ten dagelijkse dosis niet overschrijden. Buiten bereik van kinderen bewaren.\n"
      "eet altmentaire\nSe: magnésium marin 233 mg, soit magnésium 90 mg\n");
  CHECK_FALSE(m.mgPerDay);
  const MagnesiumFacts under = Extract(
      "Tabletten per dag.\neet altmentaire\nSe: magnésium marin 233 mg, soit magnésium 90 mg\n");
  REQUIRE(under.mgPerDay);
  CHECK(*under.mgPerDay == Approx(90));
}

// Label seed 27183 clean-0002, two columns: "Pro Tablette: Magnesium (Magnesiumchlorid) 187,5 mg"
// broke after the nutrient's name. The chloride in brackets opening the next line is its form, and
// the 187,5 mg magnesium, not the chloride's mass (47.9 mg of magnesium a day for 187.5).
TEST_CASE("a form in brackets opening the line below the nutrient's name is its form", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract("Pro Tablette: Magnesium\n(Magnesiumchlorid) 187,5 mg\nTäglich 1 Tablette einnehmen.\n");
  REQUIRE(m.mgPerDay);
  CHECK(*m.mgPerDay == Approx(187.5));
  // Without the bracket, or under a line naming the salt, the amount is still the salt's mass.
  for (const char* text : {"Pro Tablette: Magnesium\nMagnesiumchlorid 187,5 mg\nTäglich 1 Tablette einnehmen.\n",
                           "Pro Tablette: Magnesiumchlorid\n(Magnesiumchlorid) 187,5 mg\nTäglich 1 Tablette einnehmen.\n"}) {
    INFO(text);
    const MagnesiumFacts salt = Extract(text);
    REQUIRE(salt.mgPerDay);
    CHECK(*salt.mgPerDay < 50);
  }
}

// Label seed 57721 hard-0084: "Per dagdosis (3 capsules) Magnesium 168,75 mg" read "Hess 3
// capsules) Magnesium 168,75 mg" at a curved label's squeezed edge. The bracket closed after the
// count still makes the amount three capsules': 168.75 mg a day, not 506 (a false "above").
TEST_CASE("a count of units closed by a bracket is the daily dose's, its opening lost", "[extract][magnesium]") {
  const MagnesiumFacts m = Extract("Hess 3 capsules) Magnesium 168,75 mg\nNeem 3 capsules per dag.\n");
  REQUIRE(m.mgPerDay);
  CHECK(*m.mgPerDay == Approx(168.75));
  // A pack's count in brackets is no basis: "(60 capsules)" made one capsule 2.8 mg, 8.4 mg a day
  // within the limit for 506 above it.
  const MagnesiumFacts pack = Extract("Magnesium 168,75 mg (60 capsules)\nNeem 3 capsules per dag.\n");
  REQUIRE(pack.mgPerDay);
  CHECK(*pack.mgPerDay == Approx(506.25));
}

namespace {

// `lines` with their words boxed, each word's share of its line's box as its share of the text:
// what OCR gives, the words' own boxes, where a line runs on across two columns.
std::vector<TextLine> WithWordBoxes(std::vector<TextLine> lines) {
  for (TextLine& line : lines) {
    const double perByte = static_cast<double>(line.box.w) / static_cast<double>(line.text.size());
    for (size_t b = 0; b < line.text.size();) {
      const size_t e = std::min(line.text.find(' ', b), line.text.size());
      LineWord w;
      w.begin = b;
      w.end = e;
      w.box = {line.box.x + static_cast<int>(perByte * static_cast<double>(b)), line.box.y,
               std::max(1, static_cast<int>(perByte * static_cast<double>(e - b))), line.box.h};
      line.words.push_back(w);
      b = e + 1;
    }
  }
  return lines;
}

MagnesiumFacts ExtractPlacedWords(const std::string& listing) {
  return ExtractMagnesium(WithWordBoxes(PlacedLines(listing)), TestModels().vocabulary, TestModels().rules.Limits());
}

}  // namespace

TEST_CASE("a salt's name broken after its connector still owns the amount", "[extract][magnesium]") {
  // Label seed 16180 hard-0030: "glycérophosphate de" ends a line, "magnésium 823 mg" starts the
  // next, run on by OCR into the other column's lot line; that column's number line is listed
  // between them and stands above the run-on line. 823 mg is the salt's mass (103 mg of
  // magnesium a day), not 823 mg of magnesium: read as that, a false "above".
  const std::string listing =
      "399,1187,892,72\tPar 1 comprimé: glycérophosphate de\n"
      "1516,1225,202,32\tNUT4343/804\n"
      "405,1245,1890,90\tmagnésium 823 mg Lot 3768/228 A consommer de préférence avant 12/2029\n"
      "412,1369,864,71\tPosologie : 1 comprimé par jour avec\n";
  const MagnesiumFacts m = ExtractPlacedWords(listing);
  CHECK(m.basis == DoseSource::kFromSaltMass);
  CHECK(m.salts == std::vector<std::string>{"glycerophosphate"});
  REQUIRE(m.mgPerDay);
  CHECK(*m.mgPerDay < 250);
  // The line above the word in another column joins nothing: magnesium itself.
  std::string otherColumn = listing;
  otherColumn.replace(0, 3, "999");
  CHECK(ExtractPlacedWords(otherColumn).basis == DoseSource::kDeclared);
}
