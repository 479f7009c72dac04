#pragma once
// After the first conclusion: when the magnesium reading is incomplete (no daily dose, no salt),
// the lines it would come from are read again enlarged and the result concluded again.

#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/scan_result.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

/// Magnesium without a complete daily dose: the dose and directions lines read with doubt are
/// read again; `r` is concluded again when one changed. Pass "dose-lines" of the timer.
void ReReadDoseLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines, ScanResult& r,
                     PassTimer& timer);

/// Magnesium named but no salt: the lines naming magnesium are read again with room at both
/// ends; the first re-read that names a salt is kept and `r` concluded again. Pass "salt-lines".
void ReReadSaltLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines, ScanResult& r,
                     PassTimer& timer);

}  // namespace suppcheck
