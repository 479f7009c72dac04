#include "suppcheck/conclude.h"

#include "suppcheck/assess/age_profile.h"

namespace suppcheck {

std::vector<NutrientResult> ReadAndAssessNutrients(const std::vector<TextLine>& lines, const MagnesiumFacts& magnesium,
                                                   const Models& models, const std::string& profile) {
  std::vector<NutrientFacts> facts =
      ExtractNutrients(lines, models.nutrientNames, models.nutrients, models.vocabulary, models.rules.Limits());
  UseMagnesiumReading(facts, magnesium);
  const auto who = ProfileFromId(profile);
  return AssessNutrients(std::move(facts), models.nutrients, who ? *who : AgeProfile{});
}

void Conclude(ScanResult& r, const std::vector<TextLine>& lines, const Models& models, const std::string& profile,
              Registry* registry, const NumberFinding* number) {
  r.number = number ? *number : FindNotificationNumber(lines, models.vocabulary);
  r.magnesium = ExtractMagnesium(lines, models.vocabulary, models.rules.Limits());
  if (registry && r.number.number.valid()) r.registry = registry->Lookup(r.number.number.canonical);
  // What the photo showed decides whether an absence is a finding or a miss.
  r.coverage = DecideCoverage(lines, models.vocabulary, models.rules.Limits().maxUnitsPerDay, r.magnesium, r.number);
  ApplyCoverageToNumber(r.number, r.coverage);
  r.assessment = Assess(r.number, r.registry, r.magnesium, r.coverage, models.rules, profile);
  r.nutrients = ReadAndAssessNutrients(lines, r.magnesium, models, profile);
  r.ok = true;
}

ScanResult ScanText(const std::string& text, const std::string& name, const Models& models,
                    const std::string& profile, Registry* registry) {
  ScanResult r;
  r.file = name;
  r.lines = LinesFromText(text);
  Conclude(r, r.lines, models, profile, registry, nullptr);
  return r;
}

}  // namespace suppcheck
