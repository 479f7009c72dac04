// The verdict (assess/rules.h): the thresholds of models/rules.json applied to what extraction
// read. Label texts go through ScanText (the same extraction and assessment as a photo, without
// OCR); the limits nobody prints on a label (the Belgian maximum, the toxic range) are checked on
// Assess itself with the facts extraction would hand it.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/models.h"
#include "suppcheck/conclude.h"
#include "support/temp_dir.h"
#include "suppcheck/assess/rules.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

// A back label: ingredient list, one line of the nutrient table, the directions.
std::string Label(const std::string& mgPerTablet, int tabletsPerDay = 1) {
  return "Ingrediënten: magnesiumcitraat, vulstof: cellulose.\n"
         "Voedingswaarden per tablet: magnesium " + mgPerTablet + " mg\n" +
         (tabletsPerDay == 1 ? std::string("Neem 1 tablet per dag.\n")
                             : "Neem " + std::to_string(tabletsPerDay) + " tabletten per dag.\n");
}

ScanResult Scan(const std::string& text, const std::string& profile = "adult") {
  return ScanText(text, "label.txt", TestModels(), profile, nullptr);
}

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

bool AnyContains(const std::vector<std::string>& v, const std::string& part) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

// What extraction hands Assess for a label that states `mgPerDay` a day, composition and
// directions read, no notification number on the photo.
Assessment AssessDose(double mgPerDay, const std::string& profile = "adult") {
  MagnesiumFacts mg;
  mg.present = true;
  mg.mgPerUnit = mgPerDay;
  mg.unitsPerDay = 1;
  mg.mgPerDay = mgPerDay;
  mg.basis = DoseSource::kDeclared;
  Coverage coverage;
  coverage.ingredients = coverage.dose = coverage.directions = true;
  NumberFinding number;
  number.number.status = NumberStatus::NotSeen;
  return Assess(number, RegistryAnswer{}, mg, coverage, TestModels().rules, profile);
}

}  // namespace

TEST_CASE("the 250 mg limit itself is within, a tenth of a milligram more is above", "[assess][rules]") {
  const ScanResult at = Scan(Label("250"));
  REQUIRE(at.magnesium.mgPerDay);
  CHECK(*at.magnesium.mgPerDay == 250);
  CHECK(at.assessment.level == Level::WithinNoael);
  CHECK(at.assessment.noaelMg == 250);
  CHECK(at.assessment.flags.empty());
  CHECK_FALSE(IsFlagged(at.assessment));
  CHECK(AnyContains(at.assessment.messages, "250 mg magnesium a day from this product is within the 250 mg"));
  // One unit of exactly 250 mg is not "more than 250 mg at one time".
  CHECK_FALSE(AnyContains(at.assessment.messages, "at one time"));

  const ScanResult above = Scan(Label("250,1"));
  REQUIRE(above.magnesium.mgPerDay);
  CHECK(*above.magnesium.mgPerDay == Approx(250.1));
  CHECK(above.assessment.level == Level::AboveNoael);
  CHECK(above.assessment.flags == std::vector<std::string>{"above_noael"});
  CHECK(IsFlagged(above.assessment));
  CHECK(AnyContains(above.assessment.messages, "250.1 mg magnesium a day from this product is above the 250 mg"));
  CHECK(AnyContains(above.assessment.messages, "advises against more than 250 mg of magnesium at one time"));
}

TEST_CASE("the daily dose counts, not the tablet: 2 x 130 mg is above", "[assess][rules]") {
  const ScanResult r = Scan(Label("130", 2));
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*r.magnesium.mgPerDay == 260);
  CHECK(r.assessment.level == Level::AboveNoael);
  CHECK(Has(r.assessment.flags, "above_noael"));
  CHECK_FALSE(Has(r.assessment.flags, "above_belgian_max"));
}

TEST_CASE("a dose that was not read is unknown, never a verdict, and says what to photograph", "[assess][rules]") {
  SECTION("per tablet read, directions not on the photo") {
    const ScanResult r = Scan("Ingrediënten: magnesiumcitraat.\nMagnesium 300 mg per tablet\n");
    REQUIRE(r.magnesium.mgPerUnit);
    CHECK_FALSE(r.magnesium.mgPerDay);
    CHECK(r.assessment.level == Level::Unknown);
    CHECK(r.assessment.flags.empty());
    CHECK(AnyContains(r.assessment.messages, "(300 mg per unit), but how many units a day was not found on this photo"));
    // The advice on one intake still holds for what was read.
    CHECK(AnyContains(r.assessment.messages, "One unit holds 300 mg"));
  }
  SECTION("magnesium in the ingredients, no amount anywhere") {
    const ScanResult r = Scan("Ingrediënten: magnesiumcitraat, cellulose.\n");
    CHECK(r.magnesium.present);
    CHECK(r.assessment.level == Level::Unknown);
    CHECK(r.assessment.flags.empty());
    CHECK(AnyContains(r.assessment.messages, "does not show its dose: photograph the side with the nutrient table"));
  }
}

TEST_CASE("no magnesium only where the composition was read, otherwise unknown", "[assess][rules]") {
  const ScanResult without = Scan("Ingrediënten: vitamine C, cellulose.\nVoedingswaarden per tablet: vitamine C 80 mg\n");
  CHECK(without.assessment.level == Level::NoMagnesium);
  CHECK(AnyContains(without.assessment.messages, "No magnesium was found among the active ingredients."));
  // No kidney advice for a product without magnesium.
  CHECK_FALSE(AnyContains(without.assessment.messages, "kidney"));

  const ScanResult front = Scan("SUPER VITAL\nVitamine C\n60 tabletten\n");
  CHECK(front.assessment.level == Level::Unknown);
  CHECK(AnyContains(front.assessment.messages, "does not show the ingredient list or the nutrient table"));
}

TEST_CASE("profiles: no upper level for children aged 1 to 3, 250 mg for the others", "[assess][rules]") {
  const std::string label = Label("200");
  for (const char* profile : {"child-1-3", "age-1-3"}) {
    INFO(profile);
    const ScanResult r = Scan(label, profile);
    CHECK(r.assessment.level == Level::Unknown);
    CHECK_FALSE(r.assessment.noaelMg);
    CHECK(r.assessment.flags == std::vector<std::string>{"no_upper_level_for_age"});
    CHECK(AnyContains(r.assessment.messages, "for children aged 1 to 3; 200 mg magnesium a day"));
  }
  for (const char* profile : {"adult", "pregnant", "lactating", "child-4-10", "age-4-6", "age-7-10", "age-11-14",
                              "age-15-17"}) {
    INFO(profile);
    const ScanResult within = Scan(label, profile);
    CHECK(within.assessment.level == Level::WithinNoael);
    CHECK(within.assessment.noaelMg == 250);
    CHECK(AnyContains(within.assessment.messages, "(" + TestModels().rules.profiles.at(profile).label + ")"));
    CHECK(AssessDose(250.5, profile).level == Level::AboveNoael);
  }
  // A profile rules.json does not know is judged as an adult, not left without a limit.
  const Assessment unknownProfile = AssessDose(260, "astronaut");
  CHECK(unknownProfile.level == Level::AboveNoael);
  CHECK(AnyContains(unknownProfile.messages, "(adults)"));
}

TEST_CASE("the Belgian maximum and the toxic range are separate flags at their own limits", "[assess][rules]") {
  CHECK_FALSE(Has(AssessDose(450).flags, "above_belgian_max"));
  const Assessment belgian = AssessDose(450.5);
  CHECK(belgian.flags == std::vector<std::string>{"above_noael", "above_belgian_max"});
  CHECK(AnyContains(belgian.messages, "the most a supplement may provide in Belgium"));

  CHECK_FALSE(Has(AssessDose(2500).flags, "toxic_range"));
  const Assessment toxic = AssessDose(2600);
  CHECK(toxic.flags == std::vector<std::string>{"above_noael", "above_belgian_max", "toxic_range"});
  // Even without an upper level for the age, the legal and toxic limits still flag.
  const Assessment toddler = AssessDose(2600, "child-1-3");
  CHECK(toddler.level == Level::Unknown);
  CHECK(toddler.flags == std::vector<std::string>{"no_upper_level_for_age", "above_belgian_max", "toxic_range"});
}

TEST_CASE("the notification number's verdicts: valid, missing with legal text, not seen without", "[assess][rules]") {
  const std::string dose = "Ingrediënten: magnesiumcitraat.\nVoedingswaarden per tablet: magnesium 200 mg\nNeem 1 tablet per dag.\n";
  const ScanResult valid = Scan(dose + "NUT 123/45\n");
  CHECK(valid.number.number.status == NumberStatus::Valid);
  CHECK(valid.assessment.flags.empty());

  const ScanResult missing =
      Scan(dose + "Lot 123, Ten minste houdbaar tot 12/2027, Producent: X bv, Kerkstraat 1, 1000 Brussel\n");
  CHECK(missing.number.number.status == NumberStatus::Missing);
  CHECK(missing.assessment.flags == std::vector<std::string>{"number_missing"});
  CHECK(AnyContains(missing.assessment.messages, "better not taken"));

  const ScanResult notSeen = Scan(dose);
  CHECK(notSeen.number.number.status == NumberStatus::NotSeen);
  CHECK(notSeen.assessment.flags.empty());
  CHECK_FALSE(AnyContains(notSeen.assessment.messages, "better not taken"));
  CHECK(AnyContains(notSeen.assessment.messages, "photograph that side"));
}

TEST_CASE("a number the registry does not list is flagged, a registry error only told", "[assess][rules]") {
  MagnesiumFacts noMg;
  Coverage coverage;
  coverage.ingredients = coverage.legalText = true;
  NumberFinding number;
  number.number.status = NumberStatus::Valid;
  number.number.canonical = "NUT 123/45";
  RegistryAnswer notListed;
  notListed.status = RegistryStatus::NotListed;
  notListed.source = "snapshot.csv";
  const Assessment a = Assess(number, notListed, noMg, coverage, TestModels().rules, "adult");
  CHECK(a.flags == std::vector<std::string>{"not_in_registry"});
  CHECK(AnyContains(a.messages, "NUT 123/45 is not in the registry (snapshot.csv)"));

  RegistryAnswer down;
  down.status = RegistryStatus::Error;
  down.error = "timed out";
  const Assessment b = Assess(number, down, noMg, coverage, TestModels().rules, "adult");
  CHECK(b.flags.empty());
  CHECK(AnyContains(b.messages, "The registry could not be checked: timed out."));
}

TEST_CASE("rules.json: every threshold read from the file, a broken file is refused with its path", "[assess][rules]") {
  test::TempDir dir;
  const auto original = test::ReadFile(std::filesystem::path(test::SourceModelsDir()) / "rules.json");
  REQUIRE_FALSE(original.empty());

  // The same file with the adults' limit moved: the verdict moves with it.
  std::string moved = original;
  const std::string adult = R"("label": "adults", "noael_mg": 250)";
  const size_t at = moved.find(adult);
  REQUIRE(at != std::string::npos);
  moved.replace(at, adult.size(), R"("label": "adults", "noael_mg": 300)");
  dir.Write("rules.json", moved);
  const auto rules = Rules::Load(dir.path());
  REQUIRE(rules);
  CHECK(rules->profiles.at("adult").noaelMg == 300);
  CHECK(rules->belgianMaxMg == 450);
  CHECK(rules->toxicMg == 2500);
  CHECK_FALSE(rules->profiles.at("child-1-3").noaelMg);
  // A title cut to a dose's first digits lets a dose through only above every profile's limit.
  CHECK(rules->Limits().cutTitleDoseAboveMg == 300);
  CHECK(TestModels().rules.Limits().cutTitleDoseAboveMg == 250);
  MagnesiumFacts mg;
  mg.present = true;
  mg.mgPerDay = 280;
  Coverage coverage;
  coverage.ingredients = true;
  CHECK(Assess({}, {}, mg, coverage, *rules, "adult").level == Level::WithinNoael);
  CHECK(Assess({}, {}, mg, coverage, TestModels().rules, "adult").level == Level::AboveNoael);

  dir.Write("rules.json", "{ not json");
  const auto broken = Rules::Load(dir.path());
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == "missing_models");
  CHECK_THAT(broken.error().message, Catch::Contains("rules.json is not valid JSON"));

  std::string noAdult = original;
  noAdult.replace(noAdult.find("\"adult\":"), 8, "\"grown\":");
  dir.Write("rules.json", noAdult);
  const auto withoutAdult = Rules::Load(dir.path());
  REQUIRE_FALSE(withoutAdult);
  CHECK_THAT(withoutAdult.error().message, Catch::Contains("has no 'adult' profile"));

  std::filesystem::remove(dir / "rules.json");
  const auto absent = Rules::Load(dir.path());
  REQUIRE_FALSE(absent);
  CHECK_THAT(absent.error().message, Catch::Contains("cannot read"));
}
