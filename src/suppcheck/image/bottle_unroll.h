#pragma once
// A label wrapped round a bottle, seen from the front: its glyphs narrow towards the sides. The
// cylinder is fitted on the layout-analysis copy from the widths of body-text glyphs, and the
// working image is unrolled along it so that the OCR reads lines of even width.

#include <vector>

#include <opencv2/core.hpp>

namespace suppcheck {

/// The bottle's axis at x = c and its radius r, in the pixels of the image it was fitted on.
struct Cylinder {
  double c = 0, r = 0;
  bool found = false;
};

/// Fits the cylinder to the widths of `glyphs` (aligned glyphs, image/glyph_layout.h; the widths
/// taken at one height must narrow too, so that smaller print is no cylinder) across an
/// image `width` pixels wide; `found` only when the narrowing is clear and the fit explains it.
Cylinder EstimateCylinder(const std::vector<cv::Rect>& glyphs, int width);

/// Unrolls `gray` along `cylinder` (fitted on an image whose pixels are 1/`k` of gray's): sets
/// `columns` (for each column of the unrolled image, the column of `gray` it came from) and
/// returns true. Returns false and changes nothing when the unrolled width is implausible (not
/// between 1 and 3 times the width).
bool UnrollCylinder(const Cylinder& cylinder, double k, cv::Mat& gray, std::vector<float>& columns);

}  // namespace suppcheck
