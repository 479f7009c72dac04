#include "suppcheck/scan/magnesium_rereads.h"

#include "suppcheck/conclude.h"
#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/scan/line_reread.h"

namespace suppcheck {

namespace {

// A dose or directions line read at least this confidently is not read again for the dose.
constexpr float kDoseLineSureConfidence = 93;

}  // namespace

void ReReadDoseLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines, ScanResult& r,
                     PassTimer& timer) {
  // The lines that matter may have been misread (a garbled "per capsule", "drie" read as "dre").
  if (!r.magnesium.present || (r.magnesium.mgPerDay && r.magnesium.unitsPerDay)) return;
  bool changed = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].MeanConfidenceOf(0, lines[i].text.size()) >= kDoseLineSureConfidence) continue;
    if (!IsDoseOrDirectionsLine(lines[i].text, ctx.models.vocabulary)) continue;
    changed |= ReReadLine(ctx, prep, lines[i]);
  }
  if (changed) Conclude(r, lines, ctx.models, ctx.options.profile, ctx.registry, &r.number);
  timer.Mark("dose-lines");
}

void ReReadSaltLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines, ScanResult& r,
                     PassTimer& timer) {
  // The salt often follows on a curved ingredients line that the first pass split or dropped
  // ("Calcium Carbonate, Magnesium | Oxide, ..."); keep a re-read only if it names one.
  if (!r.magnesium.present || !r.magnesium.salts.empty()) return;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!MayNameMagnesiumSalt(lines[i].text, ctx.models.vocabulary)) continue;
    TextLine copy = lines[i];
    if (!ReReadLine(ctx, prep, copy, /*force=*/true)) continue;
    std::vector<TextLine> trial = lines;
    trial[i] = copy;
    const MagnesiumFacts facts = ExtractMagnesium(trial, ctx.models.vocabulary, ctx.models.rules.Limits());
    if (facts.salts.empty()) continue;
    lines = std::move(trial);
    Conclude(r, lines, ctx.models, ctx.options.profile, ctx.registry, &r.number);
    break;
  }
  timer.Mark("salt-lines");
}

}  // namespace suppcheck
