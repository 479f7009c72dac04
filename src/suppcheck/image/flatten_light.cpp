#include "suppcheck/image/flatten_light.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

// Divides by the local background (a large max filter) so that shading, dim corners and soft
// glare become an even white, keeping dark text dark.
void FlattenLight(cv::Mat& gray, double glyphHeight) {
  const int k = std::max(15, static_cast<int>(glyphHeight * 3) | 1);
  cv::Mat small, background;
  const double f = 0.25;  // the background varies slowly: estimate it on a quarter-size copy
  // At least one pixel each way: a strip of a line one pixel high made the quarter-size copy
  // empty, and OpenCV throws on that (a line re-read on label seed 70701 phone-0020).
  if (cvRound(gray.cols * f) >= 1 && cvRound(gray.rows * f) >= 1)
    cv::resize(gray, small, {}, f, f, cv::INTER_AREA);
  else
    cv::resize(gray, small, {std::max(1, cvRound(gray.cols * f)), std::max(1, cvRound(gray.rows * f))}, 0, 0, cv::INTER_AREA);
  const int ks = std::max(3, static_cast<int>(k * f) | 1);
  cv::dilate(small, background, cv::getStructuringElement(cv::MORPH_ELLIPSE, {ks, ks}));
  cv::GaussianBlur(background, background, {0, 0}, ks / 2.0);
  cv::resize(background, background, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat g32, b32;
  gray.convertTo(g32, CV_32F);
  background.convertTo(b32, CV_32F, 1, 1);
  cv::divide(g32, b32, g32, 255.0);
  g32.convertTo(gray, CV_8U);
}

}  // namespace suppcheck
