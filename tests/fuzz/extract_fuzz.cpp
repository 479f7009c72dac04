// libFuzzer target: number finding, dose, salt and units-per-day extraction on any OCR text.
// Invariants: never crash; doses (magnesium and every other nutrient) are finite and not negative.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/nutrient_rows.h"
#include "suppcheck/scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const suppcheck::Models> models = [] {
    auto m = suppcheck::Models::Load(SUPPCHECK_SOURCE_MODELS_DIR);
    if (!m) std::abort();
    return *m;
  }();
  if (size > 20000) return 0;  // a label, not a book
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto lines = suppcheck::LinesFromText(text);
  suppcheck::FindNumberCandidates(lines, models->vocabulary);
  const auto m = suppcheck::ExtractMagnesium(lines, models->vocabulary, models->rules.Limits());
  for (const auto& v : {m.mgPerUnit, m.unitsPerDay, m.mgPerDay})
    if (v && (!std::isfinite(*v) || *v < 0)) std::abort();
  // Every vitamin and mineral: amounts finite and not negative, never per day without a unit.
  for (const auto& n : suppcheck::ExtractNutrients(lines, models->nutrientNames, models->nutrients, models->vocabulary,
                                                   models->rules.Limits())) {
    for (const auto& v : {n.perUnit, n.unitsPerDay, n.perDay, n.folicAcidUg, n.riPercentPrinted})
      if (v && (!std::isfinite(*v) || *v < 0)) std::abort();
    if (n.perDay && n.unit.empty()) std::abort();
  }
  suppcheck::MayHoldNumber(text, models->vocabulary);
  return 0;
}
