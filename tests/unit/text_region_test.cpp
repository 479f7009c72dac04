// The region a working image is cropped to (image/text_region.h): it holds the text, and a row it
// mostly holds is held whole, never cut through its last characters.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/image/text_region.h"

using namespace suppcheck;

// A short, wide front: a large title over a line of small print, as the copy of a product's front
// panel is (products seed 63052 clean-0014, "Magnesium 94|7": the crop took the title's last digit,
// and the title then contradicted the dose).
TEST_CASE("a large title reaching past the small print is not cut by the crop", "[image][crop]") {
  cv::Mat front(222, 1663, CV_8UC1, cv::Scalar(245));
  cv::putText(front, "Magnesium 947", {90, 90}, cv::FONT_HERSHEY_DUPLEX, 2.2, cv::Scalar(60), 5, cv::LINE_AA);
  cv::putText(front, "Voedingssupplement - 60 tabletten", {90, 140}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1,
              cv::LINE_AA);
  // Where the title's ink ends.
  cv::Mat ink;
  cv::threshold(front, ink, 128, 255, cv::THRESH_BINARY_INV);
  const cv::Rect title = cv::boundingRect(ink(cv::Rect(0, 0, front.cols, 100)));
  const cv::Rect small = TextRegion(AlignedGlyphs(FindGlyphs(front)), front.size());
  REQUIRE(!small.empty());
  // The small print alone leaves the title's end outside (what the crop did) ...
  CHECK(small.br().x < title.br().x);
  // ... the title's row, found among glyphs up to half the copy's height, is held whole.
  const cv::Rect region = WithWholeRowsAcross(small, FindGlyphs(front, 0.5), front.size());
  CHECK(region.br().x >= title.br().x);
  CHECK(region.x <= title.x);
  // A region already holding every row stays as it is.
  CHECK(WithWholeRowsAcross(region, FindGlyphs(front, 0.5), front.size()) == region);
}
