// The shape of a 1 that OCR read as a letter (scan/letter_one_shape.h), on glyphs drawn here: a 1
// with its flag, a plain bar (a sans-serif I), an I with serifs on both sides, and a table rule
// taller than the digits, each followed by an m.

#include <catch2/catch.hpp>

#include <functional>

#include <opencv2/imgproc.hpp>

#include "suppcheck/scan/letter_one_shape.h"

using namespace suppcheck;

namespace {

constexpr int kTop = 14, kBase = 56;  // digit height 42; the m's x-height 30

// White paper, the first glyph drawn by `first`, then an m (two arches as three stems and a bar).
cv::Mat Word(const std::function<void(cv::Mat&)>& first) {
  cv::Mat img(72, 110, CV_8UC1, cv::Scalar(255));
  first(img);
  const int xTop = kBase - 30;
  cv::rectangle(img, {50, xTop}, {84, xTop + 4}, cv::Scalar(0), cv::FILLED);
  for (const int x : {50, 65, 80}) cv::rectangle(img, {x, xTop}, {x + 4, kBase}, cv::Scalar(0), cv::FILLED);
  return img;
}

void Stem(cv::Mat& img, int top, int bottom) { cv::rectangle(img, {24, top}, {29, bottom}, cv::Scalar(0), cv::FILLED); }

// A 1's flag from the top of its stem at `top`, down to the left.
void Flag(cv::Mat& img, int top) { cv::line(img, {25, top + 1}, {14, top + 10}, cv::Scalar(0), 5); }

// Serif bars across the stem, at `y` and 4 pixels below, from x0 to x1.
void Bar(cv::Mat& img, int x0, int x1, int y) { cv::rectangle(img, {x0, y}, {x1, y + 4}, cv::Scalar(0), cv::FILLED); }

}  // namespace

TEST_CASE("a 1 is told from an I and a rule by the flag at its top", "[scan][nutrients]") {
  const cv::Mat one = Word([](cv::Mat& img) {
    Stem(img, kTop, kBase);
    Flag(img, kTop);
  });
  CHECK(LeftGlyphIsAOne(one));
  // With a base serif on both sides, as serif fonts draw it.
  const cv::Mat serifOne = Word([](cv::Mat& img) {
    Stem(img, kTop, kBase);
    Flag(img, kTop);
    Bar(img, 18, 35, kBase - 4);
  });
  CHECK(LeftGlyphIsAOne(serifOne));
  const cv::Mat bar = Word([](cv::Mat& img) { Stem(img, kTop, kBase); });
  CHECK_FALSE(LeftGlyphIsAOne(bar));
  const cv::Mat serifI = Word([](cv::Mat& img) {
    Stem(img, kTop, kBase);
    Bar(img, 18, 35, kTop);
    Bar(img, 18, 35, kBase - 4);
  });
  CHECK_FALSE(LeftGlyphIsAOne(serifI));
  // A rule from above the digits to below the line, flag or not, is no digit.
  const cv::Mat rule = Word([](cv::Mat& img) {
    Stem(img, 2, 68);
    Flag(img, 2);
  });
  CHECK_FALSE(LeftGlyphIsAOne(rule));
  // A 1 touching the m is one glyph too wide to judge.
  const cv::Mat touching = Word([](cv::Mat& img) {
    Stem(img, kTop, kBase);
    Flag(img, kTop);
    Bar(img, 29, 52, kBase - 4);
  });
  CHECK_FALSE(LeftGlyphIsAOne(touching));
  CHECK_FALSE(LeftGlyphIsAOne(cv::Mat()));
}
