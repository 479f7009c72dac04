#pragma once
// How much of an OCR result can be trusted as text, to choose between two readings of the same
// pixels (upright or turned, inverted or not).

#include <vector>

#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// Letters and digits in confident words of three or more of them: garbage read from noise or
/// from text at the wrong angle is short and unsure, so it scores little.
double Readability(const std::vector<OcrWord>& words);

/// Mean Tesseract confidence of the words (0 for none).
double MeanConfidence(const std::vector<OcrWord>& words);

}  // namespace suppcheck
