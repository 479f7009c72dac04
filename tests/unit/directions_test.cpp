// Units a day from the directions (extract/directions.h), in the four languages of Belgian labels,
// with the words of the real models/vocabulary.json.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/folded_text.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

// rules.json sanity.max_units_per_day.
double MaxUnits() { return TestModels().rules.Limits().maxUnitsPerDay; }

std::optional<UnitsPerDay> Units(const std::string& text) {
  return FindUnitsPerDay(LinesFromText(text), TestModels().vocabulary, MaxUnits());
}

}  // namespace

TEST_CASE("the daily intake in Dutch, French, German and English, the upper end of a range", "[extract][directions]") {
  const std::pair<const char*, double> cases[] = {
      {"Neem 1 tot 2 tabletten per dag.", 2},
      {"Prendre 2 gélules par jour.", 2},
      {"Täglich 2 Kapseln mit Wasser einnehmen.", 2},
      {"Take one tablet daily with a meal.", 1},
      {"Zweimal täglich 1 Messlöffel.", 2},
      {"6 à 8 comprimés par jour à répartir en 2 ou 3 prises.", 8},
      {"Take 2 capsules twice a day.", 4},
      // OCR dropped the space of "1 à 3" (products seed 58111 phone-0022).
      {"Prendre 1 a3 comprimés par jour.", 3},
      {"Neem 1 tot2 tabletten per dag.", 2},
      // OCR read "à" as 4 and dropped the space after it (products seed 46021 phone-0013).
      {"Prendre 1 43 comprimés par jour.", 3},
  };
  for (const auto& [text, units] : cases) {
    INFO(text);
    const auto u = Units(text);
    REQUIRE(u);
    CHECK(u->units == units);
    CHECK(u->line == 0);
  }
}

TEST_CASE("the byte range points at the count and the unit word in the original line", "[extract][directions]") {
  const std::string line = "Gebruik: neem 1 tot 2 tabletten per dag.";
  const auto u = Units(line);
  REQUIRE(u);
  CHECK(line.substr(u->begin, u->end - u->begin) == "1 tot 2 tabletten");

  // Accents before the match: the range is in bytes of the original (UTF-8), not of folded text.
  const std::string fr = "Posologie conseillée : 2 gélules par jour.";
  const auto f = Units(fr);
  REQUIRE(f);
  CHECK(fr.substr(f->begin, f->end - f->begin) == "2 gélules");
}

TEST_CASE("a sentence wrapped over two lines is read on the line where it starts", "[extract][directions]") {
  const auto u = Units("Ingrediënten: magnesiumcitraat.\nNeem 2 tabletten\nper dag met water.\n");
  REQUIRE(u);
  CHECK(u->units == 2);
  CHECK(u->line == 1);
}

TEST_CASE("a multiplier on the next line belongs to that line's own count", "[extract][directions]") {
  // Label seed 31831 clean-0001: the daily dose's header over the directions, no full stop
  // between; 3 a day, not the header's 3 times the directions' "3 fois".
  const auto u = Units("Par dose journalière (3 comprimés): Magnésium 270 mg\n3 fois par jour un comprimé.\n");
  REQUIRE(u);
  CHECK(u->units == 3);
  // A count whose sentence wraps before its multiplier takes it.
  const auto wrapped = Units("Neem 2 tabletten\n3 maal per dag met water.\n");
  REQUIRE(wrapped);
  CHECK(wrapped->units == 6);
}

TEST_CASE("the largest intake of several directions (adults and children) is taken", "[extract][directions]") {
  const auto u = Units("Kinderen: 1 tablet per dag.\nVolwassenen: 3 tabletten per dag.\n");
  REQUIRE(u);
  CHECK(u->units == 3);
  CHECK(u->line == 1);
}

TEST_CASE("no directions: a pack size, a count without a daily word, implausible counts", "[extract][directions]") {
  CHECK_FALSE(Units("60 tabletten"));
  CHECK_FALSE(Units("10 Brausetabletten\nTäglich einnehmen.\n"));  // the pack, even with "täglich" after it
  CHECK_FALSE(Units("Bevat 2 tabletten van 500 mg."));            // no daily word
  CHECK_FALSE(Units("Neem 30 tabletten per dag."));                // more than 12 a day is a misreading
  CHECK_FALSE(Units("Magnesium 250 mg per dag"));                  // no unit word
  CHECK_FALSE(Units("Neem B2 tabletten per dag."));                // letters glued to digits: no count
  CHECK_FALSE(Units("Neem ta2 tabletten per dag."));               // a range word's letters ending a word
  // A count above 12 starting with 4 is the range word 'à' only after a smaller count and a space.
  CHECK_FALSE(Units("Prendre 43 comprimés par jour."));
  CHECK_FALSE(Units("Prendre 3 42 comprimés par jour."));  // the rest (2) not above the lower end
  CHECK_FALSE(Units("Prendre 1 413 comprimés par jour."));  // the rest (13) still no day's count
  CHECK_FALSE(Units(""));
}

TEST_CASE("CountBefore and UnitWordAt on folded text", "[extract][directions]") {
  const auto& vocab = TestModels().vocabulary;
  const std::string f = FoldForMatching("neem 1 tot 2 tabletten per dag").text;
  const size_t unit = f.find("tabletten");
  REQUIRE(unit != std::string::npos);
  CHECK(UnitWordAt(f, unit, vocab) == std::string("tabletten").size());
  CHECK(UnitWordAt(f, unit + 1, vocab) == 0);  // not at a word start
  size_t countBegin = 0;
  CHECK(CountBefore(f, unit, vocab, MaxUnits(), &countBegin) == 2);
  CHECK(countBegin == f.find("1 tot"));  // the range starts at its lower end

  const std::string words = FoldForMatching("neem twee capsules").text;
  size_t wordBegin = 0;
  CHECK(CountBefore(words, words.find("capsules"), vocab, MaxUnits(), &wordBegin) == 2);
  CHECK(wordBegin == words.find("twee"));

  const std::string none = FoldForMatching("de capsules").text;
  size_t untouched = 99;
  CHECK(CountBefore(none, none.find("capsules"), vocab, MaxUnits(), &untouched) == 0);
  CHECK(untouched == 99);
}

// The label font's plain-stroke "1" read as a bar (products seeds 30517 clean-0001 and 27644
// clean-0010): one, but only before the singular, which says so. Before a plural a bar may be
// any count: none is taken, so that no dose above the limit looks within it.
TEST_CASE("a bar read for 1 before a unit word in the singular counts one, before a plural nothing", "[extract][directions]") {
  const std::pair<const char*, double> ones[] = {
      {"Adults: | tablet a day.", 1},
      {"Take | sachet daily with water.", 1},
      {"Neem dagelijks | tablet.", 1},
      {"Prendre | comprimé par jour.", 1},
      {"Täglich | Kapsel einnehmen.", 1},
      {"Take | capsule twice a day.", 2},
  };
  for (const auto& [text, want] : ones) {
    INFO(text);
    const auto u = Units(text);
    REQUIRE(u);
    CHECK(u->units == want);
  }
  const auto at = Units("Adults: | tablet a day.");
  REQUIRE(at);
  CHECK(std::string("Adults: | tablet a day.").substr(at->begin, at->end - at->begin) == "| tablet");
  for (const char* none : {"Adults: | tablets a day.", "Neem dagelijks | tabletten.", "Take l tablet daily.",
                           "Take 2 | tablet a day.", "Take || tablet a day.", "Take a|tablet a day.", "Per | tablet"}) {
    INFO(none);
    CHECK_FALSE(Units(none));
  }
  // A count read elsewhere is never lowered by a bar: the largest intake is taken.
  const auto both = Units("Adults: | tablet a day. Children: 2 tablets a day.");
  REQUIRE(both);
  CHECK(both->units == 2);
}

// "Verzehrempfehlung: | Beutel pro Tag." (products seed 46021 phone-0010): Beutel is singular and
// plural alike (models/vocabulary.json unit_words_same_plural), so the word does not confirm the
// one; a bar, l or i before it is one in a sentence without an amount, never in a table row,
// whose bar may be a column rule with the count lost.
TEST_CASE("a bar read for 1 before a unit word whose plural is the singular counts one outside a table row", "[extract][directions]") {
  for (const char* one : {"Verzehrempfehlung: | Beutel pro Tag.", "Täglich | Beutel.", "Täglich l Messlöffel einnehmen.",
                          "Verzehrempfehlung: i Beutel pro Tag."}) {
    INFO(one);
    const auto u = Units(one);
    REQUIRE(u);
    CHECK(u->units == 1);
  }
  for (const char* none : {"Pro Tag | Beutel | Magnesium 375 mg", "Täglich | Beutel: 187,5 mg Magnesium.",
                           "Verzehrempfehlung: | Tropfen pro Tag.", "Täglich a| Beutel.", "Täglich 2 | Beutel."}) {
    INFO(none);
    CHECK_FALSE(Units(none));
  }
  // A larger count read elsewhere still wins.
  const auto both = Units("Verzehrempfehlung: | Beutel pro Tag.\nPro Tagesdosis (2 Beutel): 375 mg");
  REQUIRE(both);
  CHECK(both->units == 2);
}

TEST_CASE("a two-digit count that another language spells as a range is that range run together", "[extract][directions]") {
  // Seed 52619 hard-0030: the French "Prendre 1 à 2 comprimés" read "Prendre 12 comprimés", the
  // Dutch "Neem 1 tot 2 tabletten" read right: 2 a day, not 12 (3000 mg for 500).
  auto u = Units("Neem 1 tot 2 tabletten per dag.\nPrendre 12 comprimés par jour.");
  REQUIRE(u);
  CHECK(u->units == 2);
  // Without the other language's range, or with another range, twelve stays twelve.
  u = Units("Prendre 12 comprimés par jour.");
  REQUIRE(u);
  CHECK(u->units == 12);
  u = Units("Neem 1 tot 3 tabletten per dag.\nPrendre 12 comprimés par jour.");
  REQUIRE(u);
  CHECK(u->units == 12);
}

TEST_CASE("a number before the daily word that is no multiplier leaves the units a day unknown", "[extract][directions]") {
  // Label seed 64829 hard-0030: "2 fois par jour un sachet" read "295 par jour un sachet". The
  // intakes a day were printed and not read; one sachet a day would halve a dose above the limit.
  CHECK_FALSE(Units("295 par jour un sachet."));
  CHECK_FALSE(Units("23 par jour un sachet."));
  // Read as a multiplier they count, as before; a count before its unit word is no such number.
  const auto times = Units("2 fois par jour un sachet.");
  REQUIRE(times);
  CHECK(times->units == 2);
  const auto plain = Units("Prendre 2 sachets par jour.");
  REQUIRE(plain);
  CHECK(plain->units == 2);
}

TEST_CASE("a multiplier whose count was not read leaves the units a day unknown", "[extract][directions]") {
  // Label seed 27183 phone-0046: "2 fois par jour un comprimé" read "L fois par jour un comprimé".
  // One tablet a day halved 259 mg a day, above the limit, into 130 mg, within it.
  CHECK_FALSE(Units("L fois par jour un comprimé."));
  CHECK_FALSE(Units("Neem Lx per dag 1 tablet."));
  CHECK_FALSE(Units("Neem ? maal per dag 1 tablet."));
  // A count read before the multiplier, a number word glued to it, a word that only ends like one.
  const auto two = Units("2 fois par jour un comprimé.");
  REQUIRE(two);
  CHECK(two->units == 2);
  const auto twice = Units("Zweimal täglich 1 Tablette.");
  REQUIRE(twice);
  CHECK(twice->units == 2);
  const auto normal = Units("Normal täglich 1 Tablette einnehmen.");
  REQUIRE(normal);
  CHECK(normal->units == 1);
}
