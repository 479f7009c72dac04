#include "suppcheck/image/skew.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

// The skew of text lines in degrees (positive = lines rise to the right), from line blobs.
double EstimateSkew(const cv::Mat& gray, double glyphHeight) {
  if (glyphHeight <= 0) return 0;
  cv::Mat bin;
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, 12);
  const int k = std::max(3, static_cast<int>(glyphHeight * 1.2));
  cv::morphologyEx(bin, bin, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, 1}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(bin, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  std::vector<std::pair<double, double>> angles;  // (angle, weight)
  for (const auto& c : contours) {
    const cv::RotatedRect r = cv::minAreaRect(c);
    double w = r.size.width, h = r.size.height, a = r.angle;
    if (w < h) {
      std::swap(w, h);
      a += 90;
    }
    if (h < glyphHeight * 0.5 || h > glyphHeight * 3 || w < 6 * h) continue;
    while (a > 45) a -= 90;
    while (a < -45) a += 90;
    angles.emplace_back(a, w);
  }
  if (angles.size() < 3) return 0;
  // Text lines agree on one angle; blobs of background texture are spread over all angles.
  // Take the peak of a length-weighted histogram (0.5-degree bins), if it is a clear one.
  constexpr int kBins = 100;  // -25 .. 25 degrees
  std::vector<double> hist(kBins, 0.0);
  double total = 0;
  for (const auto& [a, w] : angles) {
    if (a < -25 || a >= 25) continue;
    hist[static_cast<size_t>((a + 25) * 2)] += w;
    total += w;
  }
  size_t peak = 0;
  double peakWeight = 0;
  for (size_t i = 0; i < kBins; ++i) {
    const double wsum = hist[i] + (i > 0 ? hist[i - 1] : 0) + (i + 1 < kBins ? hist[i + 1] : 0);
    if (wsum > peakWeight) {
      peakWeight = wsum;
      peak = i;
    }
  }
  if (total <= 0 || peakWeight < 0.3 * total) return 0;
  // Refine: weighted mean of the angles in the peak's neighbourhood.
  double sum = 0, weight = 0;
  const double centre = static_cast<double>(peak) / 2 - 25 + 0.25;
  for (const auto& [a, w] : angles)
    if (std::abs(a - centre) <= 0.75) {
      sum += a * w;
      weight += w;
    }
  return weight > 0 ? -sum / weight : 0;  // image y grows downwards
}

}  // namespace suppcheck
