#pragma once
// The small skew of a label's text lines (a photo taken slightly askew), measured on the
// layout-analysis copy so that the working image can be rendered with its lines level.

#include <opencv2/core.hpp>

namespace suppcheck {

/// The skew of text lines in degrees (positive = lines rise to the right), from blobs of text
/// lines whose glyphs are about `glyphHeight` tall; 0 when there is no clear common angle. The
/// angle is checked against where the feet of the glyphs line up best (a textured background
/// makes blobs of its own): more than a degree off, that angle wins, or 0 if it is no clearer than level.
double EstimateSkew(const cv::Mat& gray, double glyphHeight);

}  // namespace suppcheck
