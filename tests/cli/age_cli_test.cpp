// --age YEARS through the real binary: the EFSA band picks the magnesium verdict, bad values stop
// with a usage error naming them; and the registry's "not listed" said in words.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/suppcheck_binary.h"
#include "support/temp_dir.h"

using namespace suppcheck::test;
using nlohmann::json;

namespace {

const char* const kLabel = "NUT 1/2\nPer tablet: magnesium 150 mg\n2 tabletten per dag.\n";  // 300 mg a day

json Scan(const std::vector<std::string>& extra, int expectedExit) {
  std::vector<std::string> args = {"scan", "--text", "-", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = Suppcheck(args, kLabel);
  INFO(r.err);
  CHECK(r.exitCode == expectedExit);
  return json::parse(r.out);
}

std::string Messages(const json& j) {
  std::string s;
  for (const auto& m : j["assessment"]["messages"]) s += m.get<std::string>() + "\n";
  return s;
}

}  // namespace

TEST_CASE("scan --age: the EFSA band decides the magnesium verdict", "[cli][age]") {
  const json toddler = Scan({"--age", "3"}, 1);
  CHECK(toddler["assessment"]["level"] == "unknown");
  CHECK(toddler["assessment"]["noael_mg_per_day"].is_null());
  CHECK(toddler["assessment"]["flags"] == json::array({"no_upper_level_for_age"}));
  CHECK_THAT(Messages(toddler), Catch::Contains("children aged 1 to 3"));

  const json child = Scan({"--age", "4"}, 1);
  CHECK(child["assessment"]["level"] == "above_noael");
  CHECK(child["assessment"]["noael_mg_per_day"] == 250);
  CHECK_THAT(Messages(child), Catch::Contains("children aged 4 to 6"));

  const json teen = Scan({"--age", "17.5"}, 1);
  CHECK(teen["assessment"]["noael_mg_per_day"] == 250);
  CHECK_THAT(Messages(teen), Catch::Contains("adolescents aged 15 to 17"));

  const json adult = Scan({"--age", "18"}, 1);
  CHECK(adult["assessment"]["level"] == "above_noael");
  CHECK_THAT(Messages(adult), Catch::Contains("(adults)"));

  const json pregnant = Scan({"--age", "30", "--profile", "pregnant"}, 1);
  CHECK(pregnant["assessment"]["noael_mg_per_day"] == 250);
  CHECK_THAT(Messages(pregnant), Catch::Contains("pregnant women"));

  // A named group with an age inside it is the same person.
  const json same = Scan({"--age", "2", "--profile", "child-1-3"}, 1);
  CHECK(same["assessment"]["flags"] == json::array({"no_upper_level_for_age"}));
  // The magnesium object is the same whatever the age.
  CHECK(toddler["magnesium"] == adult["magnesium"]);
}

TEST_CASE("scan --age: bad values are usage errors naming the value", "[cli][age]") {
  const std::pair<std::vector<std::string>, const char*> cases[] = {
      {{"--age", "abc"}, "--age 'abc' is not a number of years"},
      {{"--age=-3"}, "--age '-3' is negative"},
      {{"--age", "0.5"}, "no EFSA band below 1 year"},
      {{"--age", "30", "--profile", "child-1-3"}, "--age 30 does not fit --profile child-1-3"},
      {{"--age", "5", "--profile", "lactating"}, "--age 5 with lactating"},
  };
  for (const auto& [extra, message] : cases) {
    std::vector<std::string> args = {"scan", "--text", "-", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = Suppcheck(args, kLabel);
    INFO(message);
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(message));
  }
}

TEST_CASE("The --help of scan lists --age next to the profiles", "[cli][age]") {
  const auto r = Suppcheck({"scan", "--help"});
  CHECK(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("--age"));
  CHECK_THAT(r.out, Catch::Contains("adult|child-4-10|child-1-3|pregnant|lactating"));
}

TEST_CASE("a number not in the registry says what that does and does not mean", "[cli][registry]") {
  TempDir dir;
  const auto csv = dir.Write("reg.csv", "number\nNUT/PL 1234/56\n");
  auto r = Suppcheck({"number", "NUT 476/12", "--registry", csv.string(), "--format", "json"});
  CHECK(r.exitCode == 1);
  const json j = json::parse(r.out);
  CHECK(j["registry"]["status"] == "not_listed");
  CHECK_THAT(j["registry"]["note"].get<std::string>(), Catch::Contains("last five years"));
  CHECK_THAT(j["registry"]["note"].get<std::string>(), Catch::Contains("not proof"));
  r = Suppcheck({"number", "NUT 476/12", "--registry", csv.string(), "--format", "text"});
  CHECK_THAT(r.out, Catch::Contains("registry: not listed. The FPS public search lists only products notified or changed in the last five years"));
  // A listed number carries no such note.
  r = Suppcheck({"number", "NUT/PL 1234/56", "--registry", csv.string(), "--format", "json"});
  CHECK_FALSE(json::parse(r.out)["registry"].contains("note"));

  // In a scan, the flag's message says it too.
  r = Suppcheck({"scan", "--text", "-", "--format", "json", "--registry", csv.string()},
                "Notificatienummer: NUT 476/12\nPer tablet: magnesium 100 mg\n1 tablet per dag.\n");
  const json s = json::parse(r.out);
  CHECK(s["notification"]["registry"]["status"] == "not_listed");
  CHECK_THAT(Messages(s), Catch::Contains("not being listed is not proof that the product was never notified"));
}
