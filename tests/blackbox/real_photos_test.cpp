// The real photos of ../shared/data/real, read as their README says. They are not in this
// repository; when ../shared is absent the whole test binary exits 77 (CTest: skipped).

#define CATCH_CONFIG_RUNNER
#include "support/test_paths.h"
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "suppcheck/extract/coverage.h"
#include "suppcheck/scanner.h"

using namespace suppcheck;
namespace fs = std::filesystem;

namespace {

const fs::path kReal = fs::path(suppcheck::test::SourceDir()) / ".." / "shared" / "data" / "real";

ScanResult Scan(const std::string& name) {
  static std::unique_ptr<Scanner> scanner = [] {
    auto models = Models::Load(suppcheck::test::SourceModelsDir());
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

// The 29 rows of the US multivitamin's facts panel, transcribed by a person from
// ../shared/data/real/us-multivitamin-panel.jpg (amount per tablet; one tablet a day).
struct PanelRow {
  const char* id;
  double amount;
  const char* unit;
};
const PanelRow kPanelTruth[] = {
    {"vitamin_a", 1050, "µg"},      {"vitamin_c", 75, "mg"},        {"vitamin_d", 25, "µg"},
    {"vitamin_e", 15.7, "mg"},      {"vitamin_k", 50, "µg"},        {"thiamin", 1.1, "mg"},
    {"riboflavin", 1.1, "mg"},      {"niacin", 14, "mg"},           {"vitamin_b6", 2, "mg"},
    {"folate", 680, "µg"},          {"vitamin_b12", 6, "µg"},       {"biotin", 40, "µg"},
    {"pantothenic_acid", 15, "mg"}, {"calcium", 200, "mg"},         {"iron", 18, "mg"},
    {"phosphorus", 20, "mg"},       {"iodine", 150, "µg"},          {"magnesium", 100, "mg"},
    {"zinc", 8, "mg"},              {"selenium", 18, "µg"},         {"copper", 0.5, "mg"},
    {"manganese", 1.8, "mg"},       {"chromium", 32, "µg"},         {"molybdenum", 50, "µg"},
    {"chloride", 72, "mg"},         {"potassium", 80, "mg"},        {"silicon", 2, "mg"},
    {"vanadium", 10, "µg"},         {"tin", 10, "µg"},
};

double InMicrograms(double v, const std::string& unit) { return unit == "mg" ? v * 1000 : unit == "g" ? v * 1e6 : v; }

// Rows read right (amount and unit, per tablet and per day), and what went wrong, for the log.
int RowsRight(const ScanResult& r, std::string& wrong) {
  int right = 0;
  for (const auto& row : kPanelTruth) {
    const NutrientResult* n = nullptr;
    for (const auto& x : r.nutrients)
      if (x.facts.id == row.id) n = &x;
    const double want = InMicrograms(row.amount, row.unit);
    const bool ok = n && n->facts.perUnit && n->facts.perDay &&
                    std::abs(InMicrograms(*n->facts.perUnit, n->facts.unit) - want) <= 1e-6 * want &&
                    std::abs(InMicrograms(*n->facts.perDay, n->facts.unit) - want) <= 1e-6 * want;
    if (ok)
      ++right;
    else
      wrong += std::string(" ") + row.id;
  }
  return right;
}

TEST_CASE("US multivitamin: every vitamin and mineral of the panel, amount and unit", "[real][nutrients]") {
  // Issue 12's targets: 27 of the panel's 29 rows, 24 on the whole bottle photo.
  for (const auto& [name, least] : {std::pair{"us-multivitamin-panel.jpg", 27}, {"us-multivitamin-bottle.jpg", 24}}) {
    INFO(name);
    const ScanResult r = Scan(name);
    REQUIRE(r.ok);
    std::string wrong;
    const int right = RowsRight(r, wrong);
    std::printf("%s: %d of 29 nutrient rows right; not right:%s\n", name, right, wrong.c_str());
    CHECK(right >= least);
    // Nothing invented: every nutrient reported is named on the panel (beta-carotene is, as
    // "29% as beta-carotene" of vitamin A; on the bottle it is wrongly given an amount: open).
    for (const auto& n : r.nutrients) {
      INFO(n.facts.id);
      CHECK((n.facts.id == "beta_carotene" ||
             std::any_of(std::begin(kPanelTruth), std::end(kPanelTruth),
                         [&](const PanelRow& row) { return n.facts.id == row.id; })));
      for (const auto& e : n.facts.evidence)
        if (e.role == EvidenceRole::kDose) CHECK_FALSE(e.box.empty());
    }
    // Magnesium stays what the magnesium reading says.
    REQUIRE(r.magnesium.mgPerDay);
    CHECK(*r.magnesium.mgPerDay == Approx(100));
  }
}
