// The number's band cut level out of lines that slope through it (scan/levelled_number_band.h):
// the slope is measured, the levelled band holds the number's row and not the ends of the lines
// above and below it, and a level band is left as it is.

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <opencv2/imgproc.hpp>

#include "suppcheck/scan/levelled_number_band.h"

using namespace suppcheck;

namespace {

constexpr int kW = 900, kH = 400;
// Lines of small print 30 px apart, tight as legal text is: glyphs about 18 px high.
constexpr int kFirstBaseline = 80, kLeading = 30;

// Seven lines of legal text, level; the number on the fourth (baseline 170).
cv::Mat LegalText() {
  cv::Mat t(kH, kW, CV_8UC1, cv::Scalar(255));
  const char* lines[] = {"Importeur: Vitaal BV", "Kerkstraat 12, 2000 Antwerpen", "Tel. 03 123 45 67",
                         "NUT/AS 7442/697", "LOT 7516/956 EXP 08/2030", "Bewaren bij kamertemperatuur",
                         "Buiten bereik van kinderen"};
  for (int i = 0; i < 7; ++i)
    cv::putText(t, lines[i], {60, kFirstBaseline + i * kLeading}, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(0), 2);
  return t;
}

// The turn by `degrees` about the centre of a kW x kH image (rising to the right when positive).
cv::Mat Turn(double degrees) {
  return cv::getRotationMatrix2D(cv::Point2f(kW / 2.0F, kH / 2.0F), degrees, 1);
}

// `point` of the level image, where the turn takes it.
cv::Point2d Turned(const cv::Point2d& point, double degrees) {
  const cv::Mat m = Turn(degrees);
  return {m.at<double>(0, 0) * point.x + m.at<double>(0, 1) * point.y + m.at<double>(0, 2),
          m.at<double>(1, 0) * point.x + m.at<double>(1, 1) * point.y + m.at<double>(1, 2)};
}

// `level` turned by `degrees` about its centre.
cv::Mat Turned(const cv::Mat& level, double degrees) {
  const cv::Mat m = Turn(degrees);
  cv::Mat out;
  cv::warpAffine(level, out, m, level.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

PreparedImage Prepared(const cv::Mat& gray) {
  PreparedImage p;
  p.gray = gray;
  p.glyphHeight = 18;
  return p;
}

// The band a page read cuts round the number line: level, one line high, 420 px long, its
// middle at `middle`.
Box NumberBand(const cv::Point2d& middle) {
  return {static_cast<int>(middle.x) - 210, static_cast<int>(middle.y) - 14, 420, 28};
}

// The middle of the band round "NUT/AS 7442/697" on the level image: its glyphs stand 7 px above
// the baseline; the band runs from its start (x = 50) past its end.
const cv::Point2d kNumberMiddle(260, kFirstBaseline + 3 * kLeading - 7);

// Pixel rows of `gray` that hold ink, as a share of its rows.
double InkedRowShare(const cv::Mat& gray) {
  int inked = 0;
  for (int y = 0; y < gray.rows; ++y) inked += cv::countNonZero(gray.row(y) < 128) > 0 ? 1 : 0;
  return static_cast<double>(inked) / gray.rows;
}

}  // namespace

TEST_CASE("a number band sloping 4 degrees through tight lines is cut level round its own row",
          "[scan][number]") {
  const cv::Mat sloped = Turned(LegalText(), 4);
  const PreparedImage image = Prepared(sloped);
  const Box band = NumberBand(Turned(kNumberMiddle, 4));
  // As cut, the band sloping through it holds ink in every row: the neighbours' ends reach in.
  CHECK(InkedRowShare(sloped(cv::Rect(band.x, band.y, band.w, band.h))) > 0.95);

  const auto levelled = LevelNumberBand(image, band);
  REQUIRE(levelled);
  CHECK(std::abs(levelled->degrees - 4) < 0.75);
  const cv::Mat& cut = levelled->region.image.gray;
  const Box& b = levelled->band;
  REQUIRE(b.x >= 0);
  REQUIRE(b.bottom() <= cut.rows);
  REQUIRE(b.right() <= cut.cols);
  const cv::Mat row = cut(cv::Rect(b.x, b.y, b.w, b.h));
  // One row of glyphs with its margins: the band's top and bottom pixel rows are paper, but for
  // a speck (a slash's foot; image/ink_row_fit.h counts 2 % of a row as a gap).
  CHECK(cv::countNonZero(row.row(0) < 128) < row.cols / 50);
  CHECK(cv::countNonZero(row.row(row.rows - 1) < 128) < row.cols / 50);
  CHECK(b.h < 2 * kLeading);
  // Brought back to the sloping image, the levelled band's middle is the number's.
  const Box back = ToParent(levelled->region, b);
  CHECK(std::abs(back.centerY() - (band.y + band.h / 2)) < kLeading / 2);
}

TEST_CASE("a level number band is not cut again", "[scan][number]") {
  const PreparedImage image = Prepared(LegalText());
  CHECK_FALSE(LevelNumberBand(image, NumberBand(kNumberMiddle)));
}
