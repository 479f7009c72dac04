// The real photos of ../shared/data/real, read as their README says. They are not in this
// repository; when ../shared is absent the whole test binary exits 77 (CTest: skipped).

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "suppcheck/extract/coverage.h"
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

// The README's truth says "notification: missing" (a US product has no Belgian number). The photos
// show the facts panel, the ingredients and (on the whole bottle) the distributor's address, but
// no lot and no date: not the two cues of the legal text that `missing` needs, so `not_seen`.
TEST_CASE("US multivitamin: 100 mg magnesium oxide, one tablet a day, no Belgian number", "[real]") {
  for (const char* name : {"us-multivitamin-panel.jpg", "us-multivitamin-bottle.jpg"}) {
    INFO(name);
    const ScanResult r = Scan(name);
    REQUIRE(r.ok);
    CHECK(r.number.number.status == NumberStatus::NotSeen);
    CHECK(r.coverage.ingredients);
    CHECK(r.coverage.nutrientTable);
    CHECK(r.coverage.directions);
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
  CHECK(r.number.number.status == NumberStatus::NotSeen);  // a front: the legal text is on the back
  CHECK_FALSE(r.magnesium.mgPerDay);
  CHECK((r.assessment.level == Level::Unknown || r.assessment.level == Level::NoMagnesium));
}

// The nine small real photos of ../shared/data/real/thumbnails (fronts of multivitamin packs, a
// prenatal gummy jar, two nutrient panels): none shows the legal text, so none may claim the
// number is missing or advise against the product; none shows an ingredient list with
// magnesium, so none may claim magnesium is there. Each says what to photograph next.
TEST_CASE("thumbnails: no false absence, and what to photograph next", "[real][coverage]") {
  const fs::path dir = kReal / "thumbnails";
  std::ifstream truthFile(dir / "truth.jsonl");
  REQUIRE(truthFile);
  int photos = 0;
  for (std::string line; std::getline(truthFile, line);) {
    if (line.empty()) continue;
    const auto truth = nlohmann::json::parse(line);
    const std::string name = truth["file"];
    INFO(name);
    ++photos;
    const ScanResult r = Scan("thumbnails/" + name);
    REQUIRE(r.ok);
    CHECK(r.number.number.status != NumberStatus::Missing);
    CHECK(r.number.number.status != NumberStatus::Valid);  // none is Belgian
    CHECK(std::find(r.assessment.flags.begin(), r.assessment.flags.end(), "number_missing") == r.assessment.flags.end());
    for (const auto& m : r.assessment.messages) CHECK(m.find("better not taken") == std::string::npos);
    const auto present = MagnesiumPresence(r.magnesium, r.coverage);
    if (truth["magnesium"].is_null()) {
      CHECK_FALSE(present.has_value());
      CHECK(r.assessment.level == Level::Unknown);
    } else {
      CHECK(present != std::optional<bool>(true));  // the Supplement Facts panel without magnesium
    }
    CHECK_FALSE(r.magnesium.mgPerDay);
    CHECK_FALSE(StillToPhotograph(r.coverage, r.number, r.magnesium).empty());
  }
  CHECK(photos == 9);
}
