// Barcodes are found as rows of tall thin bars; text, a table's rules and a box are not barcodes.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/ocr/barcode_bars.h"

using namespace suppcheck;

namespace {

// A light page with print about 20 px high, as the working image has it.
cv::Mat Page() { return cv::Mat(400, 900, CV_8UC1, cv::Scalar(235)); }

void Print(cv::Mat& page, const std::string& text, cv::Point at) {
  cv::putText(page, text, at, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(30), 2, cv::LINE_AA);
}

// An EAN-like barcode: bars of 1 to 4 modules, gaps of 1 to 3, 100 px high, at `x`, `y`.
cv::Rect DrawBarcode(cv::Mat& page, int x, int y) {
  const int widths[] = {2, 1, 3, 1, 4, 2, 1, 1, 3, 2, 1, 4, 1, 2, 3, 1, 2, 1, 1, 3, 2, 4, 1, 2, 2};  // ends on a bar
  int at = x;
  for (size_t i = 0; i < std::size(widths); ++i) {
    if (i % 2 == 0) cv::rectangle(page, cv::Rect(at, y, widths[i] * 3, 100), cv::Scalar(20), cv::FILLED);
    at += widths[i] * 3;
  }
  return {x, y, at - x, 100};
}

}  // namespace

TEST_CASE("a barcode under the lot line is found, the lines above it are not part of it", "[ocr][barcode]") {
  cv::Mat page = Page();
  Print(page, "Notification number: NUT 923/88", {40, 60});
  Print(page, "LOT 6403/267 EXP 06/2029", {40, 95});
  const cv::Rect drawn = DrawBarcode(page, 40, 105);
  Print(page, "1 123098 225885", {40, 235});
  const auto barcodes = FindBarcodes(page, 20);
  REQUIRE(barcodes.size() == 1);
  const Box& b = barcodes.front();
  CHECK(b.x <= drawn.x);
  CHECK(b.right() >= drawn.br().x);
  CHECK(b.y <= drawn.y);
  CHECK(b.y >= drawn.y - 4);  // the lot line above stays out
  CHECK(b.bottom() >= drawn.br().y);
  CHECK(b.bottom() <= drawn.br().y + 4);  // so do the digits below
  // Painted over, the page keeps its text and loses the bars.
  const cv::Mat clean = WithoutBoxes(page, barcodes);
  CHECK(cv::countNonZero(clean(drawn) < 128) == 0);
  CHECK(cv::countNonZero(clean(cv::Rect(40, 40, 400, 60)) < 128) == cv::countNonZero(page(cv::Rect(40, 40, 400, 60)) < 128));
}

TEST_CASE("text, a table's rules and a box are no barcode", "[ocr][barcode]") {
  cv::Mat page = Page();
  Print(page, "Ingredients: magnesium citrate, cellulose | Illll 1111", {40, 40});
  // A table: five rules down, joined by rules across.
  for (int x = 40; x <= 840; x += 200) cv::line(page, {x, 80}, {x, 300}, cv::Scalar(30), 2);
  for (int y = 80; y <= 300; y += 44) cv::line(page, {40, y}, {840, y}, cv::Scalar(30), 2);
  // Separate thick rules standing apart, fewer than a barcode's bars.
  for (int x = 40; x < 240; x += 40) cv::rectangle(page, cv::Rect(x, 320, 6, 70), cv::Scalar(30), cv::FILLED);
  CHECK(FindBarcodes(page, 20).empty());
  CHECK(FindBarcodes(Page(), 20).empty());
}
