// EFSA age bands from an age in years and from the --profile names, at the band edges.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/assess/age_profile.h"

using namespace suppcheck;

TEST_CASE("ages map to EFSA bands at their edges", "[assess][age]") {
  const std::pair<double, const char*> cases[] = {
      {1, "1-3"},     {3, "1-3"},     {3.99, "1-3"},  {4, "4-6"},     {6.9, "4-6"},   {7, "7-10"},
      {10, "7-10"},   {10.99, "7-10"}, {11, "11-14"}, {14.5, "11-14"}, {15, "15-17"}, {17, "15-17"},
      {17.99, "15-17"}, {18, "adult"}, {45, "adult"}, {99, "adult"},
  };
  for (const auto& [age, band] : cases) {
    INFO("age " << age);
    const auto b = AgeBandFor(age);
    REQUIRE(b);
    CHECK(*b == band);
  }
}

TEST_CASE("no band below one year, none for impossible ages", "[assess][age]") {
  const auto infant = AgeBandFor(0.5);
  REQUIRE_FALSE(infant);
  CHECK_THAT(infant.error().message, Catch::Contains("no EFSA band below 1 year"));
  CHECK_FALSE(AgeBandFor(-1));
  CHECK_FALSE(AgeBandFor(500));
}

TEST_CASE("The --age text is read as years or refused with the text named", "[assess][age]") {
  CHECK(*ParseAgeYears("4") == 4);
  CHECK(*ParseAgeYears("2.5") == 2.5);
  CHECK(*ParseAgeYears("2,5") == 2.5);
  for (const char* bad : {"abc", "", "4y", "four", "1e3x", " ", "nan", "inf"}) {
    INFO("--age '" << bad << "'");
    const auto r = ParseAgeYears(bad);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains(std::string("'") + bad + "'"));
  }
  const auto negative = ParseAgeYears("-3");
  REQUIRE_FALSE(negative);
  CHECK_THAT(negative.error().message, Catch::Contains("negative"));
  const auto infant = ParseAgeYears("0.5");
  REQUIRE_FALSE(infant);
  CHECK_THAT(infant.error().message, Catch::Contains("no EFSA band below 1 year"));
}

TEST_CASE("the --profile names keep their meaning", "[assess][age]") {
  struct Case {
    const char* name;
    const char* band;
    LifeStage stage;
    const char* label;
  };
  const Case cases[] = {
      {"adult", "adult", LifeStage::None, "adults"},
      {"child-4-10", "4-6", LifeStage::None, "children aged 4 to 6"},  // the lower band's limits
      {"child-1-3", "1-3", LifeStage::None, "children aged 1 to 3"},
      {"pregnant", "adult", LifeStage::Pregnant, "pregnant women"},
      {"lactating", "adult", LifeStage::Lactating, "breastfeeding women"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto p = ProfileFromName(c.name);
    REQUIRE(p);
    CHECK(p->band == c.band);
    CHECK(p->stage == c.stage);
    CHECK(p->rulesProfileId == c.name);
    CHECK(p->Label() == c.label);
  }
  CHECK_FALSE(ProfileFromName("toddler"));
  CHECK(ProfileNames().size() == 5);
}

TEST_CASE("The --age profiles combine with pregnancy and name a magnesium profile rules.json has", "[assess][age]") {
  const auto& rules = test::TestModels().rules;
  for (double age : {1.0, 3.0, 4.0, 8.0, 12.0, 16.0, 18.0, 70.0}) {
    INFO("age " << age);
    const auto p = ProfileFromAge(age, LifeStage::None);
    REQUIRE(p);
    CHECK(rules.profiles.count(p->rulesProfileId) == 1);
  }
  const auto teen = ProfileFromAge(16, LifeStage::Pregnant);
  REQUIRE(teen);
  CHECK(teen->band == "15-17");
  CHECK(teen->rulesProfileId == "pregnant");
  CHECK(teen->Label() == "pregnant women aged 16");
  CHECK(ProfileFromAge(30, LifeStage::Lactating)->rulesProfileId == "lactating");
  CHECK(ProfileFromAge(5, LifeStage::None)->rulesProfileId == "age-4-6");
  CHECK(ProfileFromAge(40, LifeStage::None)->rulesProfileId == "adult");
  const auto child = ProfileFromAge(5, LifeStage::Pregnant);
  REQUIRE_FALSE(child);
  CHECK_THAT(child.error().message, Catch::Contains("--age 5"));
}
