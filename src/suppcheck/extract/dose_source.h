#pragma once
// How a nutrient's dose was obtained: the report's `basis` (spec/report.md).

#include <string_view>

namespace suppcheck {

enum class DoseSource {
  kUnknown,          ///< no dose (null in the report)
  kDeclared,         ///< printed as the nutrient itself ("magnesium 300 mg")
  kFromSaltMass,     ///< magnesium: computed from a salt's mass with its fraction (salts.json)
  kFromCompoundMass, ///< any nutrient: computed from a compound's mass (nutrients.json)
  kConverted,        ///< converted from IU (or DFE) with the factors of nutrients.json
};

/// The report's spelling; "" for kUnknown.
constexpr std::string_view DoseSourceName(DoseSource s) {
  switch (s) {
    case DoseSource::kDeclared: return "declared";
    case DoseSource::kFromSaltMass: return "from_salt_mass";
    case DoseSource::kFromCompoundMass: return "from_compound_mass";
    case DoseSource::kConverted: return "converted";
    case DoseSource::kUnknown: break;
  }
  return "";
}

}  // namespace suppcheck
