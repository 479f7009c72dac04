#pragma once
// The composition of a label printed at 90 degrees to its legal text: a long front whose name,
// ingredients and dose run along its length, its address, lot and number across the top (label
// seed 13579 hard-0029). The page pass read the upright legal text and found the number, so the
// turned-block pass (which looks for a number) never ran, and the report said the photo did not
// show the ingredients, on a photo where a person turns their head and reads them.

#include <vector>

#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/scan_result.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

/// When `r` (concluded on `lines`) saw neither an ingredient list nor a nutrient table, the blocks
/// of ink the page pass left unread (`words`) that no line read turned covers already are read a
/// quarter turned; their lines join `lines` (in `prep`'s pixels) and `r` is concluded again with
/// `number`, the number found before. Pass "turned-composition" of the timer.
void ReadTurnedComposition(const ScanContext& ctx, const PreparedImage& prep, const std::vector<OcrWord>& words,
                           const NumberFinding& number, std::vector<TextLine>& lines, ScanResult& r, PassTimer& timer);

}  // namespace suppcheck
