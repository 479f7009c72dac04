#include <catch2/catch.hpp>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"

using namespace suppcheck;

TEST_CASE("amounts as labels print them", "[extract][quantity]") {
  const std::pair<const char*, double> cases[] = {
      {"187,5 mg", 187.5}, {"90mg", 90},      {"0,184 g", 184},   {"2,250 g", 2250}, {"1.160 mg", 1160},
      {"5 mmol", 121.525}, {"400 µg", 0.4},   {"375 rng", 375},   {"100,00 mg", 100}, {"12 mcg", 0.012},
      {"395,85 mg", 395.85}, {"1,5 g", 1500},
  };
  for (const auto& [text, mg] : cases) {
    INFO(text);
    const auto q = FindQuantities(FoldForMatching(text).text);
    REQUIRE(q.size() == 1);
    CHECK(q[0].mg == Approx(mg));
  }
  CHECK(FindQuantities("2 gelules").empty());
  CHECK(FindQuantities("5 magnesium").empty());
  CHECK(FindQuantities("b6").empty());
  const auto p = FindPercents("magnesium 375 mg 100 % 24%");
  REQUIRE(p.size() == 2);
  CHECK(p[0].value == 100);
  CHECK(p[1].value == 24);
}
