// The regions read again are rendered from the photo: the detail the scaled-down working image
// lost comes back, and the rendered pixels are where the working image says they are.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/region_render.h"
#include "suppcheck/image/working_region.h"

using namespace suppcheck;

namespace {

// A photo whose left half is a fine checkerboard (2-pixel squares, finer than a working image at
// a quarter scale can hold) and whose right half is white, and its working image at `scale`.
PreparedImage QuarterScaleWorking(double scale) {
  cv::Mat photo(400, 800, CV_8UC1, cv::Scalar(255));
  for (int y = 0; y < photo.rows; ++y)
    for (int x = 0; x < 400; ++x)
      if (((x / 2) + (y / 2)) % 2 == 0) photo.at<uchar>(y, x) = 0;
  PreparedImage image;
  image.photo = photo;
  image.originalSize = photo.size();
  image.scale = scale;
  image.glyphHeight = 20;
  cv::resize(photo, image.gray, {}, scale, scale, cv::INTER_AREA);
  image.toOriginal = cv::Matx33d(1 / scale, 0, 0, 0, 1 / scale, 0, 0, 0, 1);
  return image;
}

double Contrast(const cv::Mat& m) {
  cv::Scalar mean, stddev;
  cv::meanStdDev(m, mean, stddev);
  return stddev[0];
}

}  // namespace

TEST_CASE("a region enlarged from a scaled-down working image keeps the photo's detail", "[image][render]") {
  const PreparedImage image = QuarterScaleWorking(0.25);
  const Box checker{10, 10, 60, 60};  // inside the checkerboard, working pixels
  // The working image averaged the squares to grey; enlarging its pixels gives grey.
  cv::Mat blurred = image.gray(cv::Rect(checker.x, checker.y, checker.w, checker.h)).clone();
  cv::resize(blurred, blurred, {}, 4, 4, cv::INTER_CUBIC);
  CHECK(Contrast(blurred) < 20);
  // Rendered from the photo at the photo's own scale: the squares are back.
  const cv::Mat rendered = RenderRegion(image, checker, 4);
  REQUIRE(rendered.cols == 240);
  REQUIRE(rendered.rows == 240);
  CHECK(Contrast(rendered) > 60);
}

TEST_CASE("a region one working pixel high is rendered, not an error", "[image][render]") {
  // A line's box one pixel high re-read without vertical room (label seed 70701 phone-0020):
  // the light flattening's quarter-size copy of its two rendered rows was empty, and OpenCV threw,
  // which failed the whole photo.
  const PreparedImage image = QuarterScaleWorking(0.25);
  cv::Mat rendered;
  REQUIRE_NOTHROW(rendered = RenderRegion(image, Box{10, 10, 60, 1}, 2));
  CHECK(rendered.rows == 2);
  CHECK(rendered.cols == 120);
}

TEST_CASE("a rendered region shows what the working image shows there", "[image][render]") {
  PreparedImage image = QuarterScaleWorking(0.25);
  // A dark bar in the white half of the photo: where the working image has it, the render has it.
  cv::rectangle(image.photo, cv::Rect(600, 100, 80, 40), cv::Scalar(0), cv::FILLED);
  cv::resize(image.photo, image.gray, {}, 0.25, 0.25, cv::INTER_AREA);
  const Box around{140, 15, 40, 30};  // working pixels; the bar is at (150, 25) 20 x 10
  const cv::Mat rendered = RenderRegion(image, around, 4);
  REQUIRE(rendered.cols == 160);
  REQUIRE(rendered.rows == 120);
  CHECK(rendered.at<uchar>(60, 80) < 60);    // the bar's middle: working (160, 30) = photo (640, 120)
  CHECK(rendered.at<uchar>(10, 10) > 200);   // above and left of it: white
  CHECK(rendered.at<uchar>(110, 150) > 200);
}

TEST_CASE("a region of a working image at the photo's scale is its own pixels resized", "[image][render]") {
  PreparedImage image = QuarterScaleWorking(1.0);
  const Box region{10, 10, 50, 30};
  const cv::Mat rendered = RenderRegion(image, region, 2);
  cv::Mat expected = image.gray(cv::Rect(10, 10, 50, 30)).clone();
  cv::resize(expected, expected, {}, 2, 2, cv::INTER_CUBIC);
  REQUIRE(rendered.size() == expected.size());
  CHECK(cv::norm(rendered, expected, cv::NORM_INF) == 0);
  CHECK(RenderRegion(image, {900, 900, 10, 10}, 2).empty());  // outside the image
}

TEST_CASE("a turned panel cut out magnified maps its boxes back to the parent", "[image][render]") {
  const PreparedImage parent = QuarterScaleWorking(0.25);
  const Box block{20, 10, 40, 80};
  const WorkingRegion r = CutWorkingRegion(parent, block, 90, 3);
  REQUIRE(r.image.gray.cols == 240);  // turned: 80 high becomes 240 wide at three times
  REQUIRE(r.image.gray.rows == 120);
  const Box back = ToParent(r, {0, 0, 240, 120});
  CHECK(back.x == block.x);
  CHECK(back.y == block.y);
  CHECK(back.w == block.w);
  CHECK(back.h == block.h);
  CHECK(Contrast(r.image.gray) > 60);  // the checkerboard, from the photo
}
