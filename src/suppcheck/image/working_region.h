#pragma once
// A part of the working image treated as a working image of its own: cut out and turned upright
// (a side panel printed at 90 degrees to the rest of the label). The part keeps the transform back
// to the photo, so its boxes go through ToOriginal as any other; `toParent` brings them back into
// the pixels of the working image it was cut from, where the rest of the label's lines live.

#include <opencv2/core.hpp>

#include "suppcheck/image/label_image.h"
#include "suppcheck/util/box.h"

namespace suppcheck {

struct WorkingRegion {
  PreparedImage image;    ///< the cut-out, turned; its own transform to the photo
  cv::Matx33d toParent;   ///< its pixels -> the parent working image's pixels
};

/// Cuts `region` (parent working pixels, clipped to the image) out of `parent`, magnified
/// `factor` times (rendered from the photo, image/region_render.h), and turns it by
/// `degreesClockwise` (0, 90, 180 or 270).
WorkingRegion CutWorkingRegion(const PreparedImage& parent, const Box& region, int degreesClockwise,
                               double factor = 1);

/// Levels the lines of a cut-out that are a few degrees askew (2 to 25): a side panel of a label
/// photographed in perspective runs down at 80 degrees, not 90, and Tesseract reads lines that
/// far off level as confetti. Returns the skew removed (0 if none).
double LevelRegion(WorkingRegion& region);

/// Turns a cut-out by `skew` degrees (its lines rising to the right by that much before) so that
/// its lines run level, keeping the transform back to the photo and to the parent.
void LevelRegionBy(WorkingRegion& region, double skew);

/// A box in the region's pixels -> the enclosing box in the parent working image's pixels.
Box ToParent(const WorkingRegion& region, const Box& box);

}  // namespace suppcheck
