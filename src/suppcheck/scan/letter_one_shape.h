#pragma once
// A 1 that OCR read as a letter, told by its shape. Sans-serif fonts draw a 1 and a capital I
// alike to Tesseract: "Manganese Img", "Bore Img" for rows printed "1 mg" (multivitamin-phone-0033
// of the nutrient benchmark's seed 73519), in the first pass and the table's block reading both,
// and enlarged or cut out alone it still reads "Img". Such an amount is taken only where a % RI
// checks it (extract/nutrient_amount_read.cpp), and rows without one stayed unknown. But a 1 is
// drawn with a flag: its top reaches left of its stem and not right, where an I is a bar (or has
// serifs on both sides) and a table rule is a bar taller than the digits. That flag, measured on
// the glyph rendered from the photo, confirms the digit.

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/models.h"

namespace suppcheck {

/// Whether the leftmost glyph of `word` (8-bit grey, dark print on light paper, the glyph followed
/// by at least one lower-case glyph such as the m of "mg") is drawn as a 1: as tall as a digit
/// against the glyph after it (not a rule spanning the row), narrow, and with a flag at its top
/// that reaches left of its stem by half a stem width more than it reaches right.
bool LeftGlyphIsAOne(const cv::Mat& word);

/// In every line of `lines` (working pixels of `prep`) that names a nutrient, each amount read
/// with an I, l or i for its digit ("Img", "l mg", "img") whose glyph LeftGlyphIsAOne: the letter replaced
/// by the 1 it is (same length: the words' ranges hold). The number of letters replaced.
int RestoreOnesReadAsLetters(const PreparedImage& prep, const Models& models, std::vector<TextLine>& lines);

}  // namespace suppcheck
