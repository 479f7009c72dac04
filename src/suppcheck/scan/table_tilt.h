#pragma once
// A nutrient table left sloping in the working image, levelled before it is read again. A phone
// photo's perspective, or a deskew that levelled the label's outline but not its print, leaves the
// rows of a long table sloping by a few degrees, and by more at its top than at its bottom where
// the photo was taken from below: over a table's width the amount column then stands half a row or
// a row higher than its names, and Tesseract pairs each name with the row above's amount, or reads
// nothing between the rules crossing its lines (multivitamin-phone-0067 of tuning seed 54739: rows
// sloping 9 degrees at the top and 2 at the bottom, twenty amounts missed; -0093: 6 degrees;
// multivitamin-phone-0039 of seed 71946: folate read with the next row's 2100 µg).
//
// Levelled by a vertical shear, each pixel moved up or down by its distance from the middle times
// the slope of the rows at its height (measured in bands, interpolated between them), and a
// horizontal one that stands the columns upright: each levelled pixel names the crop pixel it
// shows, so a word's box maps back exactly by its centre.

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/util/box.h"

namespace suppcheck {

/// The slope of the text rows in `gray` (dy/dx, negative when a row rises to the right), from the
/// ink's projection along each slope tried: the slope whose rows stand out sharpest (the sum of
/// the squared steps between neighbouring row sums). `lineH` is the rows' line height in `gray`'s
/// pixels. 0 when the image holds no ink.
double RowSlope(const cv::Mat& gray, int lineH);

/// A crop with its rows levelled, and the way back to the crop's pixels.
struct LevelledCrop {
  cv::Mat image;               ///< the crop sheared level (paper white where nothing was), or the crop
  int pad = 0;                 ///< rows added above (and below) the crop
  int padX = 0;                ///< columns added left (and right) of it
  int width = 0, height = 0;   ///< the crop's size
  std::vector<double> bandY;   ///< the middles of the bands measured, crop pixels, top to bottom
  std::vector<double> slopes;  ///< their slopes; empty: `image` is the crop itself
  /// The slant of the columns (dx/dy): the same perspective leans a table's vertical rules, and
  /// a leaning rule is read as "\\" beside every amount and escapes the rule eraser (levelled too).
  double slant = 0;

  bool Levelled() const { return !slopes.empty(); }
  /// The rows' slope at crop height `y`: interpolated between the bands, the nearest band's beyond.
  double SlopeAt(double y) const;
  /// A box read on `image` in the crop's pixels: its centre taken back, its size kept.
  Box ToCrop(const Box& levelled) const;
};

/// `crop` levelled when its rows slope by at least `minDegrees` somewhere; else the crop as it is.
LevelledCrop LevelRows(const cv::Mat& crop, int lineH, double minDegrees);

}  // namespace suppcheck
