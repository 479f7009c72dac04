// The cross-checks a careful reader makes (ocr-practice.md §7): OCR-mangled per-unit phrases,
// pack counts, table columns without their headers, the title, the % RI, the salt's fraction and
// per unit × units against per day. A dose that fails a check is unknown, with the reason.

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>

#include "support/models.h"
#include "suppcheck/assess/rules.h"
#include "suppcheck/extract/magnesium_extractor.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

MagnesiumFacts Extract(const std::string& text) {
  return ExtractMagnesium(LinesFromText(text), TestModels().vocabulary, TestModels().rules.Limits());
}

bool Near(std::optional<double> got, double want) { return got && std::abs(*got - want) <= 0.01 * want; }

// The magnesium a day read from `text`, for the cases where only that is checked.
std::optional<double> PerDay(const std::string& text) { return Extract(text).mgPerDay; }

std::string Problems(const MagnesiumFacts& m) {
  std::string s;
  for (const auto& p : m.doseProblems) s += p + "; ";
  return s;
}

}  // namespace

TEST_CASE("a per-unit phrase with a mangled 1 is per unit, never per pack", "[extract][checks]") {
  struct Case {
    const char* text;
    double perUnit, perDay;
  };
  // The three false all-clears of ocr-practice.md §7: 150/60, 200/60, 450/30 came out instead.
  const Case cases[] = {
      {"Magnesium\n60 tabletten\nPer | tablet: magnesiumbisglycinaat 1065 mg, waarvan magnesium 150 mg\n"
       "Neem 2 tabletten per dag.",
       150, 300},
      {"Magnesium 400\n60 capsules\nPer } capsule: magnesiumcitraat 1235 mg, waarvan magnesium 200 mg\n"
       "Neem 2 capsules per dag.",
       200, 400},
      {"Magnésium 450\n30 comprimés\nPas 1 comprimé : magnésium 450 mg\n1 comprimé par jour.", 450, 450},
      {"60 Kapseln\nPro l Kapsel: Magnesium 150 mg\nTäglich 2 Kapseln einnehmen.", 150, 300},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const MagnesiumFacts m = Extract(c.text);
    INFO(Problems(m));
    CHECK(Near(m.mgPerUnit, c.perUnit));
    CHECK(Near(m.mgPerDay, c.perDay));
  }
}

TEST_CASE("a bare count of units is a dose basis on its own line, a pack count is not", "[extract][checks]") {
  // nutrimuscle (domain.md §5.2): six capsules hold 351 mg.
  CHECK(Near(PerDay(
      "Six gélules de CITRATE DE MAGNÉSIUM renferment : 2190 mg de citrate. 351 mg de magnésium.\n6 gélules par jour."), 351));
  // "30 tabletten" above a table is the pack, not "per 30 tablets".
  CHECK(Near(PerDay("30 tabletten\nMagnesium 300 mg\nNeem 1 tablet per dag."), 300));
  CHECK(Near(PerDay("Magnesium 300 mg\n10 Brausetabletten\nTäglich 1 Brausetablette."), 300));
}

TEST_CASE("a table's per-day column is told by the % RI when its headers are lost", "[extract][checks]") {
  // 600 mg a day read as 1800: "per tablet / per 3 tablets" lost to OCR.
  const MagnesiumFacts m = Extract("Magnesium 200 mg 600 mg 160 %\nNeem 3 tabletten per dag.");
  CHECK(Near(m.mgPerUnit, 200));
  CHECK(Near(m.mgPerDay, 600));
  CHECK(m.doseProblems.empty());
  // Without directions the ratio of the columns gives the units.
  CHECK(Near(PerDay("Vitamine C 80 mg 240 mg 300 %\nMagnesium 100 mg 300 mg 80 %"), 300));
}

TEST_CASE("a per-day column for fewer units than the directions allow counts the most allowed", "[extract][checks]") {
  CHECK(Near(PerDay(
      "Per tablet Per dagdosis (2 tabletten)\nMagnesium 150 mg 300 mg\nNeem 2 tot 3 tabletten per dag."), 450));
}

TEST_CASE("the title's number must fit the dose found", "[extract][checks]") {
  const MagnesiumFacts bad = Extract("Magnesium 450\nPer tablet: magnesium 15 mg\nNeem 1 tablet per dag.");
  CHECK(bad.present);
  CHECK_FALSE(bad.mgPerDay);
  CHECK_FALSE(bad.mgPerUnit);
  REQUIRE(bad.doseProblems.size() == 1);
  CHECK(bad.doseProblems[0].find("Magnesium 450") != std::string::npos);
  CHECK(Near(PerDay("Magnesium 450\nPer tablet: magnesium 150 mg\nNeem 3 tabletten per dag."), 450));
  CHECK(Near(PerDay("MAGNESIUM 375 Forte\nPer tablet: magnesium 375 mg\nNeem 1 tablet per dag."), 375));
}

TEST_CASE("a title reading the first digits of a dose above the limit does not refuse it", "[extract][checks]") {
  // A short front panel's crop cuts a large title's last digit ("Magnesium 600" read "Magnesium
  // 60", products seed 52171 phone-0043): the title contradicts nothing when the dose is above the
  // limit, so that letting it through can only report `above`, never `within`.
  CHECK(Near(PerDay("Magnesium 60\nPer tablet: magnesium 200 mg\nNeem 3 tabletten per dag."), 600));
  CHECK(Near(PerDay("Magnesium 94\nPer tablet: magnesium 315.8 mg\nNeem 1 tot 3 tabletten per dag."), 947.4));
  CHECK(Near(PerDay("Magnesium 30\nPer tablet: magnesium 300 mg\nNeem 1 tablet per dag."), 300));  // per unit
  // At or below the limit the title stays a contradiction: "12" over 125 mg could be 1250 mg
  // misread twice, and 125 mg reported within would be a false all-clear.
  const MagnesiumFacts within = Extract("Magnesium 12\nPer tablet: magnesium 125 mg\nNeem 1 tablet per dag.");
  CHECK_FALSE(within.mgPerDay);
  CHECK(within.doseProblems.size() == 1);
  CHECK_FALSE(Extract("Magnesium 25\nPer tablet: magnesium 250 mg\nNeem 1 tablet per dag.").mgPerDay);
  // Not the dose's first digits: still a contradiction, above the limit too.
  CHECK_FALSE(PerDay("Magnesium 70\nPer tablet: magnesium 200 mg\nNeem 3 tabletten per dag."));
  CHECK_FALSE(PerDay("Magnesium 61\nPer tablet: magnesium 200 mg\nNeem 3 tabletten per dag."));
}

TEST_CASE("the printed % RI must fit the mg, % DV of US labels too", "[extract][checks]") {
  const MagnesiumFacts bad = Extract("Per tablet: magnesium 375 mg 50 %\nNeem 1 tablet per dag.");
  REQUIRE(bad.riMismatch);
  CHECK_FALSE(bad.mgPerDay);
  CHECK(bad.doseProblems.size() == 1);
  // 400 mg is 107 % of the EU 375 mg and 95 % of the US 420 mg Daily Value.
  const MagnesiumFacts us = Extract("Magnesium (as magnesium oxide) 400 mg 95%\nTake one tablet daily.");
  CHECK_FALSE(us.riMismatch);
  CHECK(Near(us.mgPerDay, 400));
  // A % of the daily dose next to the per-unit amount.
  const MagnesiumFacts day = Extract("Per tablet: magnesium 150 mg 80 %\nNeem 2 tabletten per dag.");
  CHECK_FALSE(day.riMismatch);
  CHECK(Near(day.mgPerDay, 300));
}

TEST_CASE("a column rule read as a 1 before the % RI does not refuse a dose both columns confirm",
          "[extract][checks]") {
  // OCR of seed 70701 phone-0013 (white on green): "| 30 %" read "130 %".
  const MagnesiumFacts ruled =
      Extract("| Pro Tablette | Pro Tagesdosis (2 Tabletten)\n| Magnesium [56,25 mg /112,5 mg 130 %");
  CHECK_FALSE(ruled.riMismatch);
  CHECK(Near(ruled.mgPerDay, 112.5));
  // One amount alone rests on the % only: a 1 too many stays a contradiction.
  const MagnesiumFacts alone = Extract("Magnesium 112,5 mg 130 %\nNeem 1 tablet per dag.");
  CHECK(alone.riMismatch);
  CHECK_FALSE(alone.mgPerDay);
  // Columns that agree with each other but not with the % without its 1 either.
  const MagnesiumFacts neither =
      Extract("| Pro Tablette | Pro Tagesdosis (2 Tabletten)\n| Magnesium [56,25 mg /112,5 mg 150 %");
  CHECK(neither.riMismatch);
  CHECK_FALSE(neither.mgPerDay);
}

TEST_CASE("the elemental amount must fit the salt's fraction", "[extract][checks]") {
  for (const char* text :
       {"Per tablet: magnesiumbisglycinaat 1065 mg, waarvan magnesium 15 mg\nNeem 1 tablet per dag.",
        "Per tablet: magnesiumbisglycinaat 1065 mg, waarvan magnesium 1500 mg\nNeem 1 tablet per dag."}) {
    INFO(text);
    const MagnesiumFacts m = Extract(text);
    CHECK(m.present);
    CHECK_FALSE(m.mgPerDay);
    REQUIRE(m.doseProblems.size() == 1);
    CHECK(m.doseProblems[0].find("1065 mg") != std::string::npos);
  }
  const MagnesiumFacts ok =
      Extract("Per tablet: magnesiumbisglycinaat 1065 mg, waarvan magnesium 150 mg\nNeem 1 tablet per dag.");
  CHECK(Near(ok.mgPerDay, 150));
}

TEST_CASE("per unit times units a day must fit a per-day statement", "[extract][checks]") {
  const MagnesiumFacts m =
      Extract("Per tablet: magnesium 100 mg\nPer dagdosis (2 tabletten): magnesium 300 mg\nNeem 2 tabletten per dag.");
  CHECK_FALSE(m.mgPerDay);
  CHECK(m.doseProblems.size() == 1);
}

TEST_CASE("a refused dose is unknown with the reason, never a verdict", "[extract][checks][assess]") {
  const MagnesiumFacts m = Extract("Magnesium 450\nPer tablet: magnesium 15 mg\nNeem 1 tablet per dag.");
  const Assessment a = Assess(NumberFinding{}, RegistryAnswer{}, m, Coverage{}, TestModels().rules, "adult");
  CHECK(a.level == Level::Unknown);
  bool said = false;
  for (const auto& msg : a.messages) said = said || msg.find("Magnesium 450") != std::string::npos;
  CHECK(said);
}

TEST_CASE("the salt check reads one statement, not the same one in two languages", "[extract][checks]") {
  const MagnesiumFacts m = Extract(
      "Per tablet: magnesiumcitraat 1160 mg, waarvan magnesium 187,5 mg\n"
      "Par comprimé : citrate de magnésium 1160 mg, soit magnésium 187,5 mg\nNeem 1 tablet per dag.");
  CHECK(m.doseProblems.empty());
  CHECK(Near(m.mgPerDay, 187.5));
  // Elemental first, the salt on the next line (MAG 2, domain.md §5.2).
  const MagnesiumFacts mag2 = Extract(
      "Magnésium élément 122 mg\nSous forme de pidolate de magnésium 1500 mg\nPour 10 ml de solution.\n"
      "3 ampoules par jour.");
  CHECK(mag2.doseProblems.empty());
}

TEST_CASE("the whole before an of-which amount must fit the salt named elsewhere on the label", "[extract][checks]") {
  // hard-0015 (seed 70701, glare and motion blur, white on colour): "187,5" read as "107,5" in
  // both languages, the Dutch line's salt name lost. 375 mg a day was reported as 215, within.
  const std::string read =
      "Per tablet: a | | i mm 2492 mg, waarvan magneslum 107,5 mg\n2x per dag een tablet.\n"
      "Complément alimentaire\nPar comprimé: aspartate de magnésium 2492 mg, solt magnésium 107.5 mg\n";
  const MagnesiumFacts bad = Extract(read);
  CHECK_FALSE(bad.mgPerDay);
  CHECK(Problems(bad).find("cannot be part of the 2492 mg") != std::string::npos);
  // As printed, the same lines give the dose.
  const std::string printed =
      "Per tablet: magnesiumaspartaat 2432 mg, waarvan magnesium 187,5 mg\n2x per dag een tablet.\n"
      "Complément alimentaire\nPar comprimé: aspartate de magnésium 2432 mg, soit magnésium 187,5 mg\n";
  CHECK(Near(PerDay(printed), 375));
  // With the Dutch salt name lost but the right figure, the salt named in French vouches for it.
  CHECK(Near(PerDay("Per tablet: a | | i mm 2432 mg, waarvan magnesium 187,5 mg\n2x per dag een tablet.\n"
                    "Par comprimé: aspartate de magnésium 2432 mg, soit magnésium 187,5 mg\n"),
             375));
}
