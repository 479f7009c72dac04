#pragma once
// The photo with the evidence drawn on it: the boxes behind the number, the salt and the dose,
// labelled (`scan --annotate`, `--debug-dir`), and the small version of it in batch's HTML report.

#include <string>

#include <opencv2/core.hpp>

#include "suppcheck/scan_result.h"

namespace suppcheck {

/// Draws the boxes behind the number, salt and dose on the photo, labelled.
cv::Mat Annotate(const cv::Mat& bgr, const ScanResult& result);

/// A small JPEG of the photo with the evidence boxes, as a data: URI ("" on failure).
std::string ThumbnailDataUri(const cv::Mat& bgr, const ScanResult& r, int maxSide = 360);

}  // namespace suppcheck
