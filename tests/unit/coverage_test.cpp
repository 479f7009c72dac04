// Which parts of a label a text shows (extract/coverage.h), and the verdicts that follow from
// it, through ScanText: the same extraction and assessment as a photo, without OCR.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/conclude.h"
#include "suppcheck/extract/coverage.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

// rules.json sanity.max_units_per_day.
double MaxUnits() { return TestModels().rules.Limits().maxUnitsPerDay; }

Coverage Cover(const std::string& text) {
  const auto lines = LinesFromText(text);
  const auto mg = ExtractMagnesium(lines, TestModels().vocabulary, TestModels().rules.Limits());
  const auto number = FindNotificationNumber(lines, TestModels().vocabulary);
  return DecideCoverage(lines, TestModels().vocabulary, MaxUnits(), mg, number);
}

ScanResult Scan(const std::string& text) { return ScanText(text, "label.txt", TestModels(), "adult", nullptr); }

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("a front shows none of the information panels", "[coverage]") {
  // The innovit thumbnail as a person reads it.
  const Coverage c = Cover("innovit\nMulti A-Z\nOne-a-Day\nFood supplement with vitamins and minerals\n60 tablets\n"
                           "Vitamins A, C and D contribute to the normal function of the immune system");
  CHECK_FALSE(c.ingredients);
  CHECK_FALSE(c.nutrientTable);
  CHECK_FALSE(c.dose);
  CHECK_FALSE(c.legalText);
}

TEST_CASE("a front: number not seen, magnesium unknown, no advice against it, what to photograph", "[coverage]") {
  const ScanResult r = Scan("BODYMASS NUTRITION\nMULTIVITAMIN\nVITAMINS & MINERALS\n1 TABLET DAILY\n60 TABLETS");
  CHECK(r.number.number.status == NumberStatus::NotSeen);
  CHECK_FALSE(MagnesiumPresence(r.magnesium, r.coverage).has_value());
  CHECK(r.assessment.level == Level::Unknown);
  CHECK_FALSE(Has(r.assessment.flags, "number_missing"));
  CHECK_FALSE(IsFlagged(r.assessment));
  for (const auto& m : r.assessment.messages) CHECK(m.find("better not taken") == std::string::npos);
  CHECK(r.coverage.directions);  // "1 TABLET DAILY"
  const auto next = StillToPhotograph(r.coverage, r.number, r.magnesium);
  REQUIRE(next.size() == 2);
  CHECK(next[0].find("lot") != std::string::npos);
  CHECK(next[1].find("ingredient") != std::string::npos);
}

TEST_CASE("the back of a label without a number is still missing, with the advice", "[coverage]") {
  const ScanResult r = Scan(
      "Voedingssupplement\nIngrediënten: calcium, cellulose, antiklontermiddel: magnesiumstearaat.\n"
      "Per tablet: Calcium 200 mg\nNeem dagelijks 2 tabletten met water.\nLot 4821/77   THT 05/2028\n"
      "Natura NV, Kerkstraat 12, 9000 Gent - Tel. 09/123 45 67");
  CHECK(r.coverage.ingredients);
  CHECK(r.coverage.legalText);
  CHECK(r.coverage.directions);
  CHECK(r.number.number.status == NumberStatus::Missing);
  CHECK(Has(r.assessment.flags, "number_missing"));
  CHECK(r.assessment.level == Level::NoMagnesium);  // the ingredient list was read: stearate is no magnesium
  CHECK(MagnesiumPresence(r.magnesium, r.coverage) == std::optional<bool>(false));
  CHECK(StillToPhotograph(r.coverage, r.number, r.magnesium).empty());
}

TEST_CASE("legal text needs two independent cues or a notification label", "[coverage]") {
  CHECK_FALSE(Cover("LOT 4821/77").legalText);                    // one cue
  CHECK_FALSE(Cover("Made in Belgium\nwww.natura.be").legalText);  // one cue, a web address is on fronts too
  CHECK_FALSE(Cover("Expert formula\nLot of energy").legalText);   // words without the digits they need
  CHECK(Cover("LOT 4821/77  EXP 03/2028").legalText);              // lot and date
  CHECK(Cover("Ch.-B. 2231\nMindestens haltbar bis: siehe Boden").legalText);
  CHECK(Cover("À consommer de préférence avant fin : voir couvercle\nDistribué par Natura SA, 1300 Wavre").legalText);
  CHECK(Cover("Notificatienummer: zie zijkant").legalText);  // the label itself, even without the number
  CHECK(Cover("NUT/PL 1234/56").legalText);
  // The lot's digits glued to its word, or the dot of "Ch.-B." read as a digit (products seed
  // 71263 clean-0016); a lone letter with digits is any code.
  CHECK(Cover("Ch.-B8. 9054/522 MHD 10/2028").legalText);
  CHECK(Cover("LOT2426 EXP 03/2028").legalText);
  CHECK_FALSE(Cover("L2345 EXP 03/2028").legalText);
  CHECK_FALSE(Cover("Lotion50 EXP 03/2028").legalText);
}

TEST_CASE("ingredients: a heading, not a word in a slogan", "[coverage]") {
  CHECK(Cover("Ingrediënten: magnesiumcitraat, cellulose").ingredients);
  CHECK(Cover("Zutaten : Magnesiumoxid, Maltodextrin").ingredients);
  CHECK(Cover("Ingrédients: citrate de magnésium").ingredients);
  CHECK(Cover("Other ingredients: cellulose, stearic acid").ingredients);
  CHECK_FALSE(Cover("Made with natural ingredients").ingredients);
  // Its capital I read as another stroke (seed 64829 phone-0018), a colon after it.
  CHECK(Cover("\\ngrediënten: vitamine c, cellulose").ingredients);
  CHECK(Cover("|ngredients: vitamin C, cellulose").ingredients);
  CHECK(Cover("lngrédients : vitamine c").ingredients);
  CHECK_FALSE(Cover("|ngredients of nature").ingredients);
}

TEST_CASE("a nutrient table: a header and rows, or many rows, a few claims on a front are not one", "[coverage]") {
  const Coverage table = Cover("Per tablet   Per dagdosis (2 tabletten)   % RI\nMagnesium 150 mg 300 mg 80 %\n"
                               "Zink 10 mg 20 mg 200 %\nVitamine B6 2 mg 4 mg 285 %");
  CHECK(table.nutrientTable);
  CHECK(table.dose);
  const Coverage facts = Cover("Supplement Facts\nServing Size: 1 Tablet\nVitamin C 70 mg\nVitamin E 10 mg\n"
                               "Iron (as ferrous fumarate) 30 mg\nZinc (as zinc oxide) 15 mg");
  CHECK(facts.nutrientTable);
  CHECK_FALSE(Cover("Vitamin D 25 µg\nZinc 10 mg").nutrientTable);
  // A food table (energy, protein, fat) says nothing about minerals.
  CHECK_FALSE(Cover("Nutrition Information\nEnergy 540 kJ\nProtein 20 g\nFat 1.2 g\nCarbohydrate 3 g").nutrientTable);
}

TEST_CASE("a table without magnesium: no_magnesium is a finding", "[coverage]") {
  const ScanResult r = Scan("Supplement Facts\nServing Size: 1 Tablet\nAmount Per Serving\nVitamin C 70 mg\n"
                            "Vitamin E 10 mg\nIron (as ferrous fumarate) 30 mg\nZinc (as zinc oxide) 15 mg\n"
                            "Copper (as cupric oxide) 2 mg");
  CHECK(r.coverage.nutrientTable);
  CHECK(r.assessment.level == Level::NoMagnesium);
  CHECK(r.number.number.status == NumberStatus::NotSeen);  // a panel without the legal text
}

TEST_CASE("magnesium named on a front: present, the dose asked for", "[coverage]") {
  const ScanResult r = Scan("BioMag\nMagnesium Forte\nVoedingssupplement");
  CHECK(r.magnesium.present);
  CHECK(r.assessment.level == Level::Unknown);
  CHECK_FALSE(r.coverage.dose);
  const auto next = StillToPhotograph(r.coverage, r.number, r.magnesium);
  CHECK(std::any_of(next.begin(), next.end(), [](const std::string& s) { return s.find("nutrient table") != std::string::npos; }));
}

TEST_CASE("coverage of several photos adds up, missing then needs the legal text of any of them", "[coverage]") {
  Coverage front, side;
  side.legalText = true;
  front.ingredients = true;
  Coverage both = front;
  both |= side;
  CHECK(both.ingredients);
  CHECK(both.legalText);
  NumberFinding n;
  n.number.status = NumberStatus::NotSeen;
  CHECK(ApplyCoverageToNumber(n, both));
  CHECK(n.number.status == NumberStatus::Missing);
  CHECK(ApplyCoverageToNumber(n, front));
  CHECK(n.number.status == NumberStatus::NotSeen);
}

TEST_CASE("a best-before phrase wrapped onto the next line of its column counts", "[coverage]") {
  // Seed 40961 clean-0005 as the OCR reads it: two columns interleave in reading order, and the
  // right column's "A consommer de préférence" continues two lines down, "avant 11/2029".
  const auto word = [](const std::string& text, int x, int y, int w, int lineId) {
    OcrWord o;
    o.text = text;
    o.confidence = 95;
    o.box = {x, y, w, 30};
    o.lineId = lineId;
    return o;
  };
  const std::vector<OcrWord> words = {
      word("Posologie", 60, 100, 150, 1),   word(":", 215, 100, 10, 1),     word("1", 230, 100, 15, 1),
      word("comprimé", 250, 100, 140, 1),   word("Lot", 860, 125, 50, 2),   word("2870/863", 920, 125, 130, 2),
      word("A", 1060, 125, 20, 2),          word("consommer", 1090, 125, 160, 2),
      word("de", 1260, 125, 30, 2),         word("préférence", 1300, 125, 160, 2),
      word("verre", 60, 150, 80, 3),        word("d'eau.", 150, 150, 90, 3),
      word("avant", 860, 180, 90, 4),       word("11/2029", 960, 180, 120, 4),
  };
  const auto lines = BuildLines(words);
  REQUIRE(lines.size() == 4);
  const auto mg = ExtractMagnesium(lines, TestModels().vocabulary, TestModels().rules.Limits());
  const auto number = FindNotificationNumber(lines, TestModels().vocabulary);
  CHECK(DecideCoverage(lines, TestModels().vocabulary, MaxUnits(), mg, number).legalText);
  // The lot line alone is one cue: not the legal text.
  const std::vector<OcrWord> lotOnly(words.begin(), words.begin() + 12);
  const auto some = BuildLines(lotOnly);
  CHECK_FALSE(DecideCoverage(some, TestModels().vocabulary, MaxUnits(), mg, number).legalText);
}
