// What the arrangement of glyphs says about a label (image/glyph_layout.h): here, where text is
// printed at 90 degrees to the rest (a box's flank photographed with its front), and that upright
// text, even a table whose identical rows stack the same letters in columns, is not.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/glyph_layout.h"

using namespace suppcheck;

namespace {

void Write(cv::Mat& page, const std::string& text, cv::Point at) {
  cv::putText(page, text, at, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(20), 2, cv::LINE_AA);
}

// A white page with a paragraph and a table of identical rows, upright, on its left part.
cv::Mat UprightPage() {
  cv::Mat page(900, 1400, CV_8UC1, cv::Scalar(245));
  for (int y = 60; y < 300; y += 34) Write(page, "Ingredients: magnesium citrate, cellulose, stearate", {40, y});
  // Rows 26 px apart: every "m" of "mg" and every digit stands over its twin in the next row.
  for (int y = 360; y < 360 + 14 * 26; y += 26) Write(page, "Magnesium   150 mg   40 %", {40, y});
  return page;
}

// Three lines of legal text written across a patch, then turned so that they read bottom to top.
cv::Mat TurnedPanel() {
  cv::Mat patch(130, 560, CV_8UC1, cv::Scalar(245));
  Write(patch, "PharmaLine NV, Kerkstraat 124, Wavre", {10, 30});
  Write(patch, "N notif.: NUT/PL 14/2", {10, 70});
  Write(patch, "Lot 8387/336  best before 01/2030", {10, 110});
  cv::Mat turned;
  cv::rotate(patch, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
  return turned;
}

}  // namespace

TEST_CASE("lines printed at 90 degrees make one turned block, upright text none", "[image][glyphs]") {
  cv::Mat page = UprightPage();
  CHECK(TurnedTextBlocks(FindGlyphs(page)).empty());

  const cv::Mat panel = TurnedPanel();
  const cv::Rect at(1150, 150, panel.cols, panel.rows);
  panel.copyTo(page(at));
  const auto blocks = TurnedTextBlocks(FindGlyphs(page));
  REQUIRE(blocks.size() == 1);
  // The block holds the panel's three lines, and nothing of the upright text left of it.
  const cv::Rect& b = blocks[0];
  CHECK(b.x >= at.x);
  CHECK(b.x <= at.x + 20);
  CHECK(b.br().x >= at.br().x - 20);
  CHECK(b.height >= at.height * 6 / 10);
  CHECK((b & at) == b);
}

TEST_CASE("a lone lot line in small print, turned, is a turned block, a stack of one glyph is not", "[image][glyphs]") {
  // The glyph boxes of a side panel's lot line ("Lot 8714/56 THT 04/2028") lying on its side in
  // the analysis copy of seed 36527 phone-0023: 5-10 px letters, 13 of the 16 within a pixel of
  // the median size, but not one glyph printed again and again.
  const int sizes[][2] = {{10, 6}, {10, 6}, {10, 6}, {11, 10}, {9, 6}, {11, 6}, {9, 7}, {9, 7},
                          {9, 6},  {10, 6}, {10, 10}, {9, 6}, {9, 5}, {10, 6}, {8, 6}, {10, 5}};
  const int gaps[] = {0, 1, 1, 1, 1, 1, 3, 1, 1, 4, 1, 1, 8, 1, 9, 1};
  Glyphs lot;
  int y = 327;
  for (size_t i = 0; i < std::size(sizes); ++i) {
    y += gaps[i];
    lot.boxes.emplace_back(1043, y, sizes[i][0], sizes[i][1]);
    y += sizes[i][1];
  }
  const auto blocks = TurnedTextBlocks(lot);
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].height >= 130);

  // The "mg" of a table's rows, 28 x 18 px each give or take a pixel, 8 px apart.
  Glyphs stack;
  for (int row = 0; row < 14; ++row) stack.boxes.emplace_back(600 + row % 2, 100 + row * 26, 28 + row % 2, 18 - row % 2);
  CHECK(TurnedTextBlocks(stack).empty());
}

TEST_CASE("lower case lying on its side, letters nearly touching, is a turned block, not a column of upright lines",
          "[image][glyphs]") {
  // A side panel in regular-weight sans-serif lower case (seed 64829 hard-0033: "Notificatienummer",
  // 28 px capitals, dim): lying, its letters are longer along the row than wide (median 0.6-0.85)
  // and a pixel or two apart. Upright lines stacked with the same glyph sizes stand a leading apart.
  const auto column = [](int gap) {
    Glyphs g;
    int y = 200;
    for (int i = 0; i < 18; ++i) {
      const int length = i % 3 == 0 ? 26 : 19;  // an "m" among narrower letters
      g.boxes.emplace_back(900 + i % 2, y, 15, length);
      y += length + gap;
    }
    return g;
  };
  const auto lying = TurnedTextBlocks(column(2));
  REQUIRE(lying.size() == 1);
  CHECK(lying[0].height >= 380);
  CHECK(TurnedTextBlocks(column(8)).empty());
}

TEST_CASE("the glyphs up to a sixth of the height, picked out of those up to half, are those found so", "[image][glyphs]") {
  // A short, wide label with a large title (taller than a sixth of the page) over its small print.
  cv::Mat page(300, 1400, CV_8UC1, cv::Scalar(245));
  cv::putText(page, "Magnesium 375", {40, 120}, cv::FONT_HERSHEY_SIMPLEX, 3.5, cv::Scalar(20), 9, cv::LINE_AA);
  for (int y = 180; y < 290; y += 34) Write(page, "Ingredients: magnesium citrate, cellulose, stearate", {40, y});
  const Glyphs large = FindGlyphs(page, 0.5);
  const Glyphs small = FindGlyphs(page);
  const Glyphs picked = GlyphsAtMost(large, kGlyphHeightShare, page.rows);
  CHECK(large.boxes.size() > small.boxes.size());  // the title's letters are only among the large
  CHECK(picked.boxes == small.boxes);              // the same boxes in the same order
}
