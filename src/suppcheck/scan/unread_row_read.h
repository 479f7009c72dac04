#pragma once
// The number in a row of print beside the legal text that the page pass never turned into words
// (scan/unread_print_rows.h). Bold small print blurred by a phone's photo runs together into a
// few blobs ("NUT46/3" in two, seed 46021 phone-0002); the page pass takes that row and the
// barcode under it for one word "Ml", and the dropped-line bands (ocr/legal_line_search.h), one
// line high right above and below the legal lines, miss a row one line's leading away from the
// lot line, or inside an address line box two rows high ("Notificatie: NUT 2/5", phone-0019).
// Read on its own row, fitted to its glyphs, the same print reads at once.

#include <vector>

#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"

namespace suppcheck {

/// Reads each unread row of print beside the legal text of `lines` as one line and, at the first
/// that holds a notification number anchored on its categories, appends that line to `lines` and
/// sets `number` to it (its `line` that line's index). Leaves both as they are when none does.
/// For a number still missing after the other passes; its reading is to be verified as theirs.
void ReadNumberInUnreadRows(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                            NumberFinding& number);

}  // namespace suppcheck
