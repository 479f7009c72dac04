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

/// True when `prep.gray` holds a row of glyphs (five or more, of the size of the small print,
/// not a barcode's bars) within a few lines of a legal-text line of `lines` (the address, the lot)
/// that no confidently read word covers. `lines` are in `prep.gray`'s pixels.
bool UnreadPrintNearLegalText(const PreparedImage& prep, const std::vector<TextLine>& lines, const Vocabulary& vocab);

}  // namespace suppcheck
