#include "suppcheck/image/working_region.h"

#include <algorithm>
#include <cmath>

#include "suppcheck/image/plane_geometry.h"
#include "suppcheck/image/region_render.h"
#include "suppcheck/image/skew.h"

namespace suppcheck {

WorkingRegion CutWorkingRegion(const PreparedImage& parent, const Box& region, int degreesClockwise, double factor) {
  const int x0 = std::clamp(region.x, 0, parent.gray.cols), y0 = std::clamp(region.y, 0, parent.gray.rows);
  const int x1 = std::clamp(region.right(), x0, parent.gray.cols), y1 = std::clamp(region.bottom(), y0, parent.gray.rows);
  WorkingRegion out;
  out.image = parent;
  out.image.gray = RenderRegion(parent, {x0, y0, x1 - x0, y1 - y0}, factor);
  out.image.scale = parent.scale * factor;
  out.image.glyphHeight = parent.glyphHeight * factor;
  out.image.detailFactor = std::max(1.0, parent.detailFactor / factor);
  // cut-out (x, y) came from parent (x / factor + x0, y / factor + y0)
  const cv::Matx33d shift(1 / factor, 0, x0, 0, 1 / factor, y0, 0, 0, 1);
  out.image.workToUnwrapped = parent.workToUnwrapped * shift;
  out.toParent = shift;
  if (out.image.gray.empty()) return out;
  const cv::Matx33d beforeTurn = out.image.workToUnwrapped;
  RotateWorking(out.image, degreesClockwise);
  // RotateWorking composed its own step onto the transform: recover that step for `toParent`.
  out.toParent = shift * (beforeTurn.inv() * out.image.workToUnwrapped);
  return out;
}

double LevelRegion(WorkingRegion& region) {
  cv::Mat& gray = region.image.gray;
  if (gray.empty()) return 0;
  const double skew = EstimateSkew(gray, region.image.glyphHeight);
  // Up to the steepest skew EstimateSkew measures: a panel turned a quarter and photographed in
  // perspective ran down at 67 degrees, its lines 23 degrees off once turned (seed 47113
  // phone-0024; 20 was the bound before).
  constexpr double kMostSkew = 25;
  if (!(std::abs(skew) >= 2 && std::abs(skew) <= kMostSkew)) return 0;
  LevelRegionBy(region, skew);
  return skew;
}

void LevelRegionBy(WorkingRegion& region, double skew) {
  cv::Mat& gray = region.image.gray;
  if (gray.empty() || skew == 0) return;
  cv::Size2d size;
  const cv::Matx33d rotate = RotationAbout(gray.cols, gray.rows, -skew, size);  // old -> new pixels
  const cv::Size canvas(static_cast<int>(std::lround(size.width)), static_cast<int>(std::lround(size.height)));
  gray = ApplyGeometry(gray, rotate, canvas);
  const cv::Matx33d back = rotate.inv();
  region.image.workToUnwrapped = region.image.workToUnwrapped * back;
  region.toParent = region.toParent * back;
}

Box ToParent(const WorkingRegion& region, const Box& b) {
  if (b.empty()) return b;
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& [px, py] : {std::pair(b.x, b.y), std::pair(b.right(), b.y), std::pair(b.x, b.bottom()),
                               std::pair(b.right(), b.bottom())}) {
    const cv::Vec3d p = region.toParent * cv::Vec3d(px, py, 1);
    x0 = std::min(x0, p[0] / p[2]);
    y0 = std::min(y0, p[1] / p[2]);
    x1 = std::max(x1, p[0] / p[2]);
    y1 = std::max(y1, p[1] / p[2]);
  }
  const int ix0 = static_cast<int>(std::floor(x0)), iy0 = static_cast<int>(std::floor(y0));
  return {ix0, iy0, static_cast<int>(std::ceil(x1)) - ix0, static_cast<int>(std::ceil(y1)) - iy0};
}

}  // namespace suppcheck
