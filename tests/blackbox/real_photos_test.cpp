// The real photos of ../shared/data/real, read as their README says. They are not in this
// repository; when ../shared is absent the whole test binary exits 77 (CTest: skipped).

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <filesystem>

#include "suppcheck/scanner.h"

using namespace suppcheck;
namespace fs = std::filesystem;

namespace {

const fs::path kReal = fs::path(SUPPCHECK_SOURCE_DIR) / ".." / "shared" / "data" / "real";

ScanResult Scan(const std::string& name) {
  static std::unique_ptr<Scanner> scanner = [] {
    auto models = Models::Load(SUPPCHECK_SOURCE_MODELS_DIR);
    auto s = Scanner::Create(*models, ScannerOptions{});
    if (!s) throw std::runtime_error(s.error().message);
    return std::move(*s);
  }();
  return scanner->ScanFile(kReal / name);
}

}  // namespace

int main(int argc, char** argv) {
  if (!fs::is_directory(kReal)) {
    std::fprintf(stderr, "skipped: %s is absent\n", kReal.c_str());
    return 77;
  }
  return Catch::Session().run(argc, argv);
}

TEST_CASE("US multivitamin: 100 mg magnesium oxide, one tablet a day, no Belgian number", "[real]") {
  for (const char* name : {"us-multivitamin-panel.jpg", "us-multivitamin-bottle.jpg"}) {
    INFO(name);
    const ScanResult r = Scan(name);
    REQUIRE(r.ok);
    CHECK(r.number.number.status == NumberStatus::Missing);
    CHECK(r.magnesium.present);
    CHECK(r.magnesium.salts == std::vector<std::string>{"oxide"});
    REQUIRE(r.magnesium.mgPerDay);
    CHECK(*r.magnesium.mgPerDay == Approx(100));
    CHECK(r.assessment.level == Level::WithinNoael);
    // Calcium 200 mg, chloride 72 mg, potassium 80 mg are decoys: none of them is the dose.
    CHECK(*r.magnesium.mgPerUnit == Approx(100));
  }
}

TEST_CASE("German tube front: magnesium, no readable dose, nothing invented", "[real]") {
  const ScanResult r = Scan("de-magnesium-tube-front.jpg");
  REQUIRE(r.ok);
  CHECK(r.number.number.status == NumberStatus::Missing);
  CHECK_FALSE(r.magnesium.mgPerDay);
  CHECK((r.assessment.level == Level::Unknown || r.assessment.level == Level::NoMagnesium));
}
