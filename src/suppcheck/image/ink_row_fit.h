#pragma once
// One row of text out of a band that may hold parts of its neighbours. On tight legal text the
// boxes of the page-level read overlap the lines above and below (a box drawn round the number,
// a line that runs askew, the address right above it, two rows merged into one line): a band
// cut from those boxes held half of the address line or all of it, and every read of it read
// that line instead (the products of seeds 7311 and 7401: the number unreadable where a person
// reads it at once).

#include <opencv2/core.hpp>

#include "suppcheck/util/box.h"

namespace suppcheck {

/// Fits the band rows [y0, y1) of `gray` (8-bit working image) to the text row with the most ink
/// in the columns of `base`, or to the row printed in a box (a rule right above and below it,
/// however narrower than `base` the box is): the band keeps that row with the gap rows around it (a third of its
/// height at most), not a frame's edge or the neighbouring lines, and its right end `x1` moves
/// left to where a gap wider than two and a half rows follows the row's last ink. Light print on
/// a dark ground is handled. Leaves the band as it is when there is no contrast or no row tall
/// enough to be a line of text.
void FitBandToInkRow(const cv::Mat& gray, const Box& base, int& x1, int& y0, int& y1);

}  // namespace suppcheck
