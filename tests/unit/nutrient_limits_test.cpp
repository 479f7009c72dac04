// models/nutrients.json and the assessment together: every nutrient's limits walked at their
// boundaries (at the limit: within; just above: above), the two limits kept apart, unconfirmed
// values shown as such, and the magnesium data agreeing with models/rules.json.

#include "support/test_paths.h"
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/models.h"
#include "support/nutrient_limits.h"
#include "suppcheck/assess/label_nutrients.h"
#include "suppcheck/assess/nutrient_assessment.h"
#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/extract/nutrient_rows.h"

using namespace suppcheck;

namespace {

const NutrientLimits& Limits() { return test::TestNutrientLimits(); }

std::string FileText() {
  std::ifstream in(std::string(suppcheck::test::SourceModelsDir()) + "/nutrients.json", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string AllMessages(const NutrientAssessment& a) {
  std::string s;
  for (const auto& m : a.messages) s += m + "\n";
  return s;
}

/// A person in `band` ("1-3" ... "adult"), pregnant or breastfeeding for the two stage keys.
AgeProfile Person(const std::string& band) {
  if (band == "pregnancy") return *ProfileFromName("pregnant");
  if (band == "lactation") return *ProfileFromName("lactating");
  const double age = band == "adult" ? 30 : std::stod(band.substr(0, band.find('-')));
  return *ProfileFromAge(age, LifeStage::None);
}

}  // namespace

TEST_CASE("nutrients.json loads and holds every nutrient id of the report contract", "[assess][nutrients]") {
  // spec/report.md, section "nutrients".
  const char* ids[] = {"vitamin_a", "beta_carotene", "vitamin_d", "vitamin_e", "vitamin_k", "vitamin_c",
                       "thiamin", "riboflavin", "niacin", "vitamin_b6", "folate", "vitamin_b12", "biotin",
                       "pantothenic_acid", "calcium", "phosphorus", "magnesium", "iron", "zinc", "copper",
                       "manganese", "selenium", "iodine", "chromium", "molybdenum", "potassium", "chloride",
                       "fluoride", "sodium", "boron", "silicon", "vanadium", "tin", "nickel", "choline"};
  for (const char* id : ids) {
    INFO(id);
    const Nutrient* n = Limits().Find(id);
    REQUIRE(n);
    for (const char* lang : {"nl", "fr", "de", "en"}) CHECK_FALSE(n->names.at(lang).empty());
    for (const auto& h : n->upperLevels) CHECK(Limits().Source(h.sourceId));
    CHECK(Limits().Source(n->legalMax.sourceId));
  }
  CHECK(Limits().All().size() == std::size(ids));
}

TEST_CASE("every health limit is walked at its boundary for every age band", "[assess][nutrients]") {
  int walked = 0;
  for (const Nutrient& n : Limits().All()) {
    // Issue 12: each nutrient with a health limit is walked for adults and for a child band at least.
    bool adultWalked = false, childWalked = false;
    for (const HealthLimit& h : n.upperLevels)
      for (const auto& [band, limit] : h.bands) {
        if (h.kind == HealthLimit::Kind::None) continue;
        adultWalked = adultWalked || band == "adult";
        childWalked = childWalked || band == "1-3" || band == "4-6" || band == "7-10" || band == "11-14" ||
                      band == "15-17";
      }
    const bool hasHealthLimit = std::any_of(n.upperLevels.begin(), n.upperLevels.end(),
                                            [](const HealthLimit& h) { return h.kind != HealthLimit::Kind::None; });
    if (hasHealthLimit) {
      INFO(n.id << ": the bands walked below include adults and a child band");
      CHECK(adultWalked);
      CHECK(childWalked);
    }
    for (const HealthLimit& h : n.upperLevels) {
      const std::string form = h.forms.empty() ? "" : h.forms.front();
      if (h.kind == HealthLimit::Kind::None) {
        const auto a = AssessNutrient(Limits(), Person("adult"), n.id, 1000, n.unit, form);
        INFO(n.id);
        CHECK(a.level == NutrientLevel::NoUpperLevel);
        CHECK_FALSE(a.upperLevel);
        continue;
      }
      for (const auto& [band, limit] : h.bands) {
        INFO(n.id << " " << form << " band " << band);
        const AgeProfile who = Person(band);
        // A minor's pregnancy value is not walked alone: the age band combines with it.
        switch (limit.type) {
          case BandLimit::Type::Value: {
            const auto at = AssessNutrient(Limits(), who, n.id, limit.value, n.unit, form);
            const auto above = AssessNutrient(Limits(), who, n.id, limit.value * 1.001, n.unit, form);
            CHECK(at.level == NutrientLevel::WithinUpperLevel);
            CHECK(above.level == NutrientLevel::AboveUpperLevel);
            CHECK(Has(above.flags, "above_upper_level"));
            REQUIRE(above.upperLevel);
            CHECK(*above.upperLevel->value == limit.value);
            CHECK(above.upperLevel->appliesTo == h.appliesTo);
            CHECK(above.upperLevel->confirmed == limit.confirmed);
            CHECK(Has(above.flags, "limit_unconfirmed") == (!limit.confirmed || (n.legalMax.value && limit.value * 1.001 > *n.legalMax.value)));
            break;
          }
          case BandLimit::Type::Range: {
            CHECK(AssessNutrient(Limits(), who, n.id, limit.low, n.unit, form).level == NutrientLevel::WithinUpperLevel);
            CHECK(AssessNutrient(Limits(), who, n.id, (limit.low + limit.high) / 2, n.unit, form).level == NutrientLevel::Unknown);
            CHECK(AssessNutrient(Limits(), who, n.id, limit.high * 1.001, n.unit, form).level == NutrientLevel::AboveUpperLevel);
            break;
          }
          case BandLimit::Type::NoneSet: {
            const auto a = AssessNutrient(Limits(), who, n.id, 100, n.unit, form);
            CHECK(a.level == NutrientLevel::NoUpperLevel);
            CHECK(Has(a.flags, "no_upper_level_for_age"));
            CHECK_THAT(AllMessages(a), Catch::Contains("No upper level is set for " + n.name + " for " + who.Label()));
            break;
          }
        }
        ++walked;
      }
    }
  }
  CHECK(walked > 100);
}

TEST_CASE("every Belgian legal maximum is walked at its boundary, apart from the health limit", "[assess][nutrients]") {
  for (const Nutrient& n : Limits().All()) {
    if (!n.legalMax.value) continue;
    INFO(n.id);
    const double max = *n.legalMax.value;
    const auto at = AssessNutrient(Limits(), Person("adult"), n.id, max, n.unit);
    const auto above = AssessNutrient(Limits(), Person("adult"), n.id, max * 1.001, n.unit);
    CHECK_FALSE(Has(at.flags, "above_legal_max"));
    CHECK(Has(above.flags, "above_legal_max"));
    REQUIRE(above.legalMax);
    CHECK(above.legalMax->value == max);
    CHECK(above.legalMax->country == "BE");
    // Unconfirmed in the data until the 2021 annex is read: the message says so.
    CHECK(Has(above.flags, "limit_unconfirmed"));
    CHECK_THAT(AllMessages(above), Catch::Contains("legal maximum used is unconfirmed"));
  }
}

TEST_CASE("the two limits are named apart in the message", "[assess][nutrients]") {
  const auto a = AssessNutrient(Limits(), Person("adult"), "vitamin_b6", 20, "mg", "pyridoxine_hydrochloride");
  CHECK(a.level == NutrientLevel::AboveUpperLevel);
  REQUIRE_FALSE(a.messages.empty());
  CHECK(a.messages.front() ==
        "20 mg vitamin B6 a day is above the 12 mg that EFSA sets as the safe upper level for adults (total intake "
        "from food and supplements). It is also above the Belgian legal maximum of 6 mg per daily portion.");
  CHECK(Has(a.flags, "above_upper_level"));
  CHECK(Has(a.flags, "above_legal_max"));
  REQUIRE(a.upperLevel);
  CHECK(*a.upperLevel->value == 12);
  CHECK_THAT(a.upperLevel->source, Catch::Contains("10.2903/j.efsa.2023.8006"));
  REQUIRE(a.legalMax);
  CHECK(a.legalMax->value == 6);

  // Legal here but above the health limit, and the other way round.
  const auto zinc = AssessNutrient(Limits(), Person("adult"), "zinc", 24, "mg");
  CHECK(zinc.level == NutrientLevel::WithinUpperLevel);
  CHECK(Has(zinc.flags, "above_legal_max"));
  CHECK_FALSE(Has(zinc.flags, "above_upper_level"));
  const auto b6child = AssessNutrient(Limits(), Person("4-6"), "vitamin_b6", 5, "mg");
  CHECK(b6child.level == NutrientLevel::AboveUpperLevel);
  CHECK_FALSE(Has(b6child.flags, "above_legal_max"));
  CHECK_THAT(b6child.messages.front(), Catch::Contains("4.5 mg that EFSA sets as the safe upper level for children aged 4 to 6"));
}

TEST_CASE("an unconfirmed value is used but said to be unconfirmed", "[assess][nutrients]") {
  const auto a = AssessNutrient(Limits(), *ProfileFromAge(12, LifeStage::None), "vitamin_b6", 5, "mg");
  CHECK(a.level == NutrientLevel::WithinUpperLevel);
  CHECK(Has(a.flags, "limit_unconfirmed"));
  CHECK_THAT(AllMessages(a), Catch::Contains("unconfirmed in our data"));
  REQUIRE(a.upperLevel);
  CHECK_FALSE(a.upperLevel->confirmed);
}

TEST_CASE("no upper level is said plainly", "[assess][nutrients]") {
  const auto calcium = AssessNutrient(Limits(), Person("4-6"), "calcium", 500, "mg");
  CHECK(calcium.level == NutrientLevel::NoUpperLevel);
  CHECK(Has(calcium.flags, "no_upper_level_for_age"));
  const auto vitaminC = AssessNutrient(Limits(), Person("adult"), "vitamin_c", 1000, "mg");
  CHECK(vitaminC.level == NutrientLevel::NoUpperLevel);
  CHECK_FALSE(Has(vitaminC.flags, "no_upper_level_for_age"));
  CHECK_THAT(vitaminC.messages.front(), Catch::Contains("EFSA has set no upper level for vitamin C"));
  const auto copper = AssessNutrient(Limits(), Person("pregnancy"), "copper", 3, "mg");
  CHECK(copper.level == NutrientLevel::NoUpperLevel);
  CHECK_THAT(copper.messages.front(), Catch::Contains("pregnant women"));
}

TEST_CASE("a limit that depends on the form is not guessed", "[assess][nutrients]") {
  const auto unknown = AssessNutrient(Limits(), Person("adult"), "niacin", 16, "mg");
  CHECK(unknown.level == NutrientLevel::Unknown);
  CHECK(Has(unknown.flags, "upper_level_depends_on_form"));
  const auto amide = AssessNutrient(Limits(), Person("adult"), "niacin", 16, "mg", "nicotinamide");
  CHECK(amide.level == NutrientLevel::WithinUpperLevel);
  CHECK_FALSE(Has(amide.flags, "warning_required"));
  const auto acid = AssessNutrient(Limits(), Person("adult"), "niacin", 16, "mg", "nicotinic_acid");
  CHECK(acid.level == NutrientLevel::AboveUpperLevel);
  CHECK(Has(acid.flags, "warning_required"));
  // Both forms within: no doubt left.
  CHECK(AssessNutrient(Limits(), Person("adult"), "niacin", 8, "mg").level == NutrientLevel::WithinUpperLevel);
}

TEST_CASE("a label naming two forms with different limits is judged by both", "[assess][nutrients]") {
  // multivitamin-phone-0011 of seed 44127: "Nicotinamide (acide nicotinique) | 12 mg | 75 %",
  // 12 mg a day. The first form named, nicotinamide (900 mg), made it within; as nicotinic acid
  // (10 mg) it is above. Which one the tablet holds is not sure: unknown, never within.
  const Models& m = test::TestModels();
  const auto read = [&](const std::string& row) {
    const auto facts = ExtractNutrients(LinesFromText("Par comprimé\n" + row + "\n1 comprimé par jour.\n"),
                                        m.nutrientNames, m.nutrients, m.vocabulary, m.rules.Limits());
    for (const auto& r : AssessNutrients(facts, m.nutrients, Person("adult")))
      if (r.facts.id == "niacin") return r;
    FAIL("niacin not read");
    return NutrientResult{};
  };
  const NutrientResult both = read("Nicotinamide (acide nicotinique) 12 mg 75 %");
  REQUIRE(both.facts.perDay);
  CHECK(*both.facts.perDay == Approx(12));
  CHECK(both.assessment.level == NutrientLevel::Unknown);
  CHECK(Has(both.assessment.flags, "upper_level_depends_on_form"));
  // One form named: its own limit.
  CHECK(read("Niacine (nicotinamide) 12 mg 75 %").assessment.level == NutrientLevel::WithinUpperLevel);
  CHECK(read("Niacine (acide nicotinique) 12 mg 75 %").assessment.level == NutrientLevel::AboveUpperLevel);
}

TEST_CASE("mandatory Belgian warnings start just above their threshold", "[assess][nutrients]") {
  for (const Nutrient& n : Limits().All())
    for (const auto& w : n.warnings) {
      INFO(n.id << " " << w.id);
      const std::string form = w.forms.empty() ? "" : w.forms.front();
      CHECK_FALSE(Has(AssessNutrient(Limits(), Person("adult"), n.id, w.above, n.unit, form).flags, "warning_required"));
      const auto above = AssessNutrient(Limits(), Person("adult"), n.id, w.above * 1.001 + 0.001, n.unit, form);
      CHECK(Has(above.flags, "warning_required"));
      CHECK_THAT(AllMessages(above), Catch::Contains(w.message));
    }
  CHECK(Limits().Find("zinc")->warnings.front().above == 10);
  CHECK(Limits().Find("vitamin_k")->warnings.front().above == 25);
  CHECK(Limits().Find("potassium")->warnings.front().above == 1000);
}

TEST_CASE("amounts in other mass units are converted, IU is refused", "[assess][nutrients]") {
  const auto mcg = AssessNutrient(Limits(), Person("adult"), "vitamin_b6", 20000, "mcg");
  CHECK(mcg.level == NutrientLevel::AboveUpperLevel);
  CHECK_THAT(mcg.messages.front(), Catch::StartsWith("20 mg vitamin B6"));
  CHECK(AssessNutrient(Limits(), Person("adult"), "selenium", 0.255, "mg").level == NutrientLevel::WithinUpperLevel);
  const auto iu = AssessNutrient(Limits(), Person("adult"), "vitamin_d", 1000, "IU");
  CHECK(iu.level == NutrientLevel::Unknown);
  CHECK(Has(iu.flags, "bad_unit"));
  CHECK(Has(AssessNutrient(Limits(), Person("adult"), "unobtainium", 1, "mg").flags, "unknown_nutrient"));
}

TEST_CASE("the worst level of several nutrients", "[assess][nutrients]") {
  std::vector<NutrientAssessment> list;
  CHECK_FALSE(WorstLevel(list));
  list.push_back(AssessNutrient(Limits(), Person("adult"), "vitamin_c", 100, "mg"));
  CHECK(*WorstLevel(list) == NutrientLevel::NoUpperLevel);
  list.push_back(AssessNutrient(Limits(), Person("adult"), "zinc", 10, "mg"));
  CHECK(*WorstLevel(list) == NutrientLevel::WithinUpperLevel);
  list.push_back(AssessNutrient(Limits(), Person("adult"), "niacin", 16, "mg"));
  CHECK(*WorstLevel(list) == NutrientLevel::Unknown);
  list.push_back(AssessNutrient(Limits(), Person("adult"), "vitamin_b6", 20, "mg"));
  CHECK(NutrientLevelName(*WorstLevel(list)) == "above_upper_level");
}

TEST_CASE("the magnesium data agrees with the rules of the magnesium verdict", "[assess][nutrients]") {
  const Rules& rules = test::TestModels().rules;
  const Nutrient* mg = Limits().Find("magnesium");
  REQUIRE(mg);
  REQUIRE(mg->upperLevels.size() == 1);
  const HealthLimit& h = mg->upperLevels.front();
  CHECK(h.appliesTo == "supplements_only");
  REQUIRE(mg->legalMax.value);
  CHECK(*mg->legalMax.value == rules.belgianMaxMg);
  CHECK(*mg->referenceIntake == rules.referenceIntakeMg);
  // Every rules.json profile against the band nutrients.json gives for the same person.
  for (const auto& [id, profile] : rules.profiles) {
    INFO("rules.json profile " << id);
    std::vector<std::string> bands;
    if (id == "adult") bands = {"adult"};
    else if (id == "pregnant") bands = {"pregnancy"};
    else if (id == "lactating") bands = {"lactation"};
    else if (id == "child-1-3") bands = {"1-3"};
    else if (id == "child-4-10") bands = {"4-6", "7-10"};
    else if (id.rfind("age-", 0) == 0) bands = {id.substr(4)};
    REQUIRE_FALSE(bands.empty());
    for (const auto& band : bands) {
      const BandLimit& b = h.bands.at(band);
      if (profile.noaelMg) {
        REQUIRE(b.type == BandLimit::Type::Value);
        CHECK(b.value == *profile.noaelMg);
      } else {
        CHECK(b.type == BandLimit::Type::NoneSet);
      }
    }
  }
}

TEST_CASE("a broken nutrients.json is refused naming the file and the entry", "[assess][nutrients]") {
  const auto original = nlohmann::json::parse(FileText());
  auto expectError = [](const nlohmann::json& doc, const std::string& fragment) {
    const auto r = NutrientLimits::Parse(doc.dump(), "models/nutrients.json");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::StartsWith("models/nutrients.json"));
    CHECK_THAT(r.error().message, Catch::Contains(fragment));
  };
  auto nutrient = [](nlohmann::json& doc, const std::string& id) -> nlohmann::json& {
    for (auto& n : doc["nutrients"])
      if (n["id"] == id) return n;
    throw std::runtime_error("no " + id);
  };
  {
    auto d = original;
    nutrient(d, "vitamin_b6")["upper_levels"][0].erase("applies_to");
    expectError(d, "nutrient 'vitamin_b6': upper level: 'applies_to' is missing");
  }
  {
    auto d = original;
    nutrient(d, "zinc")["legal_max"]["source"] = "nowhere";
    expectError(d, "nutrient 'zinc': legal_max: source 'nowhere' is not in 'sources'");
  }
  {
    auto d = original;
    nutrient(d, "iron")["upper_levels"][0]["bands"]["adult"] = -40;
    expectError(d, "nutrient 'iron': upper level: band 'adult': must not be negative");
  }
  {
    auto d = original;
    nutrient(d, "iodine")["upper_levels"][0]["bands"]["0-1"] = 100;
    expectError(d, "band '0-1' is not an EFSA age band");
  }
  {
    auto d = original;
    nutrient(d, "selenium")["upper_levels"][0]["bands"]["1-3"].erase("note");
    expectError(d, "nutrient 'selenium': upper level: band '1-3': an unconfirmed value needs a 'note'");
  }
  {
    auto d = original;
    nutrient(d, "copper")["legal_max"]["unit"] = "µg";
    expectError(d, "nutrient 'copper': legal_max: unit differs");
  }
  {
    auto d = original;
    d["nutrients"].push_back(nutrient(d, "tin"));
    expectError(d, "nutrient 'tin': listed twice");
  }
  const auto notJson = NutrientLimits::Parse("{ not json", "models/nutrients.json");
  REQUIRE_FALSE(notJson);
  CHECK(notJson.error().message == "models/nutrients.json is not valid JSON");
  CHECK_FALSE(NutrientLimits::Load("/nonexistent-models-dir"));
}
