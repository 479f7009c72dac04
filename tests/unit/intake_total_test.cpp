// The total over several products (assess/intake_total) and the reading of results files
// (report/results_file): sums in one unit, "at least" when a dose was not read, the two limits
// apart (the Belgian maximum is per product), results without a nutrient list, and bad input
// named by file and line. The limits are the project's real models/nutrients.json.

#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "support/nutrient_limits.h"
#include "support/temp_dir.h"
#include "suppcheck/assess/intake_total.h"
#include "suppcheck/report/intake_total_report.h"
#include "suppcheck/report/results_file.h"

using namespace suppcheck;
using Json = nlohmann::ordered_json;

namespace {

const NutrientLimits& Limits() { return test::TestNutrientLimits(); }

AgeProfile Adult() { return *ProfileFromName("adult"); }
AgeProfile Aged(double years) { return *ProfileFromAge(years, LifeStage::None); }

Json Item(const std::string& id, Json perDay, const std::string& unit, Json forms = Json::array()) {
  return Json{{"id", id}, {"per_unit", perDay}, {"per_day", perDay}, {"unit", unit}, {"forms", forms}};
}

/// A scan result with a nutrient list (magnesium object absent: not shown).
Json Result(const std::string& file, Json nutrients) {
  return Json{{"file", file}, {"ok", true}, {"magnesium", {{"present", nullptr}, {"mg_per_day", nullptr}}},
              {"nutrients", std::move(nutrients)}};
}

/// A result made before nutrients were read: the magnesium object only.
Json MagnesiumResult(const std::string& file, Json present, Json mgPerDay) {
  return Json{{"file", file}, {"ok", true}, {"magnesium", {{"present", present}, {"mg_per_day", mgPerDay}}}};
}

ProductIntake Product(const Json& result, const std::string& source = "r.jsonl:1") {
  auto p = IntakeFromResult(result, Limits(), source);
  INFO((p ? "" : p.error().message));
  REQUIRE(p);
  return *p;
}

IntakeTotal Total(const std::vector<Json>& results, const AgeProfile& who = Adult()) {
  std::vector<ProductIntake> products;
  int line = 0;
  for (const auto& r : results) products.push_back(Product(r, "r.jsonl:" + std::to_string(++line)));
  return SumIntake(std::move(products), Limits(), who);
}

const NutrientTotal& Find(const IntakeTotal& t, const std::string& id) {
  for (const auto& n : t.nutrients)
    if (n.id == id) return n;
  FAIL("no total for " << id);
  throw std::logic_error("unreachable");
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string Messages(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& m : v) s += m + "\n";
  return s;
}

}  // namespace

TEST_CASE("totals add up per nutrient over the products, in the nutrient's unit", "[assess][total]") {
  const IntakeTotal t = Total({Result("a.jpg", {Item("magnesium", 200, "mg"), Item("zinc", 10, "mg")}),
                               Result("b.jpg", {Item("magnesium", 200, "mg"), Item("zinc", 5000, "µg"),
                                                Item("vitamin_d", 25, "mcg")})});
  const NutrientTotal& mg = Find(t, "magnesium");
  CHECK(mg.perDay == Approx(400));
  CHECK(mg.unit == "mg");
  CHECK_FALSE(mg.atLeast);
  REQUIRE(mg.products.size() == 2);
  CHECK(mg.products[0].file == "a.jpg");
  CHECK(mg.products[1].file == "b.jpg");
  CHECK(mg.products[1].source == "r.jsonl:2");
  // 400 mg is above the 250 mg of EFSA (supplements) but within the Belgian 450 mg.
  CHECK(mg.assessment.level == NutrientLevel::AboveUpperLevel);
  CHECK(Has(mg.assessment.flags, "above_upper_level"));
  CHECK_FALSE(Has(mg.assessment.flags, "above_legal_max"));
  CHECK_THAT(Messages(mg.assessment.messages), Catch::Contains("400 mg magnesium a day"));

  const NutrientTotal& zinc = Find(t, "zinc");
  CHECK(zinc.perDay == Approx(15));  // 10 mg + 5000 µg
  CHECK(zinc.assessment.level == NutrientLevel::WithinUpperLevel);
  // The label warning above 10 mg is about one product's label, not about a sum.
  CHECK_FALSE(Has(zinc.assessment.flags, "warning_required"));

  const NutrientTotal& d = Find(t, "vitamin_d");
  CHECK(d.perDay == Approx(25));
  CHECK(d.unit == "µg");
  REQUIRE(d.products.size() == 1);

  // Order of models/nutrients.json: vitamins first.
  CHECK(t.nutrients.front().id == "vitamin_d");
  REQUIRE(t.worst);
  CHECK(*t.worst == NutrientLevel::AboveUpperLevel);
}

TEST_CASE("a sum at the limit is within it, just above is above", "[assess][total]") {
  auto level = [](double a, double b, const AgeProfile& who) {
    return Find(Total({Result("a.jpg", {Item("vitamin_d", a, "µg")}), Result("b.jpg", {Item("vitamin_d", b, "µg")})},
                      who),
                "vitamin_d")
        .assessment.level;
  };
  CHECK(level(50, 50, Adult()) == NutrientLevel::WithinUpperLevel);    // 100 µg: the adult UL
  CHECK(level(50, 50.1, Adult()) == NutrientLevel::AboveUpperLevel);
  CHECK(level(25, 25, Aged(5)) == NutrientLevel::WithinUpperLevel);     // 50 µg: the UL of 4-6 years
  CHECK(level(25, 25.1, Aged(5)) == NutrientLevel::AboveUpperLevel);
  CHECK(level(30, 30, Adult()) == NutrientLevel::WithinUpperLevel);
  CHECK(level(30, 30, Aged(5)) == NutrientLevel::AboveUpperLevel);
}

TEST_CASE("a product whose dose was not read makes the total 'at least', never within", "[assess][total]") {
  Json unread = Item("vitamin_d", nullptr, "µg");
  unread["per_unit"] = 10;  // per tablet read, not how many a day
  const IntakeTotal t = Total({Result("a.jpg", {Item("vitamin_d", 40, "µg")}), Result("b.jpg", {unread})});
  const NutrientTotal& d = Find(t, "vitamin_d");
  CHECK(d.atLeast);
  CHECK(d.anyKnown);
  CHECK(d.perDay == Approx(40));
  CHECK(d.assessment.level == NutrientLevel::Unknown);
  CHECK(Has(d.assessment.flags, "dose_unknown"));
  REQUIRE(d.assessment.messages.size() >= 2);
  CHECK_THAT(d.assessment.messages[0], Catch::StartsWith("The total is at least 40 µg"));
  // "40 µg is within 100 µg" holds for the amounts read only, and says so.
  CHECK_THAT(d.assessment.messages[1], Catch::StartsWith("Counting only the amounts that were read: 40 µg vitamin D a day is within"));
  CHECK_THAT(Messages(d.assessment.messages), Catch::Contains("b.jpg (the amount per unit was read, not how many units a day)"));
  REQUIRE(d.products.size() == 2);
  CHECK_FALSE(d.products[1].perDay);
  CHECK(*t.worst == NutrientLevel::Unknown);

  // Above already with what was read: above stands, still "at least".
  const IntakeTotal above = Total({Result("a.jpg", {Item("vitamin_d", 150, "µg")}), Result("b.jpg", {unread})});
  CHECK(Find(above, "vitamin_d").assessment.level == NutrientLevel::AboveUpperLevel);
  CHECK(Find(above, "vitamin_d").atLeast);

  // Nobody's amount read: unknown, no number.
  const IntakeTotal none = Total({Result("b.jpg", {unread})});
  CHECK_FALSE(Find(none, "vitamin_d").anyKnown);
  CHECK(Find(none, "vitamin_d").assessment.level == NutrientLevel::Unknown);
  CHECK(IntakeTotalJson(none, Adult())["nutrients"][0]["per_day"].is_null());

  // An amount in IU that was not converted is not a mass: not read, said so.
  const IntakeTotal iu = Total({Result("c.jpg", {Item("vitamin_d", 400, "IU")})});
  CHECK_THAT(Find(iu, "vitamin_d").products[0].why, Catch::Contains("'IU', not a mass"));
}

TEST_CASE("the Belgian maximum is per product: a product alone above it is named", "[assess][total]") {
  // Two zinc products of 15 mg: 30 mg is above EFSA's 25 mg and the sum above 22.5 mg, but each
  // product alone is within the legal maximum.
  const IntakeTotal both = Total({Result("a.jpg", {Item("zinc", 15, "mg")}), Result("b.jpg", {Item("zinc", 15, "mg")})});
  const NutrientTotal& zinc = Find(both, "zinc");
  CHECK(zinc.assessment.level == NutrientLevel::AboveUpperLevel);
  CHECK(Has(zinc.assessment.flags, "above_legal_max"));
  CHECK_FALSE(Has(zinc.assessment.flags, "product_above_legal_max"));
  CHECK_THAT(Messages(zinc.assessment.messages), Catch::Contains("each of these products alone is within it"));
  REQUIRE(zinc.assessment.legalMax);
  CHECK(zinc.assessment.legalMax->value == 22.5);

  const IntakeTotal one = Total({Result("a.jpg", {Item("zinc", 24, "mg")}), Result("b.jpg", {Item("zinc", 1, "mg")})});
  const NutrientTotal& z = Find(one, "zinc");
  CHECK(Has(z.assessment.flags, "product_above_legal_max"));
  CHECK(z.products[0].aboveLegalMax);
  CHECK_FALSE(z.products[1].aboveLegalMax);
  CHECK_THAT(Messages(z.assessment.messages), Catch::Contains("a.jpg alone gives 24 mg zinc a day"));
  CHECK(Has(one.flags, "product_above_legal_max"));
}

TEST_CASE("results without a nutrient list count their magnesium, and say so", "[assess][total]") {
  const IntakeTotal t = Total({MagnesiumResult("a.jpg", true, 200), MagnesiumResult("b.jpg", true, 200),
                               MagnesiumResult("c.jpg", false, nullptr)});
  REQUIRE(t.nutrients.size() == 1);
  CHECK(t.nutrients[0].id == "magnesium");
  CHECK(t.nutrients[0].perDay == Approx(400));
  CHECK(t.nutrients[0].products.size() == 2);
  CHECK(t.products[0].read == "magnesium_only");
  CHECK(Has(t.flags, "magnesium_only"));
  CHECK_THAT(Messages(t.messages), Catch::Contains("Only the magnesium of a.jpg, b.jpg, c.jpg"));

  // Within for magnesium, but the one-line verdict cannot be "within" for the other nutrients.
  const IntakeTotal low = Total({MagnesiumResult("a.jpg", true, 100), MagnesiumResult("b.jpg", true, 100)});
  CHECK(low.nutrients[0].assessment.level == NutrientLevel::WithinUpperLevel);
  CHECK(*low.worst == NutrientLevel::Unknown);

  // The magnesium object beside a list that lacks magnesium is counted once, from the object.
  Json both = Result("d.jpg", {Item("zinc", 5, "mg")});
  both["magnesium"] = {{"present", true}, {"mg_per_day", 120}, {"mg_per_day_range", {100, 120}}};
  const IntakeTotal mixed = Total({both});
  CHECK(Find(mixed, "magnesium").perDay == Approx(120));
  REQUIRE(Find(mixed, "magnesium").perDayRange);
  CHECK(Find(mixed, "magnesium").perDayRange->first == Approx(100));
  CHECK(mixed.products[0].read == "nutrients");
}

TEST_CASE("products whose contents are unknown are named, not counted as nothing", "[assess][total]") {
  Json failed{{"file", "broken.jpg"}, {"ok", false}, {"error", {{"code", "not_an_image"}, {"message", "not an image"}}},
              {"magnesium", nullptr}};
  const IntakeTotal t = Total({Result("a.jpg", {Item("vitamin_c", 200, "mg")}), failed,
                               MagnesiumResult("front.jpg", nullptr, nullptr)});
  CHECK(t.products[1].read == "not_read");
  CHECK_THAT(t.products[1].notReadWhy, Catch::Contains("not an image"));
  CHECK(t.products[2].read == "not_read");
  CHECK(Has(t.flags, "contents_unknown"));
  CHECK_THAT(Messages(t.messages), Catch::Contains("broken.jpg"));
  CHECK_THAT(Messages(t.messages), Catch::Contains("front.jpg (the photo did not show"));
  CHECK(*t.worst == NutrientLevel::Unknown);
}

TEST_CASE("a product given twice is counted once", "[assess][total]") {
  const IntakeTotal t = Total({MagnesiumResult("a.jpg", true, 100), MagnesiumResult("a.jpg", true, 150)});
  CHECK(t.products.size() == 1);
  CHECK(t.nutrients[0].perDay == Approx(150));
  CHECK_THAT(Messages(t.messages), Catch::Contains("a.jpg appears more than once (r.jsonl:1 and r.jsonl:2)"));
}

TEST_CASE("the form named by every product picks the limit that depends on it", "[assess][total]") {
  // Niacin: nicotinic acid 10 mg vs nicotinamide 900 mg (adults).
  const IntakeTotal same = Total({Result("a.jpg", {Item("niacin", 30, "mg", {"nicotinamide"})}),
                                  Result("b.jpg", {Item("niacin", 30, "mg", {"Nicotinamid"})})});
  CHECK(Find(same, "niacin").formId == "nicotinamide");
  CHECK(Find(same, "niacin").assessment.level == NutrientLevel::WithinUpperLevel);
  const IntakeTotal mixed = Total({Result("a.jpg", {Item("niacin", 30, "mg", {"nicotinamide"})}),
                                   Result("b.jpg", {Item("niacin", 30, "mg", {"nicotinic acid"})})});
  CHECK(Find(mixed, "niacin").formId.empty());
  CHECK(Find(mixed, "niacin").assessment.level == NutrientLevel::Unknown);  // 60 mg: above one form's limit only
}

TEST_CASE("what is not a scan result is refused with the place and the reason", "[assess][total]") {
  auto error = [](const Json& j) {
    auto p = IntakeFromResult(j, Limits(), "r.jsonl:7");
    REQUIRE_FALSE(p);
    CHECK(p.error().code == "not_a_result");
    CHECK_THAT(p.error().message, Catch::StartsWith("r.jsonl:7: not a scan result: "));
    return p.error().message;
  };
  CHECK_THAT(error(Json::array({1, 2})), Catch::Contains("a JSON list, not an object"));
  CHECK_THAT(error(Json{{"input", "NUT 1/2"}, {"status", "valid"}}), Catch::Contains("no \"file\""));
  CHECK_THAT(error(Json{{"file", "a.jpg"}}), Catch::Contains("no \"ok\""));
  CHECK_THAT(error(Json{{"file", "a.jpg"}, {"ok", true}, {"nutrients", "zinc"}}), Catch::Contains("\"nutrients\" is not a list"));
  CHECK_THAT(error(Result("a.jpg", {Json{{"per_day", 3}}})), Catch::Contains("nutrients[0] has no \"id\""));
  CHECK_THAT(error(Result("a.jpg", {Item("zinc", "ten", "mg")})), Catch::Contains("\"nutrients[0].per_day\" is a string"));
  CHECK_THAT(error(Result("a.jpg", {Item("zinc", -3, "mg")})), Catch::Contains("not an amount"));
  CHECK_THAT(error(MagnesiumResult("a.jpg", "yes", 3)), Catch::Contains("magnesium.present"));
  CHECK_THAT(error(Json{{"file", "a.jpg"}, {"ok", true}, {"magnesium", 5}}), Catch::Contains("\"magnesium\" is not an object"));
}

TEST_CASE("results files: JSON Lines, a JSON document, and bad lines named", "[report][total]") {
  std::istringstream lines("{\"file\":\"a.jpg\",\"ok\":true}\n\n  \r\n{\"file\": broken\n{\"file\":\"b.jpg\",\"ok\":true}\r\n{\"file\":\"c.j");
  const ResultsRead r = ReadResults(lines, "r.jsonl");
  REQUIRE(r.results.size() == 2);
  CHECK(r.results[0].source == "r.jsonl:1");
  CHECK(r.results[1].source == "r.jsonl:5");
  CHECK(r.results[1].value["file"] == "b.jpg");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].code == "bad_input");
  CHECK(r.problems[0].message == "r.jsonl:4: is not JSON");
  CHECK_THAT(r.problems[1].message, Catch::StartsWith("r.jsonl:6: is not JSON") && Catch::Contains("cut short"));

  std::istringstream array("[\n {\"file\": \"a.jpg\", \"ok\": true},\n {\"file\": \"b.jpg\", \"ok\": true}\n]\n");
  const ResultsRead a = ReadResults(array, "r.json");
  REQUIRE(a.results.size() == 2);
  CHECK(a.results[1].source == "r.json[1]");
  CHECK(a.problems.empty());

  std::istringstream object("{\n  \"file\": \"a.jpg\",\n  \"ok\": true\n}\n");
  const ResultsRead o = ReadResults(object, "one.json");
  REQUIRE(o.results.size() == 1);
  CHECK(o.results[0].source == "one.json");

  std::istringstream deep(std::string(200, '[') + std::string(200, ']') + "\n");
  const ResultsRead d = ReadResults(deep, "deep.jsonl");
  CHECK(d.results.empty());
  REQUIRE(d.problems.size() == 1);
  CHECK_THAT(d.problems[0].message, Catch::Contains("nests deeper"));

  test::TempDir dir;
  const ResultsRead missing = ReadResultsFile((dir / "none.jsonl").string());
  REQUIRE(missing.problems.size() == 1);
  CHECK_THAT(missing.problems[0].message, Catch::Contains("none.jsonl: cannot be opened: No such file"));
  const ResultsRead folder = ReadResultsFile(dir.path().string());
  REQUIRE(folder.problems.size() == 1);
  CHECK_THAT(folder.problems[0].message, Catch::Contains("is a folder"));
}

TEST_CASE("the total as JSON and text", "[report][total]") {
  Json unread = Item("zinc", nullptr, "mg");
  const IntakeTotal t = Total({Result("a.jpg", {Item("magnesium", 0.1, "mg"), Item("zinc", 5, "mg")}),
                               Result("b.jpg", {Item("magnesium", 0.2, "mg"), unread})});
  const Json j = IntakeTotalJson(t, Adult());
  CHECK(j["profile"]["band"] == "adult");
  REQUIRE(j["nutrients"].size() == 2);
  const Json& mg = j["nutrients"][0];  // models/nutrients.json order: magnesium before zinc
  CHECK(mg["id"] == "magnesium");
  CHECK(mg["per_day"].dump() == "0.3");  // no 0.30000000000000004
  CHECK(mg["level"] == "within_upper_level");
  CHECK(mg["upper_level"]["value"] == 250);
  CHECK(mg["upper_level"]["applies_to"] == "supplements_only");
  CHECK(mg["legal_max"]["value"] == 450);
  CHECK(mg["products"].size() == 2);
  const Json& zinc = j["nutrients"][1];
  CHECK(zinc["at_least"] == true);
  CHECK(zinc["products"][1]["per_day"].is_null());
  CHECK(zinc["products"][1]["why"] == "the amount a day was not read");
  CHECK(j["assessment"]["worst"] == "unknown");

  const std::string text = IntakeTotalText(j);
  CHECK_THAT(text, Catch::Contains("Total a day over 2 products, for adults:"));
  CHECK_THAT(text, Catch::Contains("zinc: at least 5 mg a day, cannot be judged"));
  CHECK_THAT(text, Catch::Contains("from a.jpg 5 mg, b.jpg (not read)"));
  CHECK_THAT(text, Catch::Contains("magnesium: 0.3 mg a day, within the upper level"));
}
