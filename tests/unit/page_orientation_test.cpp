// Tesseract's orientation detection (ocr/page_orientation.h): a page of text stands upright, the
// same page turned half round stands upside down. Skipped when the OSD model is not installed.

#include <catch2/catch.hpp>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "suppcheck/ocr/page_orientation.h"

using namespace suppcheck;

namespace {

// A label's back: lines of running text, enough glyphs for the detector (it skips a page of
// fewer than 50).
cv::Mat TextPage() {
  cv::Mat page(900, 1200, CV_8UC1, cv::Scalar(255));
  const char* lines[] = {"Food supplement with magnesium and vitamin B6.",
                         "Ingredients: magnesium citrate, bulking agent: cellulose,",
                         "capsule shell: hydroxypropyl methylcellulose, anti-caking agent.",
                         "Take 2 capsules a day with water, during a meal.",
                         "Do not exceed the recommended daily dose.",
                         "Keep out of the reach of young children.",
                         "Store in a cool, dry place, away from light.",
                         "Notification number: NUT/PL 123/45   Lot 7516   Best before 08/2030"};
  int y = 90;
  for (const char* line : lines) {
    cv::putText(page, line, {40, y}, cv::FONT_HERSHEY_DUPLEX, 1.0, cv::Scalar(0), 2, cv::LINE_AA);
    y += 100;
  }
  return page;
}

}  // namespace

TEST_CASE("the orientation detector tells an upright page from one upside down", "[ocr]") {
  auto detector = PageOrientation::Load("");
  if (!detector) {
    WARN("osd.traineddata is not installed (tesseract-ocr-osd): skipped");
    return;
  }
  const cv::Mat upright = TextPage();
  const auto o = detector->Detect(upright);
  REQUIRE(o);
  CHECK(o->degrees == 0);
  cv::Mat turned;
  cv::rotate(upright, turned, cv::ROTATE_180);
  const auto t = detector->Detect(turned);
  REQUIRE(t);
  CHECK(t->degrees == 180);
  CHECK(t->confidence >= 4);
}
