#pragma once
// Print beside the legal text that the OCR never turned into words. The page-level pass can drop
// a whole line: a boxed number whose frame the crop cut open, a number squeezed and blurred at a
// curved pack's edge tight under the address (seeds 25417 hard-0030, 81234 hard-0046). Nothing of
// it reaches the lines, so nothing there looks unread; yet a person sees a line of print where
// the number usually stands, and the photo does not show that the label has none.

#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/image/label_image.h"

namespace suppcheck {

/// The rows of glyphs of `prep.gray` (five letters or more, glyphs run together counted by their
/// width; of the size of the small print, not a barcode's bars or its digits) within a few lines
/// of a legal-text line of `lines` (the address, the lot) that no word read on that row covers,
/// each as its whole row's box. Not the rows a word of a legal-text line itself stands on (the
/// address, the lot: read, if only in part). `lines` are in `prep.gray`'s pixels, and so are the
/// rows.
std::vector<Box> UnreadPrintRowsNearLegalText(const PreparedImage& prep, const std::vector<TextLine>& lines,
                                              const Vocabulary& vocab);

/// True when there is such a row.
bool UnreadPrintNearLegalText(const PreparedImage& prep, const std::vector<TextLine>& lines, const Vocabulary& vocab);

}  // namespace suppcheck
