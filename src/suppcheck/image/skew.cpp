#include "suppcheck/image/skew.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// The angle of the line blobs (text lines closed into one blob each): the peak of their
// length-weighted angles, or 0 without a clear one.
double BlobAngle(const cv::Mat& binary, double glyphHeight) {
  cv::Mat bin = binary.clone();
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

// The feet of glyph-like marks (the middle of each one's lowest row): on a text line they lie on
// one straight line. Specks of a textured background smaller than the small print are left out;
// the rest lie anywhere and count the same at every angle. `binWidth` is a third of their median
// height, the spread of the feet of one line.
std::vector<cv::Point2d> GlyphFeet(const cv::Mat& bin, double glyphHeight, double& binWidth) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
  std::vector<cv::Point2d> feet;
  std::vector<int> heights;
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (h < std::max(4.0, 0.6 * glyphHeight) || h > 4 * glyphHeight || w > 3 * h) continue;
    feet.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT) + w / 2.0, stats.at<int>(i, cv::CC_STAT_TOP) + h);
    heights.push_back(h);
  }
  binWidth = 2;
  if (!heights.empty()) {
    std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
    binWidth = std::max(2.0, heights[heights.size() / 2] / 3.0);
  }
  return feet;
}

// How sharply the feet gather into lines at `degrees` (positive = rising to the right): the sum
// of squares of their histogram across that direction. Highest where the text lines run.
double LineSharpness(const std::vector<cv::Point2d>& feet, double degrees, double binWidth) {
  const double t = degrees * CV_PI / 180, c = std::cos(t), s = std::sin(t);
  double lo = 1e300;
  std::vector<double> across(feet.size());
  for (size_t i = 0; i < feet.size(); ++i) lo = std::min(lo, across[i] = feet[i].y * c + feet[i].x * s);
  std::vector<double> hist;
  for (const double a : across) {
    const auto bin = static_cast<size_t>((a - lo) / binWidth);
    if (bin >= hist.size()) hist.resize(bin + 1, 0.0);
    hist[bin] += 1;
  }
  double sum = 0;
  for (const double h : hist) sum += h * h;
  return sum;
}

// The line blobs' angle checked against the glyphs' feet. On a textured background the blobs
// can be the texture's (a level photo "corrected" by 6.5 degrees, a 5-degree tilt read as 0, the
// small print too small to join into blobs): when the feet gather clearly better at another angle
// more than a degree away, that angle is taken, or 0 when it is not clearly better than level.
double CheckAgainstFeet(const cv::Mat& bin, double glyphHeight, double blobAngle) {
  double binWidth = 2;
  const std::vector<cv::Point2d> feet = GlyphFeet(bin, glyphHeight, binWidth);
  constexpr size_t kMinFeet = 30;  // fewer marks: too little evidence to overrule the blobs
  if (feet.size() < kMinFeet) return blobAngle;
  constexpr double kRange = 25, kStep = 0.25;
  double best = 0, bestSharpness = -1;
  for (double a = -kRange; a <= kRange + 1e-9; a += kStep) {
    const double s = LineSharpness(feet, a, binWidth);
    if (s > bestSharpness) {
      bestSharpness = s;
      best = a;
    }
  }
  constexpr double kAgree = 1.0;   // degrees: the blobs' finer angle stands
  constexpr double kAsSharp = 0.97;  // the blobs' angle gathers the feet about as well
  if (std::abs(best - blobAngle) <= kAgree || LineSharpness(feet, blobAngle, binWidth) >= kAsSharp * bestSharpness)
    return blobAngle;
  constexpr double kClearlyBetter = 1.05;  // than level, else level
  if (bestSharpness < kClearlyBetter * LineSharpness(feet, 0, binWidth)) return 0;
  double refined = best;  // to a twentieth of a degree
  for (double a = best - kStep; a <= best + kStep + 1e-9; a += 0.05) {
    const double s = LineSharpness(feet, a, binWidth);
    if (s > bestSharpness) {
      bestSharpness = s;
      refined = a;
    }
  }
  return refined;
}

}  // namespace

// The skew of text lines in degrees (positive = lines rise to the right): from line blobs,
// checked against the feet of the glyphs.
double EstimateSkew(const cv::Mat& gray, double glyphHeight) {
  if (glyphHeight <= 0) return 0;
  cv::Mat bin;
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, 12);
  return CheckAgainstFeet(bin, glyphHeight, BlobAngle(bin, glyphHeight));
}

}  // namespace suppcheck
