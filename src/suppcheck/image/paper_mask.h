#pragma once
// The label's paper when it lies on a textured background (a tablecloth, a wooden table): which
// pixels to keep, and the texture around them painted out in the paper's grey. Tesseract reads a
// textured background as words of noise, slowly (a sparse page read of a photo with a tablecloth
// around the label took 4-12 s of its 5-19 s); those words hide a turned side panel from the pass
// that looks for unread ink; and the texture's specks pull the skew and the small print's height
// away from the label's own.

#include <opencv2/core.hpp>

#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/image/label_outline.h"

namespace suppcheck {

/// A mask of `size` (255 = keep) for the label's pale `panel` (FindBrightPanel) and the rows of
/// text among `glyphs` (found on the same image): the panel's outline and every row of text
/// inside the panel's box (a dark band along the label's edge is not bright).
cv::Mat PaperMask(const BrightPanel& panel, const Glyphs& glyphs, cv::Size size);

/// Paints `gray` where `mask` is 0 in the median grey of the pixels where it is not.
/// Returns that grey (-1 when the mask is empty and nothing was painted).
int PaintOutsideMask(cv::Mat& gray, const cv::Mat& mask);

}  // namespace suppcheck
