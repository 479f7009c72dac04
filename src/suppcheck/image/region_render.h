#pragma once
// The regions that are read again (the number line, a band by the lot, a dose line, a turned side
// panel, the nutrient table) at the magnification their re-read wants. The whole-label pass reads
// a working image scaled for speed; an enlarged region is rendered from the photo itself, through
// the working image's geometry (perspective, turns, skew, a bottle unrolled), so the small print
// gets back the detail the working image gave up, instead of an enlarged blur of it.

#include <opencv2/core.hpp>

#include "suppcheck/image/label_image.h"
#include "suppcheck/util/box.h"

namespace suppcheck {

/// `region` (working pixels, clipped to the working image) magnified `factor` times: pixel (i, j)
/// of the result shows working point (region.x + i / factor, region.y + j / factor). Rendered from
/// `image.photo` when the working image is coarser than the photo there, else resized from the
/// working image. Empty when the clipped region is empty.
cv::Mat RenderRegion(const PreparedImage& image, const Box& region, double factor);

/// The way back: a box read on RenderRegion(image, region, factor), framed by `border` pixels on
/// every side before reading, in working pixels (at least one pixel wide and high).
Box FromRendered(const Box& read, const Box& region, double factor, int border = 0);

}  // namespace suppcheck
