// Where a dropped number line is looked for: next to the producer's address and the lot line.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/ocr/legal_line_search.h"

using namespace suppcheck;

TEST_CASE("address and lot lines are legal text, dose lines are not", "[ocr][number]") {
  for (const char* t : {"PharmaLine NV, Kerkstraat 30, 1000 Brussel - Tel. 04/955 77 17", "Lot 2794/800 THT 12/2026",
                        "Natura SA, rue de la Loi 12, 1000 Bruxelles", "Ch.-B. 9858/130 MHD 10/2028", "EXP 05/2028"})
    CHECK(IsLegalTextLine(t, test::TestModels().vocabulary));
  for (const char* t : {"Per 1 tablet: magnesium 300 mg", "Take two tablets daily with water.", "Nevada lotion",
                        "Ingrediënten: magnesiumcitraat, cellulose."})
    CHECK_FALSE(IsLegalTextLine(t, test::TestModels().vocabulary));
}

TEST_CASE("bands are searched right below and above a legal line, one line high", "[ocr][number]") {
  std::vector<TextLine> lines = LinesFromText("Per 1 tablet: magnesium 300 mg\nBioMag NV, Kerkstraat 4, 9000 Gent");
  lines[0].box = {50, 100, 600, 20};
  lines[1].box = {50, 200, 700, 20};
  lines[1].words = {{0, 5, {50, 200, 100, 20}, 90}};
  const auto bands = BandsNearLegalLines(lines, {2000, 1000}, test::TestModels().vocabulary);
  REQUIRE(bands.size() == 2);
  CHECK(bands[0].y >= 200);        // below the address first
  CHECK(bands[0].y <= 220);
  CHECK(bands[0].h == 30);
  CHECK(bands[1].bottom() <= 204);  // then above it
  CHECK(bands[0].right() > 750);   // a number line may run further right than the address
}

TEST_CASE("a legal line merged with the rows under it is searched row by row inside", "[ocr][number]") {
  // Product-clean-0023 of seed 7311: "NUT 7/198" tight under the address came back from the page
  // pass inside one line box three glyphs high ("ae 198) Kerkstraat 17, ...").
  std::vector<TextLine> lines = LinesFromText("ae 198) Kerkstraat 17, 1000 Brussel - Tel. 06/411 16 72");
  lines[0].box = {50, 100, 700, 60};
  lines[0].words = {{0, 2, {50, 100, 40, 60}, 40}, {8, 18, {120, 100, 150, 20}, 90}, {19, 22, {280, 100, 30, 20}, 90}};
  const auto bands = BandsNearLegalLines(lines, {2000, 1000}, test::TestModels().vocabulary);
  REQUIRE(bands.size() > 2);
  // The first bands lie inside the merged box, below its top row, and step down it.
  CHECK(bands[0].y > 100);
  CHECK(bands[0].bottom() < 160);
  bool covers = false;  // some band holds the second row (y 122..142) whole
  for (const auto& b : bands) covers |= b.y <= 122 && b.bottom() >= 142;
  CHECK(covers);
  // A line box one glyph high gets only the bands below and above.
  lines[0].box.h = 20;
  CHECK(BandsNearLegalLines(lines, {2000, 1000}, test::TestModels().vocabulary).size() == 2);
}
