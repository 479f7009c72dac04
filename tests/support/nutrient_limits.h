#pragma once
// The project's real models/nutrients.json, loaded once for tests.

#include "support/test_paths.h"
#include <stdexcept>

#include "suppcheck/assess/nutrient_limits.h"

namespace suppcheck::test {

inline const NutrientLimits& TestNutrientLimits() {
  static const NutrientLimits limits = [] {
    auto l = NutrientLimits::Load(suppcheck::test::SourceModelsDir());
    if (!l) throw std::runtime_error(l.error().message);
    return *l;
  }();
  return limits;
}

}  // namespace suppcheck::test
