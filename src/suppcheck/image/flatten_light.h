#pragma once
// Uneven light on a label photo (shading, dim corners, soft glare) made even before the OCR.

#include <opencv2/core.hpp>

namespace suppcheck {

/// Divides by the local background so that shading, dim corners and soft glare become an even
/// white, keeping dark text dark; `glyphHeight` sets the scale of what counts as background.
void FlattenLight(cv::Mat& gray, double glyphHeight);

}  // namespace suppcheck
