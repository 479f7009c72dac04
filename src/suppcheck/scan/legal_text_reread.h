#pragma once
// After the first conclusion: legal text read in part. `missing` needs two kinds of legal-text
// cue (extract/coverage.h); a photo of the side whose lot line lost its first letter to the
// first pass ("ot 6723/632 THT 10/2028": the date is one cue, the lot no longer the other)
// said `not_seen` where the same label in one photo said `missing` (products of seed 7311).

#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/scan_result.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

/// No number and no legal text, but a line or a few with one legal-text cue: each is read again
/// with room at both ends; the first re-read that makes the legal text read is kept and `r`
/// concluded again (the number `missing` unless unread lines stand beside the legal text, as
/// before). Pass "legal-lines" of the timer.
void ReReadLegalCueLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                         ScanResult& r, PassTimer& timer);

}  // namespace suppcheck
