// The label's paper on a textured background (image/paper_mask.h, image/label_outline.h): the
// texture is found and painted out around the label, never over it, and a label on a plain
// background is left alone.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/image/label_outline.h"
#include "suppcheck/image/paper_mask.h"

using namespace suppcheck;

namespace {

// A pale label with rows of text, turned a few degrees, on a background of grey noise (a
// tablecloth) or a plain grey one.
// A 1600 x 1200 grey table around `grey`: plain, or textured with blotches `blotchSize` pixels
// across (deviation `blotchDev`), as a cloth or a wooden table shows them, and grain.
cv::Mat Table(int grey, bool textured, int blotchSize, double blotchDev, double grainDev) {
  cv::Mat table(1200, 1600, CV_8UC1, cv::Scalar(grey));
  if (!textured) return table;
  cv::Mat blotches(table.rows / blotchSize + 1, table.cols / blotchSize + 1, CV_32FC1), grain(table.size(), CV_32FC1), noise;
  cv::randn(blotches, grey, blotchDev);
  cv::resize(blotches, noise, table.size(), 0, 0, cv::INTER_CUBIC);
  cv::randn(grain, 0, grainDev);
  noise += grain;
  noise.convertTo(table, CV_8UC1);
  return table;
}

cv::Mat LabelOnTable(bool textured) {
  cv::Mat table;
  cv::cvtColor(Table(110, textured, 8, 14, 4), table, cv::COLOR_GRAY2BGR);
  cv::Mat label(500, 800, CV_8UC3, cv::Scalar(245, 245, 245));
  for (int y = 60; y < 470; y += 34)
    cv::putText(label, "Magnesium 187,5 mg per tablet NUT 12/34", {30, y}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
                cv::Scalar(20, 20, 20), 2, cv::LINE_AA);
  // Turned 4 degrees and placed in the middle of the table.
  const cv::Mat r = cv::getRotationMatrix2D({400, 250}, 4, 1.0);
  cv::Mat turned, mask;
  cv::warpAffine(label, turned, r, label.size() + cv::Size(200, 200), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
  cv::warpAffine(cv::Mat(label.size(), CV_8UC1, cv::Scalar(255)), mask, r, label.size() + cv::Size(200, 200));
  turned.copyTo(table(cv::Rect(400, 300, turned.cols, turned.rows)), mask);
  return table;
}

}  // namespace

TEST_CASE("the paper mask holds the label and not the texture around it", "[image][texture]") {
  cv::Mat gray;
  cv::cvtColor(LabelOnTable(true), gray, cv::COLOR_BGR2GRAY);
  const Glyphs glyphs = FindGlyphs(gray);
  const BrightPanel panel = FindBrightPanel(gray, TextRows(glyphs, 7));
  REQUIRE(!panel.region.empty());
  const cv::Mat mask = PaperMask(panel, glyphs, gray.size());
  CHECK(mask.at<uchar>(550, 800) == 255);  // the label's middle
  CHECK(mask.at<uchar>(330, 460) == 255);  // near its top-left corner, inside it
  CHECK(mask.at<uchar>(50, 50) == 0);      // the table's corner
  CHECK(mask.at<uchar>(1150, 1550) == 0);
  cv::Mat painted = gray.clone();
  PaintOutsideMask(painted, mask);
  cv::Scalar mean, dev;
  cv::meanStdDev(painted(cv::Rect(0, 0, 300, 200)), mean, dev);
  CHECK(dev[0] < 1.0);     // the texture is gone ...
  CHECK(mean[0] > 200.0);  // ... painted in the paper's grey
}

TEST_CASE("preparation paints the texture out around a label, and only then", "[image][texture]") {
  // Without the label's outline (as when none is found), the texture around the paper is painted.
  PrepareOptions noOutline;
  noOutline.fixPerspective = false;
  const PreparedImage onTexture = PrepareImage(LabelOnTable(true), noOutline);
  CHECK(onTexture.paperOnly);
  const PreparedImage onPlain = PrepareImage(LabelOnTable(false), noOutline);
  CHECK_FALSE(onPlain.paperOnly);
  // This label's outline is clear: the scan warps the photo to it, which leaves the texture out.
  const PreparedImage warped = PrepareImage(LabelOnTable(true));
  CHECK((warped.perspective || warped.paperOnly));
}

namespace {

// A dark label (light print on deep green, grey about 66) on a cloth of about its grey (mean 80,
// blotches and grain), or on a plain table of the cloth's mean grey.
cv::Mat DarkLabelOnCloth(bool textured) {
  cv::Mat cloth = Table(80, textured, 6, 12, 5);
  cv::Mat label(520, 820, CV_8UC1, cv::Scalar(66));
  for (int y = 60; y < 490; y += 34)
    cv::putText(label, "Magnesium 200 mg per capsule NUT 249/8993", {30, y}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
                cv::Scalar(235), 2, cv::LINE_AA);
  label.copyTo(cloth(cv::Rect(380, 330, label.cols, label.rows)));
  cv::Mat bgr;
  cv::cvtColor(cloth, bgr, cv::COLOR_GRAY2BGR);
  return bgr;
}

}  // namespace

TEST_CASE("a dark label on a cloth of its grey is found by its smoothness and read inverted", "[image][texture]") {
  cv::Mat gray;
  cv::cvtColor(DarkLabelOnCloth(true), gray, cv::COLOR_BGR2GRAY);
  const std::vector<cv::Point2f> rows = TextRows(FindGlyphs(gray), 7);
  CHECK(FindBrightPanel(gray, rows).region.empty());  // not brighter than the cloth
  const BrightPanel panel = FindSmoothPanel(gray, rows);
  REQUIRE(!panel.region.empty());
  // The label's box (380,330 820x520), with its blurred edge, and not much more.
  CHECK(panel.region.contains({400, 350}));
  CHECK(panel.region.contains({1180, 830}));
  CHECK(panel.region.area() < 1.25 * 820 * 520);
  // A plain table is as smooth as the paper: nothing to find.
  cv::cvtColor(DarkLabelOnCloth(false), gray, cv::COLOR_BGR2GRAY);
  CHECK(FindSmoothPanel(gray, TextRows(FindGlyphs(gray), 7)).region.empty());

  PrepareOptions noOutline;
  noOutline.fixPerspective = false;
  const PreparedImage onCloth = PrepareImage(DarkLabelOnCloth(true), noOutline);
  CHECK(onCloth.paperOnly);
  CHECK(onCloth.lightPrintInverted);
  // Inverted: the paper pale and the print dark, as the reading expects.
  CHECK(cv::mean(onCloth.gray)[0] > 128);
  const PreparedImage onPlain = PrepareImage(DarkLabelOnCloth(false), noOutline);
  CHECK_FALSE(onPlain.lightPrintInverted);
}
