#include "suppcheck/scan/turned_composition.h"

#include <algorithm>

#include "suppcheck/conclude.h"
#include "suppcheck/ocr/turned_text_search.h"

namespace suppcheck {

namespace {

// A block holding this many lines already was read turned by the number's search.
constexpr int kLinesOfAReadBlock = 2;

int LinesInside(const std::vector<TextLine>& lines, const Box& block) {
  return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const TextLine& l) {
    const int cx = l.box.x + l.box.w / 2, cy = l.box.centerY();
    return !l.box.empty() && cx >= block.x && cx < block.right() && cy >= block.y && cy < block.bottom();
  }));
}

}  // namespace

void ReadTurnedComposition(const ScanContext& ctx, const PreparedImage& prep, const std::vector<OcrWord>& words,
                           const NumberFinding& number, std::vector<TextLine>& lines, ScanResult& r, PassTimer& timer) {
  if (r.coverage.ShowsComposition() || r.magnesium.present) return;
  bool added = false;
  for (const Box& block : UnreadInkRegions(prep.gray, words)) {
    if (CoversThePhoto(block, prep.gray.size())) continue;
    if (LinesInside(lines, block) >= kLinesOfAReadBlock) continue;
    const auto reading = ReadTurnedBlock(ctx.firstPass, prep, block);
    if (!reading) continue;
    for (TextLine& line : BuildLines(reading->words)) {
      line.box = ToParent(reading->region, line.box);
      for (auto& w : line.words) w.box = ToParent(reading->region, w.box);
      lines.push_back(std::move(line));
      added = true;
    }
  }
  if (added) Conclude(r, lines, ctx.models, ctx.options.profile, ctx.registry, &number);
  timer.Mark("turned-composition");
}

}  // namespace suppcheck
