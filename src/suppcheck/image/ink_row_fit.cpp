#include "suppcheck/image/ink_row_fit.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// Rows whose ink covers less than this share of the number's columns are a gap between lines;
// more than this share, a printed rule or a frame's edge (a number printed in a box).
constexpr double kGapInk = 0.02;
constexpr double kRuleInk = 0.8;
// ... and a row with less than this share of the fullest row's ink is a gap too.
constexpr double kGapShareOfFullest = 0.2;

}  // namespace

void FitBandToInkRow(const cv::Mat& gray, const Box& base, int& x1, int& y0, int& y1) {
  const int cx0 = std::max(0, base.x), cx1 = std::min(gray.cols, base.right());
  if (cx1 - cx0 < 8 || y1 - y0 < 8 || gray.type() != CV_8UC1) return;
  cv::Mat ink;
  const double level = cv::threshold(gray(cv::Rect(cx0, y0, cx1 - cx0, y1 - y0)), ink, 0, 255,
                                     cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  double lo = 0, hi = 0;
  cv::minMaxLoc(gray(cv::Rect(cx0, y0, cx1 - cx0, y1 - y0)), &lo, &hi);
  if (hi - lo < 40) return;  // no contrast to tell ink from paper
  const bool light = cv::countNonZero(ink) * 2 > ink.rows * ink.cols;  // light print on a dark ground
  if (light) cv::bitwise_not(ink, ink);
  const int rows = ink.rows;
  std::vector<double> share(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) share[static_cast<size_t>(r)] = cv::countNonZero(ink.row(r)) / static_cast<double>(ink.cols);
  // A gap row may hold a little ink: the tail of a g from the line above reaching down between
  // the digits (tight leading). Relative to the fullest text row.
  double fullest = 0;
  for (double v : share)
    if (v <= kRuleInk) fullest = std::max(fullest, v);
  const double gap = std::max(kGapInk, kGapShareOfFullest * fullest);
  const auto text = [&](int r) { return share[static_cast<size_t>(r)] >= gap && share[static_cast<size_t>(r)] <= kRuleInk; };
  // Runs of text rows; a gap of one row (a thin stroke lost to the threshold) stays inside a run.
  struct Run { int from, to; double mass; };
  std::vector<Run> runs;
  for (int r = 0; r < rows; ++r) {
    if (!text(r)) continue;
    if (!runs.empty() && r - runs.back().to <= 1 &&
        std::all_of(share.begin() + runs.back().to, share.begin() + r, [](double v) { return v <= kRuleInk; })) {
      runs.back().to = r + 1;
    } else {
      runs.push_back({r, r + 1, 0});
    }
    runs.back().mass += share[static_cast<size_t>(r)];
  }
  const auto best = std::max_element(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.mass < b.mass; });
  if (best == runs.end()) return;
  const int runH = best->to - best->from;
  if (runH * 4 < rows || runH < 6) return;  // too thin to be the number's row
  // Gap rows around it, a third of its height at most.
  int top = best->from, bottom = best->to;
  while (top > 0 && best->from - top < runH / 3 && share[static_cast<size_t>(top - 1)] < gap) --top;
  while (bottom < rows && bottom - best->to < runH / 3 && share[static_cast<size_t>(bottom)] < gap) ++bottom;
  // To the right: the line ends where a wide gap follows its ink.
  const int r0 = y0 + best->from, r1 = y0 + best->to;
  int lastInk = cx1;
  for (int x = cx1; x < x1 && x < gray.cols && x - lastInk <= 5 * runH / 2; ++x) {
    const cv::Mat column = gray(cv::Rect(x, r0, 1, r1 - r0));
    const int dark = light ? cv::countNonZero(column > level) : cv::countNonZero(column < level);
    if (dark > 0) lastInk = x;
  }
  x1 = std::min(x1, lastInk + runH);
  y1 = y0 + bottom;
  y0 = y0 + top;
}

}  // namespace suppcheck
