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

// A frame's edge narrower than the number's columns (a box round "Notificatienummer: PL572/60",
// the columns running on to the noise the page pass read after it) covers only part of them, and
// counted as text: the address above, the frame and the number made one run of text rows, and the
// band kept all three (label seed 16180 clean-0012, read "INotiicatienummer:PLS72/e0)"). A row
// whose ink runs unbroken over this share of the columns is a rule too, when such rows stand at
// most kThinRuleRows together: a row of print blurred into one smear is taller.
constexpr double kRuleRunShare = 0.3;
constexpr int kThinRuleRows = 3;
constexpr double kRuleRunOfRowInk = 0.9;

// The longest unbroken run of ink in row `r` of `ink`.
int LongestInkRun(const cv::Mat& ink, int r) {
  int longest = 0, run = 0;
  const uchar* p = ink.ptr<uchar>(r);
  for (int x = 0; x < ink.cols; ++x) {
    run = p[x] ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// Whether a row's longest unbroken run of ink is as long as a rule's: over kRuleRunShare of the
// columns, and at least `leastRun` (the number's line height). Across the few columns of a number
// whose box held only its category, the foot of a bold "AS" ran 15 of its 20 columns and was taken
// for a rule under the line; the band stopped above the digits' feet, and every re-read read
// "7/329" as 7/270, all agreeing (label seed 27183 phone-0054, a wrong `valid`).
bool RuleLong(int run, int cols, int leastRun) { return run >= leastRun && run >= kRuleRunShare * cols; }

// Sets the share of thin rules' rows (see kRuleRunShare) to 1, above kRuleInk: rule rows. `runs`
// holds each row's longest unbroken run of ink.
void MarkThinRules(const cv::Mat& ink, const std::vector<int>& runs, std::vector<double>& share, int leastRun) {
  const int rows = ink.rows;
  std::vector<bool> longRun(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    // One stroke: a rule's row holds little ink besides it, where a row through the serifs of
    // a blurred bold line holds its other words too (label seed 16180 hard-0035, defocus).
    const int run = runs[static_cast<size_t>(r)];
    longRun[static_cast<size_t>(r)] =
        RuleLong(run, ink.cols, leastRun) && run >= kRuleRunOfRowInk * cv::countNonZero(ink.row(r));
  }
  for (int r = 0; r < rows;) {
    if (!longRun[static_cast<size_t>(r)]) {
      ++r;
      continue;
    }
    int end = r;
    while (end < rows && longRun[static_cast<size_t>(end)]) ++end;
    if (end - r <= kThinRuleRows)
      for (int k = r; k < end; ++k) share[static_cast<size_t>(k)] = 1.0;
    r = end;
  }
}

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
  const int leastRuleRun = std::max(1, base.h);
  std::vector<int> longestRun(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) longestRun[static_cast<size_t>(r)] = LongestInkRun(ink, r);
  MarkThinRules(ink, longestRun, share, leastRuleRun);
  // A row this full of ink but broken into short runs is print, not a rule: the serifs along the
  // top of a bold serif "NUT3653/2657", blurred, covered 81-89 % of the number's columns in runs
  // of a fifth of them, and the band was cut below them, a third of the glyphs lost to every
  // re-read (label seed 14142 phone-0022). A rule or a frame's edge runs unbroken.
  for (int r = 0; r < rows; ++r)
    if (share[static_cast<size_t>(r)] > kRuleInk && share[static_cast<size_t>(r)] < 1.0 &&
        !RuleLong(longestRun[static_cast<size_t>(r)], ink.cols, leastRuleRun))
      share[static_cast<size_t>(r)] = kRuleInk;
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
  // A run between a rule above and a rule below is a line printed in a box: the number's, for
  // the address over the box holds more ink (label seed 16180 clean-0012).
  const auto ruleWithin = [&](int from, int step, int reach) {
    for (int r = from, k = 0; r >= 0 && r < rows && k <= reach; r += step, ++k)
      if (share[static_cast<size_t>(r)] > kRuleInk) return true;
    return false;
  };
  const auto framed = [&](const Run& run) {
    const int reach = std::max(2, run.to - run.from);  // a box's margin: up to a row's height
    return ruleWithin(run.from - 1, -1, reach) && ruleWithin(run.to, 1, reach);
  };
  const auto lessInk = [&](const Run& a, const Run& b) {
    const bool fa = framed(a), fb = framed(b);
    return fa != fb ? fb : a.mass < b.mass;
  };
  const auto best = std::max_element(runs.begin(), runs.end(), lessInk);
  if (best == runs.end()) return;
  const int runH = best->to - best->from;
  // Too thin to be the number's row, unless a frame holds it (the band held the address above
  // the box and the lot below it too).
  if ((runH * 4 < rows && !framed(*best)) || runH < 6) return;
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
