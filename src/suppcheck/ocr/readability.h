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

/// True when the page-level reading is clearly of upright text, so that reading the whole
/// photo turned round (seconds of OCR) cannot do better. Judged on the word-like words (three
/// or more letters or digits): the specks of a textured background are short words of low
/// confidence and say nothing about the text's orientation.
bool ClearlyUpright(const std::vector<OcrWord>& words);

/// True when a reading this readable (Readability) is of upright text whatever its words'
/// confidence: text read upside down or sideways never scored so much.
bool UprightByReadability(double readability);

}  // namespace suppcheck
