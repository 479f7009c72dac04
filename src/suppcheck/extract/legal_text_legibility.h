#pragma once
// Whether the legal text of a photo was read well enough to say that no number stands in it.
// `missing` tells a person the product has no notification number and is better not taken: a
// photo whose lot and address lines were found among lines OCR could not read (blur, curvature,
// glare) does not show that. The number may be one of the unread lines.

#include <string>
#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

/// The unread lines in the neighbourhood of the legal-text lines (lot, best-before, address):
/// lines with digits that OCR read with low confidence, in the same column within a few line
/// heights; garbled lines of any characters standing between two legal lines; and legal lines
/// themselves read as guesswork (a number line may be merged into them). Empty when the legal
/// text was read cleanly, or for text without OCR confidences.
std::vector<size_t> UnreadLinesNearLegalText(const std::vector<TextLine>& lines, const Vocabulary& vocab);

/// `box` (text of about a line's height) stands in the block of small print around a legal-text
/// line: same column, within a few lines above or below.
bool NearLegalText(const std::vector<TextLine>& lines, const Box& box, const Vocabulary& vocab);

}  // namespace suppcheck
