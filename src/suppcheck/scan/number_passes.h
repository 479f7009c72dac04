#pragma once
// The notification number of a photo, after the whole-label pass: found in its lines, then, when
// no clean number was found, looked for harder (short lines re-read enlarged, a line dropped under
// the address, blocks of text turned a quarter), and verified by independent re-reads of its line.

#include <vector>

#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

/// The number on the photo (status Missing when none). `lines` may gain lines (a dropped number
/// line, the lines of a turned block) and have a line replaced by its better re-read; `words`
/// are the whole-label pass's. Passes "number-lines", "dropped-line", "framed-line", "unread-rows",
/// "verify-number" and "turned-blocks" of the timer, each only when it runs.
NumberFinding ReadNotificationNumber(const ScanContext& ctx, const PreparedImage& prep,
                                     const std::vector<OcrWord>& words, std::vector<TextLine>& lines,
                                     PassTimer& timer);

/// The number in the blocks of ink the whole-label pass left unread (`words` read, in `prep`'s
/// pixels), each read turned a quarter either way and verified there; their lines join `lines`
/// (in `prep`'s pixels). `none` when no block holds one.
NumberFinding ReadTurnedBlocks(const ScanContext& ctx, const PreparedImage& prep, const std::vector<OcrWord>& words,
                               std::vector<TextLine>& lines, const NumberFinding& none);

/// A valid number read from a photo whose producer or product starts with a 0 ("NUT/PL 007/9")
/// becomes unreadable. The authority numbers with plain integers of one to four digits
/// (../shared/docs/domain.md §1.2; no source shows one padded), and a 0 there is a blurred 8, 6
/// or 9 read as one: "8387" read "007" on a turned side panel, every read agreeing (label seed
/// 13579 hard-0009). The `number` command judges typed text and keeps to the format alone.
void DoubtLeadingZero(NumberFinding& n);

}  // namespace suppcheck
