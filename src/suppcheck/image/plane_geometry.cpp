#include "suppcheck/image/plane_geometry.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

cv::Matx33d Translation(double dx, double dy) { return {1, 0, dx, 0, 1, dy, 0, 0, 1}; }

cv::Matx33d Scaling(double s) { return {s, 0, 0, 0, s, 0, 0, 0, 1}; }

cv::Matx33d RotationAbout(double w, double h, double degrees, cv::Size2d& outSize) {
  const double rad = degrees * CV_PI / 180.0, c = std::cos(rad), s = std::sin(rad);
  const double nw = std::abs(w * c) + std::abs(h * s), nh = std::abs(w * s) + std::abs(h * c);
  // Translate centre to origin, rotate (counter-clockwise on screen for positive degrees), move to new centre.
  const cv::Matx33d toOrigin{1, 0, -w / 2, 0, 1, -h / 2, 0, 0, 1};
  const cv::Matx33d rot{c, s, 0, -s, c, 0, 0, 0, 1};
  const cv::Matx33d back{1, 0, nw / 2, 0, 1, nh / 2, 0, 0, 1};
  outSize = {nw, nh};
  return back * rot * toOrigin;
}

cv::Mat ApplyGeometry(const cv::Mat& src, const cv::Matx33d& m, cv::Size size) {
  cv::Mat out;
  cv::warpPerspective(src, out, cv::Mat(m), size, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
  return out;
}

bool IsIdentity(const cv::Matx33d& m) {
  const cv::Matx33d d = m - cv::Matx33d::eye();
  for (int i = 0; i < 9; ++i)
    if (std::abs(d.val[i]) > 1e-9) return false;
  return true;
}

}  // namespace suppcheck
