#include "suppcheck/image/bottle_unroll.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

// A label wrapped round a bottle seen from the front: a glyph at horizontal position x is
// narrowed by cos(theta) with x = c + r sin(theta). Fits (c, r) to the widths of body-text
// glyphs across the label; found only when the narrowing is clear and the fit explains it.
namespace {

// The narrowest bin's width against the widest part's, at the most, for a fit that leaves out one
// bin (FitsLeavingOutWorstBin) to count: the narrowing must show in the widths themselves. On a
// flat label, bins of 10 to 12 px fitted a cylinder as well as that (label seed 16180 clean-0007).
constexpr double kNarrowest = 0.85;

// Whether the cylinder explains the widths much better than "no cylinder" with the one bin
// either fits worst left out of each: one bin of wider boxes (a bold table header, glyphs
// touching) among the widths of a clear cylinder, 19 px among 7 to 12, made its fit no better
// than flat (label seed 16180 hard-0025: its number at the squeezed edge, read once unrolled).
// The cylinder itself stays the fit of all bins.
bool FitsLeavingOutWorstBin(const std::vector<std::pair<double, double>>& points, double w0, const Cylinder& cyl) {
  double err = 0, worst = 0, flat = 0, flatWorst = 0;
  for (const auto& [x, w] : points) {
    const double t = (x - cyl.c) / cyl.r;
    const double e = w - w0 * std::sqrt(std::max(0.0, 1 - t * t));
    err += e * e;
    worst = std::max(worst, e * e);
    flat += (w - w0) * (w - w0);
    flatWorst = std::max(flatWorst, (w - w0) * (w - w0));
  }
  return err - worst < 0.4 * (flat - flatWorst);
}

// The cylinder fitted to the glyphs' widths, or with `atMedianHeight` to the widths they would
// have at the median glyph height (see EstimateCylinder).
Cylinder FitCylinder(const std::vector<cv::Rect>& glyphs, int width, bool atMedianHeight) {
  Cylinder cyl;
  if (glyphs.size() < 80 || width <= 0) return cyl;
  std::vector<int> heights;
  for (const auto& g : glyphs) heights.push_back(g.height);
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  const double h = heights[heights.size() / 2];
  constexpr int kBins = 12;
  std::vector<std::vector<double>> widths(kBins);
  double x0 = 1e9, x1 = -1e9;
  for (const auto& g : glyphs) {
    if (g.height < 0.75 * h || g.height > 1.3 * h) continue;
    x0 = std::min(x0, static_cast<double>(g.x));
    x1 = std::max(x1, static_cast<double>(g.x + g.width));
  }
  if (x1 - x0 < 0.5 * width) return cyl;
  for (const auto& g : glyphs) {
    if (g.height < 0.75 * h || g.height > 1.3 * h) continue;
    const double cx = g.x + g.width / 2.0;
    const int bin = std::clamp(static_cast<int>((cx - x0) / (x1 - x0) * kBins), 0, kBins - 1);
    widths[static_cast<size_t>(bin)].push_back(atMedianHeight ? h * g.width / g.height : g.width);
  }
  std::vector<std::pair<double, double>> points;  // (x, median width)
  for (int b = 0; b < kBins; ++b) {
    auto& w = widths[static_cast<size_t>(b)];
    if (w.size() < 6) continue;
    std::nth_element(w.begin(), w.begin() + static_cast<long>(w.size() / 2), w.end());
    points.emplace_back(x0 + (b + 0.5) * (x1 - x0) / kBins, w[w.size() / 2]);
  }
  if (points.size() < 6) return cyl;
  std::vector<double> ws;
  for (const auto& p : points) ws.push_back(p.second);
  std::sort(ws.begin(), ws.end());
  const double w0 = ws[ws.size() * 3 / 4];  // the widest (front-facing) part
  double flat = 0;
  for (const auto& [x, w] : points) flat += (w - w0) * (w - w0);
  double best = flat;
  const double span = x1 - x0;
  for (double c = x0 + 0.3 * span; c <= x0 + 0.7 * span; c += 0.02 * span) {
    for (double r = 0.52 * span; r <= 2.5 * span; r += 0.04 * span) {
      double err = 0;
      for (const auto& [x, w] : points) {
        const double t = (x - c) / r;
        const double pred = w0 * std::sqrt(std::max(0.0, 1 - t * t));
        err += (w - pred) * (w - pred);
      }
      if (err < best) {
        best = err;
        cyl.c = c;
        cyl.r = r;
      }
    }
  }
  if (cyl.r <= 0) return cyl;
  // Clear narrowing at the label's sides, and a fit much better than "no cylinder".
  const double edge = std::max(std::abs(x0 - cyl.c), std::abs(x1 - cyl.c)) / cyl.r;
  const double cosEdge = std::sqrt(std::max(0.0, 1 - std::min(1.0, edge) * std::min(1.0, edge)));
  cyl.found = cosEdge < 0.8 && (best < 0.4 * flat || (FitsLeavingOutWorstBin(points, w0, cyl) && ws.front() <= kNarrowest * w0));
  return cyl;
}

}  // namespace

Cylinder EstimateCylinder(const std::vector<cv::Rect>& glyphs, int width) {
  Cylinder cyl = FitCylinder(glyphs, width, false);
  // A bottle narrows its glyphs towards the sides and leaves their height; a column of smaller
  // print narrows both. The widths alone took a flat label's small-print side panel, or a block
  // of smaller type beside the main text, for a cylinder, and the unrolling squeezed that print
  // further (label seed 71523 clean-0006: a side panel's number with capitals 10 px high, read
  // right without it, was `not_seen` on a clean flat photo; 31 of the 64 photos of the dev and
  // extra label sets unrolled had no curvature). The narrowing must show in the widths taken at
  // one height too. Not that fit alone: the boxes of print turned 90 degrees, taller than wide,
  // made a cylinder of a flank photographed flat (samples/side-panel/side-panel-boxed).
  if (cyl.found && !FitCylinder(glyphs, width, true).found) cyl.found = false;
  return cyl;
}

// Column u of the unrolled image shows the label at angle theta = theta0 + u / r, which the
// photo shows at x = c + r sin(theta).
bool UnrollCylinder(const Cylinder& cylinder, double k, cv::Mat& gray, std::vector<float>& columns) {
  const double c = cylinder.c * k, r = cylinder.r * k;
  const double W = gray.cols;
  const double t0 = std::asin(std::clamp((0 - c) / r, -0.999, 0.999));
  const double t1 = std::asin(std::clamp((W - c) / r, -0.999, 0.999));
  const int U = static_cast<int>(std::lround((t1 - t0) * r));
  if (U <= W || U >= 3 * W) return false;
  cv::Mat mapX(gray.rows, U, CV_32F), mapY(gray.rows, U, CV_32F);
  columns.resize(static_cast<size_t>(U));
  for (int u = 0; u < U; ++u) columns[static_cast<size_t>(u)] = static_cast<float>(c + r * std::sin(t0 + u / r));
  for (int y = 0; y < mapX.rows; ++y) {
    float* mx = mapX.ptr<float>(y);
    float* my = mapY.ptr<float>(y);
    for (int u = 0; u < U; ++u) {
      mx[u] = columns[static_cast<size_t>(u)];
      my[u] = static_cast<float>(y);
    }
  }
  cv::Mat unrolled;
  cv::remap(gray, unrolled, mapX, mapY, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
  gray = unrolled;
  return true;
}

}  // namespace suppcheck
