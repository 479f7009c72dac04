#include "suppcheck/scan/table_tilt.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// The slopes tried, degrees each way: the phone tier of gen_multivitamins.py leaves up to 9 at a
// table's top (multivitamin-phone-0067 of tuning seed 54739); beyond 12 a row would be read in
// pieces anyway.
constexpr double kMaxTiltDegrees = 12;
constexpr double kTiltStepDegrees = 0.25;
// The projection is taken on a copy where a line of print is this many pixels high: enough to
// tell rows apart, few enough pixels to try every slope in a few milliseconds.
constexpr double kProfileLineHeight = 8;
// Ink: darker by this many grey levels than the mean of its neighbourhood (as the rule eraser of
// scan/nutrient_header_reread.cpp finds it), so that a shadow is not ink.
constexpr double kInkBelowLocalMean = 24;
// The slope is measured in bands of this many lines at the least (fewer rows give no clear
// profile), and at most this many bands.
constexpr int kBandLines = 8;
constexpr int kMaxBands = 4;

double Radians(double degrees) { return degrees * CV_PI / 180.0; }

cv::Mat InkOf(const cv::Mat& gray, int lineH) {
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 2 * lineH + 1,
                        kInkBelowLocalMean);
  return ink;
}

// The slope of the rows of `small` (ink, a line kProfileLineHeight pixels high).
double SlopeOfInk(const cv::Mat& small) {
  std::vector<cv::Point> points;
  cv::findNonZero(small > 64, points);
  if (points.size() < 16) return 0;
  const double cx = small.cols / 2.0;
  const int pad = static_cast<int>(std::ceil(small.cols * std::tan(Radians(kMaxTiltDegrees)))) + 1;
  std::vector<double> rows(static_cast<size_t>(small.rows + 2 * pad));
  double best = 0, bestScore = -1;
  for (double d = -kMaxTiltDegrees; d <= kMaxTiltDegrees + 1e-9; d += kTiltStepDegrees) {
    std::fill(rows.begin(), rows.end(), 0.0);
    const double t = std::tan(Radians(d));
    for (const auto& p : points) {
      const long y = std::lround(p.y - (p.x - cx) * t) + pad;
      if (y >= 0 && y < static_cast<long>(rows.size())) rows[static_cast<size_t>(y)] += 1;
    }
    // Sharp rows: large steps between neighbouring sums (plain sums of squares favour the slope
    // along which a shaded margin or a tall column piles up, not the rows).
    double s = 0;
    for (size_t k = 1; k < rows.size(); ++k) s += (rows[k] - rows[k - 1]) * (rows[k] - rows[k - 1]);
    if (s > bestScore + 1e-9 || (std::abs(s - bestScore) <= 1e-9 && std::abs(t) < std::abs(best))) bestScore = s, best = t;
  }
  return best;
}

}  // namespace

double RowSlope(const cv::Mat& gray, int lineH) {
  if (gray.empty() || gray.type() != CV_8UC1 || lineH <= 0) return 0;
  const double k = std::max(1.0, lineH / kProfileLineHeight);
  cv::Mat small;
  cv::resize(InkOf(gray, lineH), small, {}, 1 / k, 1 / k, cv::INTER_AREA);
  return SlopeOfInk(small);
}

double LevelledCrop::SlopeAt(double y) const {
  if (slopes.empty()) return 0;
  if (y <= bandY.front()) return slopes.front();
  for (size_t b = 1; b < bandY.size(); ++b)
    if (y <= bandY[b]) {
      const double u = (y - bandY[b - 1]) / (bandY[b] - bandY[b - 1]);
      return slopes[b - 1] + u * (slopes[b] - slopes[b - 1]);
    }
  return slopes.back();
}

Box LevelledCrop::ToCrop(const Box& levelled) const {
  if (!Levelled() || levelled.empty()) return levelled;
  const double cx = levelled.x + levelled.w / 2.0, cy = levelled.y + levelled.h / 2.0 - pad;
  const double x = cx - padX + (cy - height / 2.0) * slant;
  const double y = cy + (x - width / 2.0) * SlopeAt(cy);
  return {static_cast<int>(std::lround(x - levelled.w / 2.0)), static_cast<int>(std::lround(y - levelled.h / 2.0)),
          levelled.w, levelled.h};
}

LevelledCrop LevelRows(const cv::Mat& crop, int lineH, double minDegrees) {
  LevelledCrop out;
  out.image = crop;
  out.width = crop.cols;
  if (crop.empty() || crop.type() != CV_8UC1 || lineH <= 0) return out;
  const double k = std::max(1.0, lineH / kProfileLineHeight);
  cv::Mat small;
  cv::resize(InkOf(crop, lineH), small, {}, 1 / k, 1 / k, cv::INTER_AREA);
  const int bands = std::clamp(small.rows / static_cast<int>(kBandLines * kProfileLineHeight), 1, kMaxBands);
  std::vector<double> bandY, slopes;
  double steepest = 0;
  for (int b = 0; b < bands; ++b) {
    const int y0 = b * small.rows / bands, y1 = (b + 1) * small.rows / bands;
    slopes.push_back(SlopeOfInk(small.rowRange(y0, y1)));
    bandY.push_back((y0 + y1) / 2.0 * k);
    steepest = std::max(steepest, std::abs(slopes.back()));
  }
  if (steepest < std::tan(Radians(minDegrees))) return out;
  out.bandY = std::move(bandY);
  out.slopes = std::move(slopes);
  out.height = crop.rows;
  // The columns' slant: the rows' slope of the image turned on its side.
  const double slant = SlopeOfInk(small.t());
  if (std::abs(slant) >= std::tan(Radians(minDegrees))) out.slant = slant;
  // Each levelled pixel (x, y) shows the crop's (x + (y - pad - middle) * slant, y - pad + (x -
  // centre) * slope there).
  out.padX = static_cast<int>(std::ceil(crop.rows / 2.0 * std::abs(out.slant)));
  out.pad = static_cast<int>(std::ceil((crop.cols / 2.0 + out.padX) * steepest)) + 1;
  const int h = crop.rows + 2 * out.pad;
  const int w = crop.cols + 2 * out.padX;
  cv::Mat mapX(h, w, CV_32F), mapY(h, w, CV_32F);
  for (int y = 0; y < h; ++y) {
    const double yc = y - out.pad;
    const double t = out.SlopeAt(yc);
    auto* mx = mapX.ptr<float>(y);
    auto* my = mapY.ptr<float>(y);
    const double dx = (yc - crop.rows / 2.0) * out.slant - out.padX;
    for (int x = 0; x < w; ++x) {
      const double xc = x + dx;
      mx[x] = static_cast<float>(xc);
      my[x] = static_cast<float>(yc + (xc - crop.cols / 2.0) * t);
    }
  }
  cv::remap(crop, out.image, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

}  // namespace suppcheck
