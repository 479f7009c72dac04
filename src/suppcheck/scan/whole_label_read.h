#pragma once
// The first pass of a scan: the photo prepared (geometry, light) and read whole by OCR, then read
// again inverted (light text on a dark label) or turned (a photo the wrong way round) when the
// first reading is poor, keeping the clearly better reading.

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

struct WholeLabelReading {
  PreparedImage prep;           ///< the working image the words were read on
  std::vector<OcrWord> words;   ///< in `prep`'s pixels
};

/// Passes "prepare", "page", "barcodes", "inverted", "turns" and "rules" of the timer.
WholeLabelReading ReadWholeLabel(const ScanContext& ctx, const cv::Mat& bgr, PassTimer& timer);

}  // namespace suppcheck
