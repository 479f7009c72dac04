// The band of the number's row fitted to its own ink (image/ink_row_fit.h), on drawn images.
#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/ink_row_fit.h"

using namespace suppcheck;

namespace {

// A long address line in regular print, under it a shorter line in bold inside a box (label seed
// 16180 clean-0012: "Notificatienummer: PL572/60" under "BioMag NV, Kerkstraat 27, ... 71 88").
// Returns the image; `boxTop` and `boxBottom` receive the box's rows.
cv::Mat AddressOverBoxedNumber(int& boxTop, int& boxBottom) {
  cv::Mat gray(120, 700, CV_8UC1, cv::Scalar(250));
  cv::putText(gray, "BioMag NV, Kerkstraat 27, 1000 Brussel - Tel. 05/335 71 88", {10, 30}, cv::FONT_HERSHEY_SIMPLEX,
              0.6, cv::Scalar(30), 1, cv::LINE_AA);
  boxTop = 42;
  boxBottom = 72;
  cv::rectangle(gray, {6, boxTop}, {330, boxBottom}, cv::Scalar(30), 1);
  cv::putText(gray, "Notificatie: PL572/60", {12, 65}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(30), 2, cv::LINE_AA);
  return gray;
}

}  // namespace

TEST_CASE("a number printed in a box narrower than its band is the row the band keeps", "[image][number]") {
  int boxTop = 0, boxBottom = 0;
  const cv::Mat gray = AddressOverBoxedNumber(boxTop, boxBottom);
  // The page pass's box of the number took in the address's row and ran on to the right.
  const Box base{4, 12, 600, 64};
  int x1 = 690, y0 = 8, y1 = 90;
  FitBandToInkRow(gray, base, x1, y0, y1);
  // The row inside the box, not the address above it.
  CHECK(y0 >= boxTop - 1);
  CHECK(y0 > 34);
  CHECK(y1 <= boxBottom + 2);
  CHECK(y1 - y0 >= 12);
}

TEST_CASE("without a box the band keeps the row with the most ink", "[image][number]") {
  cv::Mat gray(120, 700, CV_8UC1, cv::Scalar(250));
  cv::putText(gray, "BioMag NV, Kerkstraat 27, 1000 Brussel - Tel. 05/335 71 88", {10, 30}, cv::FONT_HERSHEY_SIMPLEX,
              0.6, cv::Scalar(30), 1, cv::LINE_AA);
  cv::putText(gray, "NUT 12/3", {12, 58}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(30), 1, cv::LINE_AA);
  const Box base{4, 12, 600, 50};
  int x1 = 690, y0 = 8, y1 = 64;
  FitBandToInkRow(gray, base, x1, y0, y1);
  // The address holds more ink in these columns: its row is kept, the short line below left out.
  CHECK(y0 < 20);
  CHECK(y1 < 42);
}

TEST_CASE("the full row along the tops of bold glyphs is print, not a rule", "[image][number]") {
  // Label seed 14142 phone-0022: the serifs along the top of a blurred bold "NUT3653/2657" covered
  // 81-89 % of the number's columns, in runs broken between the glyphs; taken for a rule, they
  // were cut off the band, and every re-read lost the glyphs' tops.
  cv::Mat gray(60, 200, CV_8UC1, cv::Scalar(250));
  const int top = 20, bottom = 38;
  for (int x = 10; x + 12 <= 190; x += 14) {
    cv::rectangle(gray, {x, top}, {x + 11, top + 3}, cv::Scalar(30), cv::FILLED);         // the serifs
    cv::rectangle(gray, {x + 1, top}, {x + 3, bottom}, cv::Scalar(30), cv::FILLED);       // the stems
    cv::rectangle(gray, {x + 8, top + 6}, {x + 10, bottom}, cv::Scalar(30), cv::FILLED);
  }
  const Box base{10, top, 180, bottom - top + 1};
  int x1 = 195, y0 = 14, y1 = 46;
  FitBandToInkRow(gray, base, x1, y0, y1);
  CHECK(y0 <= top);
  CHECK(y1 >= bottom);
  // A real rule over the row, one unbroken stroke, is still left out of the band.
  cv::Mat ruled = gray.clone();
  cv::rectangle(ruled, {0, 8}, {199, 9}, cv::Scalar(30), cv::FILLED);
  int rx1 = 195, ry0 = 4, ry1 = 46;
  FitBandToInkRow(ruled, base, rx1, ry0, ry1);
  CHECK(ry0 > 9);
  CHECK(ry0 <= top);
}
