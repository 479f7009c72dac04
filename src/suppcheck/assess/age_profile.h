#pragma once
// Whose limits apply: an EFSA age band (1-3, 4-6, 7-10, 11-14, 15-17, adult) and whether the
// person is pregnant or breastfeeding. Made from a --profile name (adult, child-4-10, child-1-3,
// pregnant, lactating) or from --age YEARS. EFSA sets its upper levels per band, so the band, not
// the exact age, picks the limit.

#include <optional>
#include <string>
#include <vector>

#include "suppcheck/util/expected.h"

namespace suppcheck {

enum class LifeStage { None, Pregnant, Lactating };

struct AgeProfile {
  std::string band = "adult";        ///< "1-3", "4-6", "7-10", "11-14", "15-17" or "adult"
  LifeStage stage = LifeStage::None;
  std::optional<double> ageYears;    ///< when given with --age
  /// The id models/rules.json knows (the magnesium verdict): the --profile name when one was
  /// given, "age-4-6" style for an age, "pregnant"/"lactating" for a stage.
  std::string rulesProfileId = "adult";

  /// "adults", "children aged 4 to 6", "pregnant women", "breastfeeding women aged 16".
  std::string Label() const;
};

/// The bands in order, youngest first.
const std::vector<std::string>& AgeBandIds();

/// The EFSA band for an age in whole or fractional years: "1-3" holds 1 <= age < 4, "adult" 18 and
/// over. An error for ages below 1 (EFSA has no band there) and for impossible ages.
Expected<std::string> AgeBandFor(double years);

/// Reads the text of --age: a number of years ("4", "2.5", "2,5"). An error naming the text for
/// anything else (empty, letters, negative, not finite).
Expected<double> ParseAgeYears(const std::string& text);

/// The profile for a --profile name. child-4-10 spans two EFSA bands (4-6 and 7-10); it uses the
/// 4-6 band, whose limits are the lower ones, so no child of 4 to 10 gets a limit too high.
Expected<AgeProfile> ProfileFromName(const std::string& name);

/// The profile for --age YEARS, pregnant or breastfeeding when stage says so (only from 11 years).
Expected<AgeProfile> ProfileFromAge(double years, LifeStage stage);

/// Back from AgeProfile::rulesProfileId (what ScannerOptions carries): a --profile name, or
/// "age-4-6" style. The exact age and a minor's band under pregnancy are not kept in the id.
Expected<AgeProfile> ProfileFromId(const std::string& id);

/// The named profiles --profile accepts, in the order --help lists them.
const std::vector<std::string>& ProfileNames();
/// The same names joined by `separator` ("adult|child-4-10|..."), for help and error texts.
std::string ProfileNamesJoined(const std::string& separator);
/// Whether `years` lies in the ages of a named age group (adult, child-4-10, child-1-3): --age
/// given with such a --profile must fit it. False for pregnant and lactating, which are no age group.
bool NamedAgeGroupFits(const std::string& name, double years);

}  // namespace suppcheck
