// The nutrient table read again: a pale header read again goes among the first pass's lines in
// reading order, so that the rows under it take its column ("Per dagdosis (2 tabletten)") even
// when the block reading of the table gave no row.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/models.h"
#include "suppcheck/extract/nutrient_rows.h"
#include "suppcheck/scan/nutrient_table_reread.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

// A line at height `y` with one word per token, 12 px a character, from x = 60.
TextLine At(int y, const std::string& text) {
  TextLine line;
  line.text = text;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    LineWord w;
    w.begin = b;
    w.end = e;
    w.box = {60 + static_cast<int>(b) * 12, y, static_cast<int>(e - b) * 12, 24};
    line.words.push_back(w);
    line.box = line.box.United(w.box);
    b = e + 1;
  }
  return line;
}

const NutrientFacts* Get(const std::vector<NutrientFacts>& all, const std::string& id) {
  for (const auto& n : all)
    if (n.id == id) return &n;
  return nullptr;
}

}  // namespace

TEST_CASE("a header read again stands above the rows it heads", "[scan][nutrients]") {
  const std::vector<TextLine> firstPass = {At(100, "Multivitamine Complex"), At(400, "Vitamine C 120 mg 150 %"),
                                           At(450, "Zink 50 mg 500 %"), At(700, "Gebruik: 2 tabletten per dag.")};
  NutrientTableReading table;
  table.header = {At(350, "Per dagdosis (2 tabletten) % RI")};
  const std::vector<TextLine> all = WithTableReading(firstPass, table);
  REQUIRE(all.size() == 5);
  CHECK(all[1].text == table.header[0].text);
  CHECK(table.All().size() == 1);

  const Models& m = TestModels();
  auto read = [&](const std::vector<TextLine>& lines) {
    return ExtractNutrients(lines, m.nutrientNames, m.nutrients, m.vocabulary, m.rules.Limits());
  };
  // With the header the column is a day's (2 tablets); without it each amount is one tablet's.
  const auto withHeader = read(all);
  const auto* zinc = Get(withHeader, "zinc");
  REQUIRE(zinc);
  REQUIRE(zinc->perUnit);
  CHECK(*zinc->perUnit == Approx(25));
  CHECK(*zinc->perDay == Approx(50));
  const auto withoutHeader = read(firstPass);  // kept alive: zincAlone points into it
  const auto* zincAlone = Get(withoutHeader, "zinc");
  REQUIRE(zincAlone);
  REQUIRE(zincAlone->perUnit);
  CHECK(*zincAlone->perUnit == Approx(50));
}
