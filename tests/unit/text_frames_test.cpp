// Frames round a line of text are found, with their insides; text without a frame, rules and
// filled bars are not frames.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/text_frames.h"

using namespace suppcheck;

namespace {

// A light page with print about 20 px high, as the working image has it.
cv::Mat Page() { return cv::Mat(400, 900, CV_8UC1, cv::Scalar(235)); }

void Print(cv::Mat& page, const std::string& text, cv::Point at) {
  cv::putText(page, text, at, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(30), 2, cv::LINE_AA);
}

}  // namespace

TEST_CASE("the inside of a box printed round a number is found", "[image][frames]") {
  cv::Mat page = Page();
  Print(page, "Ingredients: magnesium citrate", {40, 60});
  cv::rectangle(page, cv::Rect(40, 150, 200, 44), cv::Scalar(30), 2);
  Print(page, "NUT 40/311", {52, 182});
  const auto frames = FindTextFrames(page, 20);
  REQUIRE(frames.size() == 1);
  const Box& f = frames.front();
  // The inside: within the drawn rectangle, and most of it.
  CHECK(f.x >= 40);
  CHECK(f.right() <= 240);
  CHECK(f.y >= 150);
  CHECK(f.bottom() <= 194);
  CHECK(f.w > 180);
  CHECK(f.h > 30);
}

TEST_CASE("text without a frame, rules and bars are no text frames", "[image][frames]") {
  cv::Mat page = Page();
  Print(page, "Ingredients: magnesium citrate", {40, 60});
  Print(page, "NUT 40/311", {40, 120});
  cv::line(page, {40, 150}, {800, 150}, cv::Scalar(30), 2);          // a rule under a table header
  cv::rectangle(page, cv::Rect(40, 200, 700, 40), cv::Scalar(60), cv::FILLED);  // a dark bar
  cv::putText(page, "VitaPlus", {60, 230}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(240), 2);
  cv::rectangle(page, cv::Rect(40, 300, 200, 44), cv::Scalar(30), 2);  // an empty box: nothing in it
  const auto frames = FindTextFrames(page, 20);
  std::string found;
  for (const Box& f : frames) found += std::to_string(f.x) + "," + std::to_string(f.y) + " " + std::to_string(f.w) + "x" + std::to_string(f.h) + "; ";
  INFO(found);
  CHECK(frames.empty());
}

// A white box on a dark label (seed 25417 hard-0026, 'NUT 362 / 509' on dark blue), left tilted
// by the perspective undone or the unroll: light lines are a frame as dark ones are, and a
// tilted rectangle fills its upright bounding box badly (0.58 there) but its turned one well.
TEST_CASE("a light box on a dark label is found, also tilted", "[image][frames]") {
  for (const double degrees : {0.0, 6.5}) {
    cv::Mat page(400, 900, CV_8UC1, cv::Scalar(40));
    cv::putText(page, "Ingredients: magnesium citrate", {40, 60}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(225), 2, cv::LINE_AA);
    cv::rectangle(page, cv::Rect(300, 170, 300, 48), cv::Scalar(225), 2);
    cv::putText(page, "NUT 362 / 509", {312, 204}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(225), 2, cv::LINE_AA);
    const cv::Mat turn = cv::getRotationMatrix2D({450, 194}, degrees, 1.0);
    cv::warpAffine(page, page, turn, page.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    const auto frames = FindTextFrames(page, 20);
    INFO("tilted by " << degrees << " degrees");
    REQUIRE(frames.size() == 1);
    const Box& f = frames.front();
    CHECK(f.x >= 290);
    CHECK(f.right() <= 610);
    CHECK(f.w > 250);
    CHECK(std::abs(f.centerY() - 194) < 10);
  }
}

// A grainy photo (dim, brightened, a coarse JPEG): the binarisation strews specks everywhere,
// which are cleared before the outlines are traced (seed 64829 hard-0033: 72,000 outlines,
// 1.2 s). A thin frame round a number is no speck and is still found; a speck-sized box is not.
// Light and dark frames share one labelling of the specks.
TEST_CASE("a box round a number on a grainy page is found among the specks", "[image][frames]") {
  cv::Mat page = Page();
  Print(page, "Ingredients: magnesium citrate", {40, 60});
  cv::rectangle(page, cv::Rect(40, 150, 200, 44), cv::Scalar(30), 1);
  Print(page, "NUT 40/311", {52, 182});
  cv::rectangle(page, cv::Rect(400, 150, 30, 12), cv::Scalar(30), 1);  // too small to frame a line
  cv::Mat grain(page.size(), CV_16SC1);
  cv::randn(grain, 0, 28);
  cv::Mat noisy;
  page.convertTo(noisy, CV_16SC1);
  noisy += grain;
  noisy.convertTo(page, CV_8UC1);
  const auto frames = FindTextFrames(page, 20);
  REQUIRE(frames.size() == 1);
  CHECK(frames.front().x >= 40);
  CHECK(frames.front().right() <= 240);
  CHECK(frames.front().w > 180);
}
