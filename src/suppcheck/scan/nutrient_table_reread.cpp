#include "suppcheck/scan/nutrient_table_reread.h"

#include <algorithm>
#include <utility>

#include "suppcheck/conclude.h"
#include "suppcheck/extract/basis_phrases.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/image/region_render.h"
#include "suppcheck/scan/nutrient_header_reread.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// Lines naming a nutrient next to a digit that make a table worth reading again as a block.
constexpr int kMinTableRows = 3;

// Lines that name a nutrient next to a digit: a table's rows.
int NutrientRowCount(const std::vector<TextLine>& lines, const Models& models) {
  int rows = 0;
  for (const auto& line : lines) {
    const FoldedText ft = FoldForMatching(line.text);
    if (std::any_of(ft.text.begin(), ft.text.end(), IsAsciiDigit) && !models.nutrientNames.Find(ft.text).empty()) ++rows;
  }
  return rows;
}

}  // namespace

NutrientTableReading ReReadNutrientTable(const ScanContext& ctx, const PreparedImage& prep,
                                         const std::vector<TextLine>& lines) {
  Box region;
  int rows = 0, lineH = 0;
  for (const auto& line : lines) {
    if (line.box.empty()) continue;
    const FoldedText ft = FoldForMatching(line.text);
    const auto names = ctx.models.nutrientNames.Find(ft.text);
    if (std::none_of(ft.text.begin(), ft.text.end(), IsAsciiDigit) || names.empty()) continue;
    // The names and the percentages, not the whole line: OCR adds noise at a line's ends.
    std::vector<std::pair<size_t, size_t>> spans;
    for (const auto& m : names) spans.push_back({m.begin, m.end});
    for (const auto& p : FindPercents(ft.text)) spans.push_back({p.begin, p.end});
    for (const auto& [b, e] : spans) {
      const auto [ob, oe] = ft.OriginalRange(b, e);
      const Box box = line.BoxOf(ob, oe);
      if (!box.empty()) region = region.empty() ? box : region.United(box);
    }
    // And the amounts: a table without a % column ("Pro Kapsel" only) has its amounts right of
    // every name, and a region of names alone cut them off (clean-0005 of seed 61250).
    for (const auto& w : line.words)
      if (!w.box.empty() && std::any_of(line.text.begin() + static_cast<long>(w.begin),
                                        line.text.begin() + static_cast<long>(w.end), IsAsciiDigit))
        region = region.empty() ? w.box : region.United(w.box);
    lineH = std::max(lineH, line.box.h);
    ++rows;
  }
  if (rows < kMinTableRows || region.empty()) return {};
  NutrientTableReading out;
  out.header = ReReadNutrientTableHeader(ctx, prep, lines, region, lineH);
  region = PadBox(region, lineH / 2, lineH, prep.gray.size());
  if (region.empty()) return out;
  // Table print is often the label's smallest: read it at the re-reads' detail.
  const double f = prep.detailFactor;
  const cv::Mat crop = RenderRegion(prep, region, f);
  ctx.Debug("7-nutrient-table", crop);
  const auto read = [&](const cv::Mat& image) {
    std::vector<OcrWord> words = ctx.firstPass.Recognize(image, PageMode::SingleBlock);
    for (auto& w : words) w.box = FromRendered(w.box, region, f);
    return RowsOfTableReading(BuildLines(words), ctx.models);
  };
  out.rows = read(crop);
  // A boxed table's grid can make Tesseract's block segmentation lose the rows: the ten rows of
  // multivitamin-clean-0007 of tuning seed 52907 came back as "Beacrotne mg" alone. When the
  // block read fewer than half the rows the first pass did, it is read again with the table's
  // rules erased, and that reading kept when it has more rows. Not always: on the US panel of
  // ../shared/data/real, ruled between its rows, erasing cut digits touching the rules ("150 mcg"
  // of iodine read "15 mcg" on the bottle photo).
  if (2 * NutrientRowCount(out.rows, ctx.models) < rows) {
    const int renderedLineH = static_cast<int>(lineH * f);
    const cv::Mat erased = EraseTableRules(crop, renderedLineH);
    ctx.Debug("7-nutrient-table-erased", erased);
    std::vector<TextLine> again = read(erased);
    if (NutrientRowCount(again, ctx.models) > NutrientRowCount(out.rows, ctx.models)) out.rows = std::move(again);
  }
  return out;
}

std::vector<TextLine> RowsOfTableReading(std::vector<TextLine> block, const Models& models) {
  const double maxUnits = models.rules.Limits().maxUnitsPerDay;
  std::erase_if(block, [&](const TextLine& line) {
    const FoldedText ft = FoldForMatching(line.text);
    return !FindBasisPhrases(ft.text, models.vocabulary, maxUnits).empty() && models.nutrientNames.Find(ft.text).empty();
  });
  return block;
}

std::vector<TextLine> NutrientTableReading::All() const {
  std::vector<TextLine> all = header;
  all.insert(all.end(), rows.begin(), rows.end());
  return all;
}

std::vector<TextLine> WithTableReading(const std::vector<TextLine>& lines, const NutrientTableReading& table) {
  std::vector<TextLine> all = lines;
  for (const TextLine& h : table.header) {
    auto below = std::find_if(all.begin(), all.end(), [&](const TextLine& l) {
      return !l.box.empty() && l.box.centerY() > h.box.centerY();
    });
    all.insert(below, h);
  }
  all.insert(all.end(), table.rows.begin(), table.rows.end());
  return all;
}

bool ConcludeWithTableHeader(ScanResult& r, const std::vector<TextLine>& lines, const NutrientTableReading& table,
                             const Models& models, const std::string& profile, Registry* registry) {
  if (table.header.empty()) return false;
  NutrientTableReading headerOnly;
  headerOnly.header = table.header;
  const std::vector<TextLine> withHeader = WithTableReading(lines, headerOnly);
  const MagnesiumFacts m = ExtractMagnesium(withHeader, models.vocabulary, models.rules.Limits());
  if (m.mgPerUnit == r.magnesium.mgPerUnit && m.mgPerDay == r.magnesium.mgPerDay &&
      m.doseProblems == r.magnesium.doseProblems)
    return false;
  Conclude(r, withHeader, models, profile, registry, &r.number);
  return true;
}

}  // namespace suppcheck
