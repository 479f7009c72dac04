#include "suppcheck/scan/levelled_number_band.h"

#include <algorithm>
#include <cmath>

#include "suppcheck/image/ink_row_fit.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/scan/table_tilt.h"

namespace suppcheck {

namespace {

cv::Point2d Apply(const cv::Matx33d& m, double x, double y) {
  const cv::Vec3d p = m * cv::Vec3d(x, y, 1);
  return {p[0] / p[2], p[1] / p[2]};
}

}  // namespace

std::optional<LevelledBand> LevelNumberBand(const PreparedImage& image, const Box& band) {
  if (band.empty() || image.gray.empty()) return std::nullopt;
  // The slope is measured on the band with a line above and below: the neighbouring rows sharpen
  // the projection, and they slope as the number's row does.
  const Box around = PadBox(band, 0, band.h, image.gray.size());
  if (around.w < 2 * band.h || around.h < band.h) return std::nullopt;
  const double slope = RowSlope(image.gray(cv::Rect(around.x, around.y, around.w, around.h)), band.h);
  const double degrees = -std::atan(slope) * 180 / CV_PI;  // RowSlope is negative for a row rising to the right
  if (std::abs(degrees) < kLeastBandSlopeDegrees) return std::nullopt;
  // The cut-out holds the whole sloping row: over half the band's width it climbs this much.
  const int rise = static_cast<int>(std::ceil(band.w * std::abs(slope) / 2)) + band.h;
  const Box cut = PadBox(band, band.h, rise, image.gray.size());
  LevelledBand out;
  out.degrees = degrees;
  out.region = CutWorkingRegion(image, cut, 0, 1);
  if (out.region.image.gray.empty()) return std::nullopt;
  LevelRegionBy(out.region, degrees);
  // The band's middle, its ends, in the levelled cut-out.
  const cv::Matx33d toRegion = out.region.toParent.inv();
  const double cy = band.y + band.h / 2.0;
  const cv::Point2d left = Apply(toRegion, band.x, cy), right = Apply(toRegion, band.right(), cy);
  const cv::Size size = out.region.image.gray.size();
  const int mid = static_cast<int>(std::lround((left.y + right.y) / 2));
  int x0 = std::clamp(static_cast<int>(std::floor(std::min(left.x, right.x))), 0, size.width);
  int x1 = std::clamp(static_cast<int>(std::ceil(std::max(left.x, right.x))), x0, size.width);
  // As tall as the band as first cut, which held the sloping row's rise: the fit is made again on
  // the level row (a taller window lets a row of small print look too thin to be the number's).
  int y0 = std::clamp(mid - band.h / 2, 0, size.height), y1 = std::clamp(mid + band.h / 2, y0, size.height);
  FitBandToInkRow(out.region.image.gray, {x0, y0, x1 - x0, y1 - y0}, x1, y0, y1);
  if (x1 - x0 < 4 || y1 - y0 < 4) return std::nullopt;
  out.band = {x0, y0, x1 - x0, y1 - y0};
  return out;
}

}  // namespace suppcheck
