#include "suppcheck/image/region_render.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/flatten_light.h"

namespace suppcheck {

namespace {

// Enlargements this close to 1 are not worth resampling.
constexpr double kNoResize = 0.05;
// The working image keeps the photo's detail when it is at least this close to the photo's scale.
constexpr double kWorkingAsSharp = 0.95;

cv::Mat ResizedFromWorking(const PreparedImage& image, const cv::Rect& r, double factor) {
  cv::Mat crop = image.gray(r).clone();
  if (std::abs(factor - 1) > kNoResize)
    cv::resize(crop, crop, {}, factor, factor, factor > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
  return crop;
}

}  // namespace

cv::Mat RenderRegion(const PreparedImage& image, const Box& region, double factor) {
  const cv::Rect r = cv::Rect(region.x, region.y, region.w, region.h) & cv::Rect(0, 0, image.gray.cols, image.gray.rows);
  if (r.empty() || factor <= 0) return {};
  // The photo pixels one working pixel spans (the working image's scale is photo -> working).
  const bool coarser = image.scale < kWorkingAsSharp;
  if (image.photo.empty() || !coarser || factor < 1 + kNoResize) return ResizedFromWorking(image, r, factor);

  // Sample the photo no finer than its own pixels: beyond that, resize the rendered result.
  const double sampling = std::min(factor, 1.0 / image.scale);
  const int w = std::max(1, static_cast<int>(std::lround(r.width * sampling)));
  const int h = std::max(1, static_cast<int>(std::lround(r.height * sampling)));
  cv::Mat mapX(h, w, CV_32F), mapY(h, w, CV_32F);
  for (int j = 0; j < h; ++j) {
    float* mx = mapX.ptr<float>(j);
    float* my = mapY.ptr<float>(j);
    const double y = r.y + (j + 0.5) / sampling - 0.5;
    for (int i = 0; i < w; ++i) {
      const cv::Point2d p = WorkingToPhoto(image, r.x + (i + 0.5) / sampling - 0.5, y);
      mx[i] = static_cast<float>(p.x);
      my[i] = static_cast<float>(p.y);
    }
  }
  cv::Mat out;
  cv::remap(image.photo, out, mapX, mapY, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
  // The working image's light was flattened; the photo's was not.
  FlattenLight(out, std::max(1.0, image.glyphHeight) * sampling);
  if (sampling < factor) cv::resize(out, out, {}, factor / sampling, factor / sampling, cv::INTER_CUBIC);
  return out;
}

Box FromRendered(const Box& read, const Box& region, double factor, int border) {
  return {static_cast<int>((read.x - border) / factor) + region.x, static_cast<int>((read.y - border) / factor) + region.y,
          std::max(1, static_cast<int>(read.w / factor)), std::max(1, static_cast<int>(read.h / factor))};
}

}  // namespace suppcheck
