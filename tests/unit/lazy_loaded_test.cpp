// A model loaded on first use (util/lazy_loaded.h): not at construction, once, and a model that
// does not load is not tried again on every photo.

#include <catch2/catch.hpp>

#include "suppcheck/ocr/number_check_model.h"
#include "suppcheck/util/lazy_loaded.h"

using namespace suppcheck;

TEST_CASE("a lazily loaded model is loaded on the first Get, once", "[util]") {
  int loads = 0;
  LazyLoaded<int> model([&] {
    ++loads;
    return std::make_unique<int>(7);
  });
  CHECK(loads == 0);
  REQUIRE(model.Get() != nullptr);
  CHECK(*model.Get() == 7);
  CHECK(model.Get() == model.Get());
  CHECK(loads == 1);
}

TEST_CASE("a model that does not load is tried once and stays null", "[util]") {
  int loads = 0;
  LazyLoaded<TesseractEngine> model([&] {
    ++loads;
    return LoadNumberCheckModel("/nonexistent-models-dir");
  });
  CHECK(model.Get() == nullptr);
  CHECK(model.Get() == nullptr);
  CHECK(loads == 1);
}
