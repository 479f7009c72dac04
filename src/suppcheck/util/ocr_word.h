#pragma once
// One word as an OCR engine recognised it: the common currency of the OCR stage (ocr/), which
// produces words, and of the extraction (extract/text_lines), which groups them into lines.
// Neither stage depends on the other for it.

#include <string>

#include "suppcheck/util/box.h"

namespace suppcheck {

/// One recognised word in input-image pixels.
struct OcrWord {
  std::string text;
  float confidence = 0;  ///< 0-100 as Tesseract reports it
  Box box;
  int lineId = -1;  ///< the OCR engine's own line grouping, if any
};

}  // namespace suppcheck
