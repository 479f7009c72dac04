// The bottle's cylinder from the glyphs' widths (image/bottle_unroll.h): glyphs narrowing towards
// the sides at one height are a cylinder; a column of smaller print, narrower and lower, is not.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/image/bottle_unroll.h"

using namespace suppcheck;

namespace {

// Rows of glyphs across `width` pixels; `glyphAt(x)` gives a glyph's width and height there.
template <typename F>
std::vector<cv::Rect> Rows(int width, F glyphAt) {
  std::vector<cv::Rect> glyphs;
  for (int row = 0; row < 12; ++row)
    for (int x = 20; x < width - 20;) {
      const cv::Size s = glyphAt(x);
      glyphs.emplace_back(x, 40 + row * 40, s.width, s.height);
      x += s.width + 4;
    }
  return glyphs;
}

}  // namespace

TEST_CASE("glyphs narrowing towards both sides at one height are a bottle's cylinder", "[image][cylinder]") {
  const int width = 1200;
  const double c = width / 2.0, r = 0.6 * width;
  const auto glyphs = Rows(width, [&](int x) {
    const double t = (x - c) / r;
    return cv::Size(static_cast<int>(std::lround(16 * std::sqrt(std::max(0.05, 1 - t * t)))), 20);
  });
  const Cylinder cyl = EstimateCylinder(glyphs, width);
  CHECK(cyl.found);
  CHECK(cyl.c == Approx(c).margin(0.1 * width));
}

TEST_CASE("a column of smaller print on a flat label is no cylinder", "[image][cylinder]") {
  // Label seed 71523 clean-0006: the small print of a side panel on the right, narrower than the
  // main text and lower too, was taken for the narrowing of a bottle, and unrolled.
  const int width = 1200;
  const auto glyphs = Rows(width, [&](int x) { return x < 0.6 * width ? cv::Size(16, 20) : cv::Size(11, 15); });
  CHECK_FALSE(EstimateCylinder(glyphs, width).found);
  // The same print flat and of one size: nothing to unroll either.
  CHECK_FALSE(EstimateCylinder(Rows(width, [](int) { return cv::Size(16, 20); }), width).found);
}
