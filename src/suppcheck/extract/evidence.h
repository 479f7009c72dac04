#pragma once
// A value's evidence: the line of the label it was read from, as a person would read it, and
// its box on the photo.

#include <string>
#include <string_view>
#include <vector>

#include "suppcheck/util/box.h"

namespace suppcheck {

/// What a line stands as evidence for (the report's evidence `role`).
enum class EvidenceRole { kDose, kSalt, kUnitsPerDay };

/// The report's spelling: "dose", "salt", "units_per_day".
constexpr std::string_view EvidenceRoleName(EvidenceRole role) {
  switch (role) {
    case EvidenceRole::kSalt: return "salt";
    case EvidenceRole::kUnitsPerDay: return "units_per_day";
    case EvidenceRole::kDose: break;
  }
  return "dose";
}

struct Evidence {
  std::string text;
  Box box;  ///< empty without OCR geometry
  EvidenceRole role = EvidenceRole::kDose;
  std::string file = {};  ///< the photo the box belongs to, for a product of several photos (empty: the result's file)
};

/// One evidence entry per line and role: adds the line unless it already stands for `role`.
inline void AddEvidenceOnce(std::vector<Evidence>& evidence, const std::string& text, const Box& box,
                            EvidenceRole role) {
  for (const auto& e : evidence)
    if (e.text == text && e.role == role) return;
  evidence.push_back({text, box, role});
}

}  // namespace suppcheck
