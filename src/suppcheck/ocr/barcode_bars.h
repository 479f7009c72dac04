#pragma once
// Barcodes, which spoil Tesseract's page layout: the bars of a barcode printed tight under the
// lot line make the sparse page pass take the lines above it and the bars for one picture, and
// it returns next to nothing of the legal text (products seed 48213 phone-0015: "2" and "Mt"
// for a side panel whose number, lot line and digits read cleanly line by line).

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/util/box.h"

namespace suppcheck {

/// The boxes of the barcodes in `gray` (a working image, label upright): rows of at least eight
/// tall thin dark bars standing side by side on one baseline, each bar at least 2.5 times
/// `textHeight` (the small print's glyph height in pixels) high. The digits under the bars are
/// not part of the box.
std::vector<Box> FindBarcodes(const cv::Mat& gray, int textHeight);

/// `gray` with the boxes painted the paper's colour (a bright percentile of the image).
cv::Mat WithoutBoxes(const cv::Mat& gray, const std::vector<Box>& boxes);

}  // namespace suppcheck
