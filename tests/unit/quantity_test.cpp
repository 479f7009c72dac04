#include <catch2/catch.hpp>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"

using namespace suppcheck;

namespace {

// Each text holds exactly one amount, of `mg` milligrams.
template <size_t N>
void CheckAmounts(const std::pair<const char*, double> (&cases)[N]) {
  for (const auto& [text, mg] : cases) {
    INFO(text);
    const auto q = FindQuantities(FoldForMatching(text).text);
    REQUIRE(q.size() == 1);
    CHECK(q[0].mg == Approx(mg));
  }
}

}  // namespace

TEST_CASE("amounts as labels print them", "[extract][quantity]") {
  const std::pair<const char*, double> cases[] = {
      {"187,5 mg", 187.5}, {"90mg", 90},      {"0,184 g", 184},   {"2,250 g", 2250}, {"1.160 mg", 1160},
      {"5 mmol", 121.525}, {"400 µg", 0.4},   {"375 rng", 375},   {"100,00 mg", 100}, {"12 mcg", 0.012},
      {"395,85 mg", 395.85}, {"1,5 g", 1500},
  };
  CheckAmounts(cases);
  CHECK(FindQuantities("2 gelules").empty());
  CHECK(FindQuantities("5 magnesium").empty());
  CHECK(FindQuantities("b6").empty());
  const auto p = FindPercents("magnesium 375 mg 100 % 24%");
  REQUIRE(p.size() == 2);
  CHECK(p[0].value == 100);
  CHECK(p[1].value == 24);
}

TEST_CASE("a leading zero is a decimal separator OCR lost", "[extract][quantity]") {
  // A phone photo's table re-read as "Kupfer (025mg [05mg" for "Kupfer | 0,25 mg | 0,5 mg" (seed
  // 61001): 25 mg of copper was reported. No label prints a whole amount with a leading zero.
  const std::pair<const char*, double> cases[] = {
      {"(025mg", 0.25}, {"[05mg", 0.5}, {"0025 mg", 0.025}, {"021mg", 0.21}, {"0,25 mg", 0.25},
      {"250 mg", 250}, {"10 mg", 10},
  };
  CheckAmounts(cases);
  // Nothing but zeros is a number with digits lost ("Cholin 00 mg" for 100 mg), not an amount.
  CHECK(FindQuantities("0 mg").empty());
  CHECK(FindQuantities("Cholin 00 mg").empty());
  CHECK(FindQuantities("0,0 mg 5 mg").size() == 1);
  const auto ug = FindQuantities(FoldForMatching("075 µg").text);
  REQUIRE(ug.size() == 1);
  CHECK(ug[0].value == Approx(0.75));
}

TEST_CASE("a mark between a number with decimals and its unit, only when asked for", "[extract][quantity]") {
  QuantityOptions opt;
  opt.strayMark = true;
  const auto q = FindQuantities("thiamine) 1,1. mg 100%", opt);
  REQUIRE(q.size() == 1);
  CHECK(q[0].strayMark);
  CHECK(q[0].mg == Approx(1.1));
  // Plain amounts are not marked; a number without decimals ("2. mg": a digit lost?) and a
  // reading without the option (magnesium) take none.
  const auto plain = FindQuantities("thiamine 1,1 mg 100%", opt);
  REQUIRE(plain.size() == 1);
  CHECK_FALSE(plain[0].strayMark);
  CHECK(FindQuantities("zinc 2. mg", opt).empty());
  CHECK(FindQuantities("thiamine 1,1. mg").empty());
}

TEST_CASE("a 1 read as I or l before a unit, only when asked for", "[extract][quantity]") {
  QuantityOptions opt;
  opt.letterDigit = true;
  const auto q = FindQuantities("cuivre img 100%", opt);
  REQUIRE(q.size() == 1);
  CHECK(q[0].letterDigit);
  CHECK(q[0].mg == Approx(1));
  const auto g = FindQuantities("potassium lg 50%", opt);
  REQUIRE(g.size() == 1);
  CHECK(g[0].mg == Approx(1000));
  // A 5 read as an S (multivitamin-phone-0023 of tuning seed 57163: "Zinc (zinc sulfate) |Smg").
  const auto five = FindQuantities("zinc (zinc sulfate) |smg 50%", opt);
  REQUIRE(five.size() == 1);
  CHECK(five[0].letterDigit);
  CHECK(five[0].mg == Approx(5));
  CHECK(FindQuantities("cobalamine 2,5 ug sug 200%", opt).size() == 2);
  CHECK(FindQuantities("vitamins mg", opt).empty());
  // Not inside a word, not after a number's digits, and not without the option (magnesium).
  CHECK(FindQuantities("calcium 800mg", opt).size() == 1);
  CHECK(FindQuantities("mail mg", opt).empty());
  CHECK(FindQuantities("cuivre img 100%").empty());
}
