#pragma once
// Frames printed round a short text: a notification number "in a box". Tesseract's sparse page
// pass takes a closed frame for a picture and returns nothing of the text inside it (seed 91001:
// all four boxed numbers of 20 hard photos came back `missing` or `not_seen`, the print large
// and sharp). A person reads the box first; this finds the boxes so that their insides can be
// read as one line.

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/util/box.h"

namespace suppcheck {

/// The insides of the rectangular frames in `gray` (a working image: label upright, perspective
/// undone) that are shaped to hold one line of text, largest first, at most `maxFrames`; each
/// without the frame line's inner edge, so that a read of it sees the text alone.
/// `textHeight` is the label's typical glyph height in pixels (frames far smaller or taller than
/// a line of that print are no text frames).
std::vector<Box> FindTextFrames(const cv::Mat& gray, int textHeight, size_t maxFrames = 4);

}  // namespace suppcheck
