// A sloping nutrient table levelled before it is read again (scan/table_tilt.h): the rows come out
// level, a box read on the levelled image goes back to where its ink was, and a level table is
// left as it is.

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <opencv2/imgproc.hpp>

#include "suppcheck/scan/table_tilt.h"

using namespace suppcheck;

namespace {

constexpr int kW = 1200, kH = 640, kLineH = 32;

// A ruled table of 14 rows, level, with a name and an amount in every row, and a black square at
// (900, 300) (under the table's last rule: nothing else is there).
cv::Mat LevelTable() {
  cv::Mat t(kH, kW, CV_8UC1, cv::Scalar(255));
  for (int r = 0; r < 14; ++r) {
    const int y = 40 + r * 40;
    cv::line(t, {40, y}, {kW - 40, y}, cv::Scalar(0), 2);
    cv::putText(t, "Vitamin B" + std::to_string(r) + " (pyridoxine)", {60, y + 30}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
                cv::Scalar(0), 2);
    cv::putText(t, std::to_string(r + 1) + ",5 mg", {800, y + 30}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  }
  cv::line(t, {600, 40}, {600, 600}, cv::Scalar(0), 2);
  return t;
}

// `level` sheared as a phone photo leaves it: each column moved up by its distance right of the
// middle times `slope` (rows rising to the right for a positive slope).
cv::Mat Sloped(const cv::Mat& level, double slope) {
  cv::Mat mapX(level.size(), CV_32F), mapY(level.size(), CV_32F);
  for (int y = 0; y < level.rows; ++y)
    for (int x = 0; x < level.cols; ++x) {
      mapX.at<float>(y, x) = static_cast<float>(x);
      mapY.at<float>(y, x) = static_cast<float>(y + (x - level.cols / 2.0) * slope);
    }
  cv::Mat out;
  cv::remap(level, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

// The most ink any one pixel row holds, as a share of the width.
double FullestRow(const cv::Mat& gray) {
  int most = 0;
  for (int y = 0; y < gray.rows; ++y) most = std::max(most, cv::countNonZero(gray.row(y) < 128));
  return static_cast<double>(most) / gray.cols;
}

}  // namespace

TEST_CASE("a table sloping by 5 degrees is measured and levelled: its rules become rows of ink again",
          "[scan][nutrients]") {
  const double slope = std::tan(5 * CV_PI / 180);
  const cv::Mat photo = Sloped(LevelTable(), slope);
  // A rising row has a negative dy/dx.
  CHECK(RowSlope(photo, kLineH) == Approx(-slope).margin(0.006));
  REQUIRE(FullestRow(photo) < 0.3);
  const LevelledCrop level = LevelRows(photo, kLineH, 0.75);
  REQUIRE(level.Levelled());
  for (const double t : level.slopes) CHECK(t == Approx(-slope).margin(0.006));
  CHECK(FullestRow(level.image) > 0.7);
}

TEST_CASE("a box read on a levelled table goes back to where its ink was", "[scan][nutrients]") {
  cv::Mat table = LevelTable();
  cv::rectangle(table, cv::Rect(890, 610, 20, 20), cv::Scalar(0), cv::FILLED);
  const double slope = std::tan(4 * CV_PI / 180);
  const cv::Mat photo = Sloped(table, slope);
  // Where the square is in the photo: level pixel (900, 620) moved up by (900 - 600) * slope.
  const cv::Point2d inPhoto(900, 620 - 300 * slope);
  const LevelledCrop level = LevelRows(photo, kLineH, 0.75);
  REQUIRE(level.Levelled());
  // The square's rows in the levelled image, found from the bottom (the rows of text are above).
  const cv::Mat dark = level.image < 128;
  int bottom = -1, top = -1;
  for (int y = dark.rows - 1; y >= 0; --y) {
    const bool full = cv::countNonZero(dark.row(y).colRange(892, 908)) >= 14;
    if (full && bottom < 0) bottom = y;
    if (!full && bottom >= 0) {
      top = y + 1;
      break;
    }
  }
  REQUIRE(bottom >= 0);
  const Box read{890, top, 20, bottom - top + 1};
  const Box back = level.ToCrop(read);
  CHECK(std::abs(back.x + back.w / 2.0 - inPhoto.x) <= 2.5);
  CHECK(std::abs(back.y + back.h / 2.0 - inPhoto.y) <= 2.5);
}

TEST_CASE("a level table is read as it is", "[scan][nutrients]") {
  const cv::Mat table = LevelTable();
  const LevelledCrop level = LevelRows(table, kLineH, 0.75);
  CHECK_FALSE(level.Levelled());
  CHECK(level.image.data == table.data);
  const Box b{100, 100, 40, 20};
  const Box back = level.ToCrop(b);
  CHECK((back.x == b.x && back.y == b.y && back.w == b.w && back.h == b.h));
}
