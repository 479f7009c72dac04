#include "suppcheck/scan/legal_text_reread.h"

#include "suppcheck/conclude.h"
#include "suppcheck/extract/coverage.h"
#include "suppcheck/scan/line_reread.h"

namespace suppcheck {

namespace {

// More cue lines than this and the legal text was read in full or not at all: the cues of a
// side panel are the address, the lot and the date, a line or two each.
constexpr size_t kMaxCueLines = 4;

}  // namespace

void ReReadLegalCueLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                         ScanResult& r, PassTimer& timer) {
  if (r.number.number.status != NumberStatus::NotSeen || r.coverage.legalText) return;
  const std::vector<size_t> cues = LegalTextLines(lines, ctx.models.vocabulary);
  if (cues.empty() || cues.size() > kMaxCueLines) return;
  for (const size_t i : cues) {
    TextLine copy = lines[i];
    if (!ReReadLine(ctx, prep, copy, /*force=*/true)) continue;
    std::vector<TextLine> trial = lines;
    trial[i] = copy;
    if (!DecideCoverage(trial, ctx.models.vocabulary, r.magnesium, r.number).legalText) continue;
    lines = std::move(trial);
    Conclude(r, lines, ctx.models, ctx.options.profile, ctx.registry, &r.number);
    break;
  }
  timer.Mark("legal-lines");
}

}  // namespace suppcheck
