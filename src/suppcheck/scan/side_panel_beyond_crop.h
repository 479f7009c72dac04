#pragma once
// A side panel the crop to the text left out. A label warped flat by its outline is cut to the
// columns where its text runs across; a side panel turned a quarter, printed too small or too
// blurred for its glyphs to be found on the small copy the layout is analysed on, falls outside
// that cut, and the number on it was reported `not_seen` on photos where a person reads it (label
// seed 13579 phone-0023, "AS 3805/80" beside a barcode; 86420 hard-0033, 17320 hard-0031). When no
// number was found, the label is prepared once more with its whole width and the blocks of ink
// beyond the first working image are read turned.

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

/// `number` when it was found, or when `prep` (prepared from `bgr`, read as `words`) left no
/// strip of its label out. Otherwise the number found in the strip's turned blocks, verified there,
/// with its lines joining `lines` (boxes in `prep`'s pixels, clipped to its working image; the
/// number's own box is not clipped: it is mapped to the photo for the report). Pass
/// "side-panel" of the timer, when it runs.
NumberFinding ReadSidePanelBeyondCrop(const ScanContext& ctx, const cv::Mat& bgr, const PreparedImage& prep,
                                      const std::vector<OcrWord>& words, std::vector<TextLine>& lines,
                                      const NumberFinding& number, PassTimer& timer);

}  // namespace suppcheck
