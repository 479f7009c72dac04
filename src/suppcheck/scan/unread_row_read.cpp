#include "suppcheck/scan/unread_row_read.h"

#include <algorithm>

#include "suppcheck/ocr/legal_line_search.h"
#include "suppcheck/scan/unread_print_rows.h"

namespace suppcheck {

void ReadNumberInUnreadRows(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                            NumberFinding& number) {
  // Each row as a band a glyph and a half high (as ReadNumberLineInBands enlarges it), a glyph
  // wider each way for the ends' slanted or faint strokes.
  std::vector<Box> bands;
  for (const Box& row : UnreadPrintRowsNearLegalText(prep, lines, ctx.models.vocabulary)) {
    const int pad = std::max(2, row.h / 4);
    const int x0 = std::max(0, row.x - row.h), y0 = std::max(0, row.y - pad);
    const int x1 = std::min(prep.gray.cols, row.right() + row.h), y1 = std::min(prep.gray.rows, row.bottom() + pad);
    if (x1 > x0 && y1 > y0) bands.push_back({x0, y0, x1 - x0, y1 - y0});
  }
  auto found = ReadNumberLineInBands(ctx.engine, prep, bands, ctx.models.vocabulary);
  if (!found) return;
  lines.push_back(std::move(found->line));
  number = FindNumberCandidates({lines.back()}, ctx.models.vocabulary).front();
  number.line = static_cast<int>(lines.size() - 1);
}

}  // namespace suppcheck
