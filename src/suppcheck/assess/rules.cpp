#include "suppcheck/assess/rules.h"

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "suppcheck/extract/dose_checks.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

std::string_view LevelName(Level l) {
  switch (l) {
    case Level::WithinNoael: return "within_noael";
    case Level::AboveNoael: return "above_noael";
    case Level::NoMagnesium: return "no_magnesium";
    case Level::Unknown: return "unknown";
  }
  return "unknown";
}

Expected<Rules> Rules::Load(const std::filesystem::path& dir) {
  const auto path = dir / "rules.json";
  std::ifstream in(path);
  if (!in) return MakeError("missing_models", "cannot read " + path.string());
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) return MakeError("missing_models", path.string() + " is not valid JSON");
  Rules r;
  try {
    // Read in the file's order, so that a missing key is named as before.
    ExtractionLimits& l = r.extraction;
    r.referenceIntakeMg = l.referenceIntakeMg = j.at("reference_intake_mg").at("value").get<double>();
    l.riTolerancePoints = j.at("ri_tolerance").at("percent_points").get<double>();
    l.riToleranceRelative = j.at("ri_tolerance").at("relative").get<double>();
    l.riReadingTolerancePoints = j.at("ri_reading_tolerance").at("percent_points").get<double>();
    l.riReadingToleranceRelative = j.at("ri_reading_tolerance").at("relative").get<double>();
    l.otherReferenceIntakesMg = j.at("other_reference_intakes_mg").at("values").get<std::vector<double>>();
    l.doseAgreement = j.at("dose_agreement").at("relative").get<double>();
    l.saltFractionTolerance = j.at("salt_fraction_tolerance").at("relative").get<double>();
    r.belgianMaxMg = j.at("belgian_max_mg").at("value").get<double>();
    r.toxicMg = j.at("toxic_mg").at("value").get<double>();
    r.singleIntakeMg = j.at("single_intake_mg").at("value").get<double>();
    l.implausibleTimesLimit = j.at("implausible_nutrient_amount").at("times_highest_limit").get<double>();
    l.unsureAmountConfidence = j.at("unsure_nutrient_amount").at("below_confidence").get<double>();
    l.maxMgPerUnit = j.at("sanity").at("max_mg_per_unit").get<double>();
    l.maxUnitsPerDay = j.at("sanity").at("max_units_per_day").get<double>();
    for (const auto& [id, p] : j.at("profiles").items()) {
      Profile prof;
      prof.id = id;
      prof.label = p.at("label").get<std::string>();
      if (!p.at("noael_mg").is_null()) prof.noaelMg = p.at("noael_mg").get<double>();
      r.profiles[id] = prof;
      // The title check's cut-digit case (extract/extraction_limits.h) only above every profile's level.
      if (prof.noaelMg && (std::isinf(l.cutTitleDoseAboveMg) || *prof.noaelMg > l.cutTitleDoseAboveMg))
        l.cutTitleDoseAboveMg = *prof.noaelMg;
    }
  } catch (const std::exception& e) {
    return MakeError("missing_models", path.string() + " is malformed: " + e.what());
  }
  if (!r.profiles.count("adult")) return MakeError("missing_models", path.string() + " has no 'adult' profile");
  return r;
}

namespace {

std::string Mg(double v) { return MgText(v); }

void Flag(Assessment& a, const std::string& f, const std::string& message) {
  a.flags.push_back(f);
  a.messages.push_back(message);
}

// A daily amount read: its level for the profile, and the Belgian maximum and the toxic range.
void AssessDailyAmount(double day, const MagnesiumFacts& mg, const Profile& profile, const Rules& rules,
                       Assessment& a) {
  const std::string amount = Mg(day) + " magnesium a day from this product";
  if (!profile.noaelMg) {
    a.level = Level::Unknown;
    Flag(a, "no_upper_level_for_age", "EFSA has set no safe upper level for magnesium from supplements for " +
                                          profile.label + "; " + amount +
                                          " should only be given on the advice of a doctor or pharmacist.");
  } else if (day > *profile.noaelMg) {
    a.level = Level::AboveNoael;
    Flag(a, "above_noael", amount + " is above the " + Mg(*profile.noaelMg) +
                               " a day that EFSA sets as the safe upper level for supplements (" + profile.label +
                               "); more can cause diarrhoea.");
  } else {
    a.level = Level::WithinNoael;
    a.messages.push_back(amount + " is within the " + Mg(*profile.noaelMg) +
                         " a day that EFSA sets as the safe upper level for supplements (" + profile.label +
                         "). Supplements taken together add up.");
  }
  if (day > rules.belgianMaxMg)
    Flag(a, "above_belgian_max", "It is also above " + Mg(rules.belgianMaxMg) +
                                     " a day, the most a supplement may provide in Belgium.");
  if (day > rules.toxicMg)
    Flag(a, "toxic_range", Mg(day) + " a day is in the toxic range (above " + Mg(rules.toxicMg) +
                               "); do not take it without a doctor.");
  if (mg.basis == DoseSource::kFromSaltMass && mg.mgPerDayRange)
    a.messages.push_back("The label gives only the mass of the magnesium salt; the elemental magnesium was "
                         "computed from the salt's magnesium content: " +
                         Mg(mg.mgPerDayRange->first) + " to " + Mg(mg.mgPerDayRange->second) +
                         " a day depending on its hydrate form (the higher value is used).");
}

// The level of the magnesium dose, or why there is none (not shown, not present, not readable).
void AssessDose(const MagnesiumFacts& mg, const Coverage& coverage, const Profile& profile, const Rules& rules,
                Assessment& a) {
  if (!mg.present && !coverage.ShowsComposition()) {
    a.level = Level::Unknown;
    a.messages.push_back("This photo does not show the ingredient list or the nutrient table, so whether the product "
                         "contains magnesium cannot be told: photograph the side with the ingredients.");
  } else if (!mg.present) {
    a.level = Level::NoMagnesium;
    a.messages.push_back("No magnesium was found among the active ingredients.");
  } else if (!mg.mgPerDay && !mg.doseProblems.empty()) {
    a.level = Level::Unknown;
    a.messages.push_back("Magnesium is an ingredient, but its dose is not reported because what the label says "
                         "does not add up: " + Join(mg.doseProblems, "; ") +
                         ". Read the dose on the label yourself, or photograph it closer.");
  } else if (!mg.mgPerDay) {
    a.level = Level::Unknown;
    if (mg.mgPerUnit)
      a.messages.push_back("Magnesium is an ingredient (" + Mg(*mg.mgPerUnit) + " per unit), but how many units a day " +
                           (coverage.directions ? "could not be read."
                                                : "was not found on this photo: photograph the directions, or read "
                                                  "them on the label."));
    else
      a.messages.push_back(coverage.dose || coverage.nutrientTable
                               ? "Magnesium is an ingredient, but its dose could not be read."
                               : "Magnesium is named, but this photo does not show its dose: photograph the side "
                                 "with the nutrient table.");
  } else {
    AssessDailyAmount(*mg.mgPerDay, mg, profile, rules, a);
  }
}

// What the dose read says beyond its level: one unit above a single intake, a printed % RI that
// does not fit the amount.
void AssessDoseRemarks(const MagnesiumFacts& mg, const Rules& rules, Assessment& a) {
  if (mg.mgPerUnit && *mg.mgPerUnit > rules.singleIntakeMg)
    a.messages.push_back("One unit holds " + Mg(*mg.mgPerUnit) + "; EFSA advises against more than " +
                         Mg(rules.singleIntakeMg) + " of magnesium at one time: spread the intake.");
  if (mg.riMismatch) {
    const auto [printed, amount] = *mg.riMismatch;
    const long expected = std::lround(amount / rules.referenceIntakeMg * 100);
    Flag(a, "ri_mismatch", "The label prints " + std::to_string(std::lround(printed)) +
                               " % of the reference intake next to " + Mg(amount) + ", but " + Mg(amount) + " is " +
                               std::to_string(expected) + " % of " + Mg(rules.referenceIntakeMg) +
                               ": the label or its reading is wrong.");
  }
}

// The notification number: missing, invalid, unreadable or not in the registry.
void AssessNumber(const NumberFinding& number, const RegistryAnswer& registry, Assessment& a) {
  const NotificationNumber& n = number.number;
  if (n.status == NumberStatus::NotSeen) {
    // Not a flag: nothing is wrong with the product as far as the photo goes; it asks for another photo.
    a.messages.push_back("No notification number on this photo, but the photo does not show the side where it "
                         "usually stands: the number usually stands near the lot and the producer's address: "
                         "photograph that side.");
  } else if (n.status == NumberStatus::Missing) {
    Flag(a, "number_missing", "No Belgian notification number (NUT, PL or AS) was found on the label. That alone "
                              "does not prove the product is illegal: the number must also be on the sales documents, "
                              "and packs sold in several countries may not print it. Advice (from the consumer press): "
                              "a supplement without a notification number is better not taken.");
  } else if (n.status == NumberStatus::Invalid) {
    std::string why;
    for (const auto& p : n.problems) why += (why.empty() ? "" : "; ") + p;
    Flag(a, "number_invalid", "The notification number '" + SanitizeUtf8(n.text) + "' is not in the right format: " +
                                  why + ".");
  } else if (n.status == NumberStatus::Unreadable) {
    // Not a finding against the product: the photo did not let the number be read for sure.
    if (!n.text.empty()) {
      a.messages.push_back("A notification number seems to stand on the label ('" + SanitizeUtf8(n.text) +
                           "') but it could not be read with confidence: photograph that line closer, in good light.");
    } else {
      // Nothing was read of it: the problem says what was there instead (unread lines or print
      // next to the lot or the address, a box).
      std::string message = "The notification number could not be checked: ";
      message.append(n.problems.empty() ? std::string("no number was read with confidence") : n.problems.front()).append(".");
      a.messages.push_back(std::move(message));
    }
  } else if (registry.status == RegistryStatus::NotListed) {
    Flag(a, "not_in_registry", "The notification number " + n.canonical + " is not in the registry (" +
                                   registry.source + "). " + std::string(kNotListedMeaning) +
                                   " Ask the pharmacist or the FPS Public Health.");
  } else if (registry.status == RegistryStatus::Error) {
    a.messages.push_back("The registry could not be checked: " + registry.error + ".");
  }
}

}  // namespace

Assessment Assess(const NumberFinding& number, const RegistryAnswer& registry, const MagnesiumFacts& mg,
                  const Coverage& coverage, const Rules& rules, const std::string& profileId) {
  Assessment a;
  const auto pit = rules.profiles.find(profileId);
  const Profile& profile = pit != rules.profiles.end() ? pit->second : rules.profiles.at("adult");
  a.noaelMg = profile.noaelMg;
  AssessDose(mg, coverage, profile, rules, a);
  AssessDoseRemarks(mg, rules, a);
  AssessNumber(number, registry, a);
  if (mg.present)
    a.messages.push_back("Ask a doctor or pharmacist before taking magnesium with kidney problems or with "
                         "other medicines.");
  return a;
}

bool IsFlagged(const Assessment& a) { return !a.flags.empty(); }

}  // namespace suppcheck
