#pragma once
// The assessment of a label: thresholds from models/rules.json (never from code), applied to
// what extraction found. Produces the `assessment` object of the report contract.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "suppcheck/extract/coverage.h"
#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

struct Profile {
  std::string id;      ///< "adult", "child-1-3", ...
  std::string label;   ///< "adults"
  std::optional<double> noaelMg;  ///< none for children aged 1-3
};

/// Every number comes from models/rules.json (Load fails when one is missing); none is written here.
struct Rules {
  double referenceIntakeMg = 0;
  double belgianMaxMg = 0;
  double toxicMg = 0;
  double singleIntakeMg = 0;
  std::map<std::string, Profile> profiles;
  /// The bounds and tolerances the dose extraction uses (the reference intake among them).
  ExtractionLimits extraction;

  static Expected<Rules> Load(const std::filesystem::path& modelsDir);
  const ExtractionLimits& Limits() const { return extraction; }
};

enum class Level { WithinNoael, AboveNoael, NoMagnesium, Unknown };
std::string_view LevelName(Level l);

struct Assessment {
  Level level = Level::Unknown;
  std::optional<double> noaelMg;
  std::vector<std::string> flags;
  std::vector<std::string> messages;
};

/// `coverage` says what the photo(s) showed: without an ingredient list or nutrient table the
/// level is `unknown`, not `no_magnesium`; a number `not_seen` is no flag (it asks for a photo).
Assessment Assess(const NumberFinding& number, const RegistryAnswer& registry, const MagnesiumFacts& mg,
                  const Coverage& coverage, const Rules& rules, const std::string& profile);

/// Flags that make the run's exit status 1.
bool IsFlagged(const Assessment& a);

}  // namespace suppcheck
