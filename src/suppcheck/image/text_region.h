#pragma once
// Where the text of a label lies in the layout-analysis copy: the region the working image is
// cropped to (background texture around a label costs OCR time and reads as noise).

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/image/glyph_layout.h"

namespace suppcheck {

/// The region holding `glyphs` (robust to a few stray ones), padded and clipped to `size`;
/// empty when unclear (too few glyphs).
cv::Rect TextRegion(const std::vector<cv::Rect>& glyphs, cv::Size size);

/// `across` (the region of the text running across) grown to hold a turned side panel beside it,
/// when enough of `g`'s glyphs in rows running down lie outside it or a block of turned text
/// stands partly or wholly outside it; to hold the rows running down beside such a block (a
/// panel's bold number line); and to hold whole every row running down that it keeps mostly but
/// cuts (a panel's lines reaching below the text across).
cv::Rect WithTurnedPanel(const cv::Rect& across, const Glyphs& g, cv::Size size);

/// `region` grown to hold whole every row of `g` running across that it keeps mostly but cuts
/// (a front's large title reaching past the small print's right edge).
cv::Rect WithWholeRowsAcross(const cv::Rect& region, const Glyphs& g, cv::Size size);

}  // namespace suppcheck
