// One product from several photos (product/merge_results.h), on real scan results of text:
// ScanText runs the same extraction, coverage and assessment as a photo.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/conclude.h"
#include "suppcheck/product/merge_results.h"
#include "suppcheck/scan/nutrient_table_reread.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

ScanResult Scan(const std::string& name, const std::string& text) {
  return ScanText(text, name, TestModels(), "adult", nullptr);
}

ScanResult Merge(const std::vector<ScanResult>& photos) { return MergeProductResults(photos, TestModels(), "adult"); }

bool HasFlag(const ScanResult& r, const std::string& f) {
  return std::find(r.assessment.flags.begin(), r.assessment.flags.end(), f) != r.assessment.flags.end();
}

const char* kFront = "BioMag\nMagnesium Forte\nVoedingssupplement";
const char* kBack = "Per capsule: magnesiumcitraat 1000 mg, waarvan magnesium 150 mg\n"
                    "Ingrediënten: magnesiumcitraat, cellulose.\nDe aanbevolen dagelijkse dosis niet overschrijden.";
const char* kSide = "Neem dagelijks 2 capsules met water.\nNotificatienummer: NUT 476/12\nLot 4821/77   THT 05/2028\n"
                    "BioMag NV, Kerkstraat 12, 9000 Gent";

}  // namespace

TEST_CASE("merge: the number from the side, the dose from the back and the side together", "[merge]") {
  const ScanResult r = Merge({Scan("front.jpg", kFront), Scan("back.jpg", kBack), Scan("side.jpg", kSide)});
  REQUIRE(r.ok);
  CHECK(r.file == "front.jpg");
  CHECK(r.files == std::vector<std::string>{"front.jpg", "back.jpg", "side.jpg"});
  CHECK(r.number.number.canonical == "NUT 476/12");
  CHECK(r.number.file == "side.jpg");
  CHECK(r.magnesium.salts == std::vector<std::string>{"citrate"});
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*r.magnesium.mgPerDay == Approx(300));  // 150 mg per capsule (back) x 2 a day (side)
  CHECK(r.assessment.level == Level::AboveNoael);
  CHECK(r.coverage.ingredients);
  CHECK(r.coverage.legalText);
  CHECK_FALSE(HasFlag(r, "photos_disagree"));
  for (const auto& e : r.magnesium.evidence) CHECK((e.file == "back.jpg" || e.file == "side.jpg"));
  // One photo alone says less: the back has the dose per unit but neither number nor directions.
  const ScanResult back = Scan("back.jpg", kBack);
  CHECK(back.number.number.status == NumberStatus::NotSeen);
  CHECK_FALSE(back.magnesium.mgPerDay);
}

TEST_CASE("merge: the combined coverage decides missing vs not_seen", "[merge]") {
  const std::string sideWithoutNumber = "Lot 4821/77   THT 05/2028\nBioMag NV, Kerkstraat 12, 9000 Gent";
  CHECK(Merge({Scan("front.jpg", kFront), Scan("back.jpg", kBack)}).number.number.status == NumberStatus::NotSeen);
  const ScanResult r = Merge({Scan("front.jpg", kFront), Scan("side.jpg", sideWithoutNumber)});
  CHECK(r.number.number.status == NumberStatus::Missing);
  CHECK(HasFlag(r, "number_missing"));
}

TEST_CASE("merge: two different numbers are a problem, not a choice", "[merge]") {
  const ScanResult r = Merge({Scan("side-a.jpg", "Notificatienummer: NUT 476/12"), Scan("side-b.jpg", "NUT 476/13")});
  CHECK(r.number.number.status == NumberStatus::Invalid);
  CHECK(r.number.number.canonical.empty());
  REQUIRE(r.number.number.problems.size() == 1);
  CHECK(r.number.number.problems[0].find("NUT 476/12 (side-a.jpg) and NUT 476/13 (side-b.jpg)") != std::string::npos);
  CHECK(HasFlag(r, "photos_disagree"));
  CHECK_FALSE(HasFlag(r, "number_invalid"));
  // The same number on two photos is no conflict.
  CHECK(Merge({Scan("a.jpg", "NUT 476/12"), Scan("b.jpg", "Notificatienummer: NUT 476/12")}).number.number.valid());
}

TEST_CASE("merge: two different doses leave the dose unknown, with both named", "[merge]") {
  const ScanResult r = Merge({Scan("back.jpg", "Per tablet: magnesium 150 mg\nNeem 2 tabletten per dag."),
                              Scan("leaflet.jpg", "Per tablet: magnesium 250 mg\nNeem 2 tabletten per dag.")});
  CHECK(HasFlag(r, "photos_disagree"));
  CHECK_FALSE(r.magnesium.mgPerDay);
  CHECK_FALSE(r.magnesium.mgPerUnit);
  REQUIRE(r.magnesium.mgPerDayRange);
  CHECK(r.magnesium.mgPerDayRange->first == Approx(300));
  CHECK(r.magnesium.mgPerDayRange->second == Approx(500));
  CHECK(r.assessment.level == Level::Unknown);
  bool named = false;
  for (const auto& m : r.assessment.messages)
    named |= m.find("150 mg (back.jpg) and 250 mg (leaflet.jpg)") != std::string::npos;
  CHECK(named);
}

TEST_CASE("merge: a photo that could not be read is named, none readable is an error", "[merge]") {
  ScanResult bad;
  bad.file = "blurry.jpg";
  bad.error = MakeError("unreadable_image", "blurry.jpg: cannot decode");
  const ScanResult r = Merge({Scan("side.jpg", kSide), bad});
  CHECK(r.ok);
  CHECK(r.files.size() == 2);
  bool named = false;
  for (const auto& m : r.assessment.messages) named |= m.find("blurry.jpg could not be read") != std::string::npos;
  CHECK(named);
  const ScanResult none = Merge({bad});
  CHECK_FALSE(none.ok);
  CHECK(none.error.code == "unreadable_image");
}

TEST_CASE("merge: the evidence of one photo, for its annotated image", "[merge]") {
  const ScanResult r = Merge({Scan("back.jpg", kBack), Scan("side.jpg", kSide)});
  const ScanResult onSide = EvidenceOnFile(r, "side.jpg");
  for (const auto& e : onSide.magnesium.evidence) CHECK(e.file == "side.jpg");
  const ScanResult onBack = EvidenceOnFile(r, "back.jpg");
  CHECK(onBack.number.box.empty());
}

namespace {

const NutrientResult* FindNutrient(const ScanResult& r, const std::string& id) {
  for (const auto& n : r.nutrients)
    if (n.facts.id == id) return &n;
  return nullptr;
}

}  // namespace

TEST_CASE("merge: every nutrient from the photo that shows it, a day with the directions of another", "[merge][nutrients]") {
  const char* table = "Voedingswaarden per tablet % RI\nVitamine B6 (pyridoxinehydrochloride) 5 mg 357 %\n"
                      "Zink (als zinkgluconaat) 10 mg 100 %\nMagnesium 100 mg 27 %";
  const char* side = "Neem 2 tabletten per dag.\nNotificatienummer: NUT 476/12";
  const ScanResult r = Merge({Scan("back.jpg", table), Scan("side.jpg", side)});
  REQUIRE(r.ok);
  const NutrientResult* b6 = FindNutrient(r, "vitamin_b6");
  REQUIRE(b6);
  REQUIRE(b6->facts.perDay);
  CHECK(*b6->facts.perDay == Approx(10));  // 5 mg per tablet (back) x 2 a day (side)
  CHECK(b6->assessment.level == NutrientLevel::WithinUpperLevel);  // EFSA 12 mg for adults
  CHECK(std::find(b6->assessment.flags.begin(), b6->assessment.flags.end(), "above_legal_max") !=
        b6->assessment.flags.end());  // the Belgian 6 mg
  bool back = false, sideFile = false;
  for (const auto& e : b6->facts.evidence) {
    back |= e.file == "back.jpg" && e.role == EvidenceRole::kDose;
    sideFile |= e.file == "side.jpg" && e.role == EvidenceRole::kUnitsPerDay;
  }
  CHECK(back);
  CHECK(sideFile);
  // Magnesium's entry is the magnesium reading's.
  const NutrientResult* mg = FindNutrient(r, "magnesium");
  REQUIRE(mg);
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*mg->facts.perDay == Approx(*r.magnesium.mgPerDay));
  CHECK_FALSE(HasFlag(r, "photos_disagree"));
}

TEST_CASE("merge: two photos with two amounts of one nutrient leave it unknown", "[merge][nutrients]") {
  const ScanResult r = Merge({Scan("a.jpg", "Per tablet: Zinc 10 mg\nOne tablet daily."),
                              Scan("b.jpg", "Per tablet: Zinc 25 mg\nOne tablet daily.")});
  const NutrientResult* zinc = FindNutrient(r, "zinc");
  REQUIRE(zinc);
  CHECK_FALSE(zinc->facts.perDay);
  CHECK(zinc->assessment.level == NutrientLevel::Unknown);
  CHECK(HasFlag(r, "photos_disagree"));
}

TEST_CASE("merge: two amounts a day of one nutrient leave it unknown", "[merge][nutrients]") {
  // No amount per unit on either photo: each reads a per-day amount, and they differ.
  const ScanResult r = Merge({Scan("a.jpg", "Per daily dose: Zinc 10 mg"), Scan("b.jpg", "Per daily dose: Zinc 25 mg")});
  const NutrientResult* zinc = FindNutrient(r, "zinc");
  REQUIRE(zinc);
  CHECK_FALSE(zinc->facts.perDay);
  CHECK(zinc->assessment.level == NutrientLevel::Unknown);
  CHECK(HasFlag(r, "photos_disagree"));
  // The same amount a day on both: no disagreement.
  const ScanResult same = Merge({Scan("a.jpg", "Per daily dose: Zinc 10 mg"), Scan("b.jpg", "Per daily dose: Zinc 10 mg")});
  CHECK_FALSE(HasFlag(same, "photos_disagree"));
}

TEST_CASE("merge: two number lines neither read for sure, with plainly other digits, are a problem", "[merge]") {
  // Both numbers are in a wrong format (five digits before the slash): neither is valid, and the
  // product reporting one of them would hide the other.
  const ScanResult a = Scan("side-a.jpg", "Notificatienummer: NUT 47612/3");
  const ScanResult b = Scan("side-b.jpg", "Notificatienummer: NUT 98765/4");
  REQUIRE(a.number.number.status == NumberStatus::Invalid);
  REQUIRE(b.number.number.status == NumberStatus::Invalid);
  const ScanResult r = Merge({a, b});
  CHECK(r.number.number.status == NumberStatus::Invalid);
  REQUIRE(r.number.number.problems.size() == 1);
  CHECK(r.number.number.problems[0].find("NUT 47612/3 (side-a.jpg, not a well-formed number) and NUT 98765/4 (side-b.jpg, "
                                         "not a well-formed number)") != std::string::npos);
  CHECK(HasFlag(r, "photos_disagree"));
  CHECK_FALSE(HasFlag(r, "number_invalid"));
  // One OCR slip apart: the same number read twice, no conflict.
  const ScanResult slip = Merge({a, Scan("side-b.jpg", "Notificatienummer: NUT 47812/3")});
  CHECK_FALSE(HasFlag(slip, "photos_disagree"));
  CHECK(slip.number.number.status == NumberStatus::Invalid);
}

TEST_CASE("merge: a number in a wrong format with other digits beside a well-formed one is a problem too", "[merge]") {
  // The format check fails on one photo ("98765" has five digits), but its digits are plainly
  // not those of the other photo's number: taking the well-formed one would hide the conflict.
  const ScanResult r = Merge({Scan("side-a.jpg", "Notificatienummer: NUT 476/12"),
                              Scan("side-b.jpg", "Notificatienummer: NUT 98765/4")});
  CHECK(r.number.number.status == NumberStatus::Invalid);
  CHECK(r.number.number.canonical.empty());
  REQUIRE(r.number.number.problems.size() == 1);
  CHECK(r.number.number.problems[0].find("NUT 476/12 (side-a.jpg) and NUT 98765/4 (side-b.jpg, not a well-formed number)") !=
        std::string::npos);
  CHECK(HasFlag(r, "photos_disagree"));
  CHECK_FALSE(HasFlag(r, "number_invalid"));
  // The same digits under a repeated category (invalid on its own): not a second number.
  const ScanResult sideB = Scan("side-b.jpg", "Notificatienummer: NUT/NUT 476/12");
  REQUIRE(sideB.number.number.status == NumberStatus::Invalid);
  const ScanResult slip = Merge({Scan("side-a.jpg", "Notificatienummer: NUT 476/12"), sideB});
  CHECK(slip.number.number.valid());
  CHECK(slip.number.number.canonical == "NUT 476/12");
  CHECK_FALSE(HasFlag(slip, "photos_disagree"));
  // A photo without a number line adds nothing.
  CHECK(Merge({Scan("side-a.jpg", "Notificatienummer: NUT 476/12"), Scan("back.jpg", kBack)}).number.number.valid());
}

TEST_CASE("merge: a number line read without its digits on both sides shows another number by its categories or producer", "[merge]") {
  // Last session's unflagged conflict (seed 48213, phone-0012 and phone-0015 of a run of 8): one side
  // read without digits on both sides of the slash, under other categories than the other side's
  // well-formed number; the well-formed one was taken.
  const ScanResult a = Scan("side-a.jpg", "Notificatienummer: PL/AS 7473/7");
  for (const char* other : {"Notificatienummer: NUT/PL 6161/", "Notificatienummer: AS 6161/", "Notificatienummer: NUT"}) {
    const ScanResult b = Scan("side-b.jpg", other);
    REQUIRE_FALSE(b.number.number.valid());
    const ScanResult r = Merge({a, b});
    CHECK_FALSE(r.number.number.valid());
    CHECK(HasFlag(r, "photos_disagree"));
  }
  // The same number read from its last category on and cut after the slash: no second number.
  for (const char* same : {"Notificatienummer: AS 7473/", "AS 7478/"}) {
    const ScanResult r = Merge({a, Scan("side-b.jpg", same)});
    CHECK(r.number.number.canonical == "PL/AS 7473/7");
    CHECK_FALSE(HasFlag(r, "photos_disagree"));
  }
}

namespace {

TextLine LineAt(const std::string& text, int y) {
  TextLine line;
  line.text = text;
  line.box = {60, y, 1300, 30};
  return line;
}

}  // namespace

// The back's nutrient table says the units a day in its header only, which the page pass lost and
// the table's second reading found (products seed 27644 clean-0010, reported unknown: its
// directions, "Take | sachet daily", gave no count either). The back alone has its dose from the
// header; so has the product.
TEST_CASE("merge: a nutrient table header read again heads the rows of the product too", "[merge]") {
  ScanResult back;
  back.file = "back.png";
  back.lines = {LineAt("Vitamin C 500 mg 500 mg 142 %", 150), LineAt("Magnesium 56.25 mg 56.25 mg 15 %", 240),
                LineAt("Do not exceed the recommended daily dose.", 320)};
  NutrientTableReading table;
  table.header = {LineAt("Per sachet Per daily dose (1 sachet) % RI", 70)};
  Conclude(back, back.lines, TestModels(), "adult", nullptr, nullptr);
  ConcludeWithTableHeader(back, back.lines, table, TestModels(), "adult", nullptr);
  back.tableLines = table.All();
  back.tableHeaderLines = table.header.size();
  REQUIRE(back.magnesium.mgPerDay);  // the photo alone
  CHECK(*back.magnesium.mgPerDay == Approx(56.25));

  const ScanResult r = Merge({Scan("front.png", "Magnesium\nFood supplement"), back});
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*r.magnesium.mgPerDay == Approx(56.25));
  CHECK(r.assessment.level == Level::WithinNoael);
  bool header = false;
  for (const auto& e : r.magnesium.evidence) header |= e.file == "back.png" && e.text.find("daily dose") != std::string::npos;
  CHECK(header);
  // Without the header the product has no units a day: the header is what gives them.
  ScanResult headless = back;
  headless.tableHeaderLines = 0;
  CHECK_FALSE(Merge({Scan("front.png", "Magnesium\nFood supplement"), headless}).magnesium.mgPerDay);
}
