#pragma once
// The project's real models/ folder, loaded once for tests.

#include "support/test_paths.h"
#include "suppcheck/models.h"

namespace suppcheck::test {

inline const Models& TestModels() {
  static const std::shared_ptr<const Models> models = [] {
    auto m = Models::Load(suppcheck::test::SourceModelsDir());
    if (!m) throw std::runtime_error(m.error().message);
    return *m;
  }();
  return *models;
}

}  // namespace suppcheck::test
