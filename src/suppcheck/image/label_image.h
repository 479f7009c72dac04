#pragma once
// Stage 2 of the pipeline: geometry and light. From the loaded photo to the grey working image
// the OCR reads: the label found and its perspective undone when a clear label outline is
// visible, text turned upright (90/270 degrees by the layout of the glyphs; 180 is decided
// later by the OCR itself), small skew removed, uneven light flattened, and the whole scaled
// so that the small print has the x-height Tesseract reads best (~20-30 px) instead of OCR'ing
// a 12-megapixel photo blindly. Keeps the transform back to the photo's pixels for the boxes.

#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/util/box.h"

namespace suppcheck {

struct PrepareOptions {
  double targetTextHeight = 20;     ///< px: height of the small print's glyphs after scaling
  /// px: height of the small print's glyphs in the regions read again (a turned panel, the
  /// nutrient table), rendered from the photo (image/region_render.h). Equal to the target today;
  /// a whole-label pass at a lower target (faster) then re-reads at this one.
  double detailTextHeight = 20;
  double maxWorkingPixels = 7.0e6;  ///< cap on the working image (time grows with pixels)
  double minScale = 0.15, maxScale = 3.5;
  bool fixPerspective = true;
  bool fixRotation = true;
  bool unwrapCylinder = true;  ///< unroll labels on bottles (glyphs narrowing towards the sides)
  /// A label warped flat by its outline keeps its whole width, not only the columns with text
  /// across (the scan's second look for a side panel the crop left out).
  bool wholeLabelWidth = false;
};

struct PreparedImage {
  cv::Mat gray;          ///< the working image (8-bit grey)
  /// The photo in grey at full resolution (shared, not copied): regions read again are rendered
  /// from it (image/region_render.h), with the detail a scaled-down working image lost.
  cv::Mat photo;
  double glyphHeight = 0;   ///< the small print's glyph height in working pixels (the target)
  double detailFactor = 1;  ///< enlargement of working pixels that gives the small print its detail height
  /// Working pixels -> photo pixels goes through three steps: `workToUnwrapped` (the turns
  /// applied after rendering), `unwrapColumns` (a label unrolled from a bottle: for each column
  /// of the unrolled image, the column it came from; empty = none), then `toOriginal`.
  cv::Matx33d workToUnwrapped = cv::Matx33d::eye();
  std::vector<float> unwrapColumns;
  cv::Matx33d toOriginal = cv::Matx33d::eye();
  cv::Size originalSize;
  int rotation = 0;      ///< degrees clockwise applied to make the text upright (0, 90, 270; 180 later)
  double skewDegrees = 0;
  double scale = 1;      ///< working / photo size (ignoring rotation)
  double textHeight = 0; ///< estimated small-print glyph height in photo pixels (0 = unknown)
  bool perspective = false;
  bool cropped = false;  ///< cut to the region with text
  bool paperOnly = false;  ///< the texture around the label's paper painted out (image/paper_mask.h)
  bool lightPrintInverted = false;  ///< light print on dark paper: the working image (and `photo`) inverted
  bool unwrapped = false;  ///< a cylinder (bottle) was unrolled
  /// A label warped flat by its outline whose crop to the text left out a strip of it at one side,
  /// where a side panel of print too small or blurred to be seen as glyphs may stand.
  bool labelWidthLeftOut = false;

  /// The small print's glyph height in working pixels, rounded; 20 (Tesseract's favourite size,
  /// which the working image is scaled towards) when no glyphs were measured.
  int GlyphHeightOr20() const { return static_cast<int>(glyphHeight > 0 ? glyphHeight : 20); }
};

PreparedImage PrepareImage(const cv::Mat& bgr, const PrepareOptions& options = {});

/// Turns the working image by 90, 180 or 270 degrees clockwise (text found the wrong way
/// round), keeping the transform back to the photo.
void RotateWorking(PreparedImage& image, int degreesClockwise);

/// A point of the photo -> working pixels; only for a working image not unrolled from a bottle
/// (none when it is).
std::optional<cv::Point2d> PhotoToWorking(const PreparedImage& image, double x, double y);

/// A box in working pixels -> the enclosing box in photo pixels.
Box ToOriginal(const PreparedImage& image, const Box& working);

/// A point in working pixels -> the photo's pixels.
cv::Point2d WorkingToPhoto(const PreparedImage& image, double x, double y);

}  // namespace suppcheck
