// `suppcheck total` through the real binary: on results a real `scan` wrote for sample photos, and
// on hand-written lines for the edge cases (a broken line, a line that is not a result, a missing
// file, doses not read, an age band), with the exit statuses of spec/cli.md.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


#include "support/json_lines.h"
#include "support/suppcheck_binary.h"
#include "support/temp_dir.h"

using namespace suppcheck::test;
using nlohmann::json;

namespace {

json Total(const std::vector<std::string>& files, int expectedExit, const std::vector<std::string>& extra = {},
           const std::string& input = "") {
  std::vector<std::string> args = {"total", "--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = Suppcheck(args, input);
  INFO(r.err);
  CHECK(r.exitCode == expectedExit);
  return json::parse(r.out);
}

const json* FindNutrient(const json& total, const std::string& id) {
  for (const auto& n : total["nutrients"])
    if (n["id"] == id) return &n;
  return nullptr;
}

/// What a scan result gives of magnesium a day, by the report contract: its `nutrients` entry
/// when it has a list with magnesium, else the magnesium object when magnesium is present.
/// Null: present, not read. `has` says whether the product has magnesium at all.
json MagnesiumOf(const json& result, bool& has) {
  has = true;
  if (result.contains("nutrients") && result["nutrients"].is_array())
    for (const auto& n : result["nutrients"])
      if (n["id"] == "magnesium") {
        double f = n["unit"] == "g" ? 1000 : n["unit"] == "mg" ? 1 : 0.001;
        return n["per_day"].is_number() ? json(n["per_day"].get<double>() * f) : json();
      }
  has = result["magnesium"]["present"] == true;
  return has ? result["magnesium"]["mg_per_day"] : json();
}

std::string Line(const std::string& file, const std::string& nutrients) {
  return "{\"file\": \"" + file + "\", \"ok\": true, \"magnesium\": {\"present\": null}, \"nutrients\": [" + nutrients + "]}\n";
}

std::string VitaminD(double ug) { return "{\"id\": \"vitamin_d\", \"per_day\": " + std::to_string(ug) + ", \"unit\": \"µg\"}"; }

}  // namespace

TEST_CASE("total adds up what a real scan of sample photos wrote", "[cli][total]") {
  TempDir dir;
  const std::string out = (dir / "scan.jsonl").string();
  const auto scan = Suppcheck({"scan", Sample("sample-clean-0001.jpg"), Sample("sample-clean-0002.jpg"), "--format", "jsonl",
                               "--out", out, "--quiet"});
  INFO(scan.err);
  REQUIRE((scan.exitCode == 0 || scan.exitCode == 1));
  const auto results = JsonLines(ReadFile(out));
  REQUIRE(results.size() == 2);

  // The expected total from the two results themselves, by the rule of the report contract.
  double sum = 0;
  bool atLeast = false;
  int withMagnesium = 0;
  for (const auto& r : results) {
    bool has = false;
    const json mg = MagnesiumOf(r, has);
    if (!has) continue;
    ++withMagnesium;
    if (mg.is_number()) sum += mg.get<double>(); else atLeast = true;
  }
  REQUIRE(withMagnesium > 0);  // the samples are magnesium labels

  const auto r = Suppcheck({"total", out, "--format", "json"});
  INFO(r.err);
  const json total = json::parse(r.out);
  REQUIRE(total["products"].size() == 2);
  CHECK(total["products"][0]["file"] == results[0]["file"]);
  CHECK(total["products"][0]["source"] == out + ":1");
  CHECK(total["products"][1]["source"] == out + ":2");
  const json* mg = FindNutrient(total, "magnesium");
  REQUIRE(mg);
  CHECK((*mg)["at_least"] == atLeast);
  CHECK((*mg)["products"].size() == static_cast<size_t>(withMagnesium));
  if (sum > 0) CHECK((*mg)["per_day"].get<double>() == Approx(sum));
  CHECK((*mg)["upper_level"]["value"] == 250);
  CHECK((*mg)["legal_max"]["value"] == 450);
  const bool above = sum > 250;
  CHECK((*mg)["level"] == (above ? "above_upper_level" : atLeast ? "unknown" : "within_upper_level"));
  // Every nutrient the scan reported is in the total.
  for (const auto& res : results)
    if (res.contains("nutrients") && res["nutrients"].is_array())
      for (const auto& n : res["nutrients"])
        if (n["id"] != "other") CHECK(FindNutrient(total, n["id"].get<std::string>()));
  bool flagged = false;
  for (const auto& n : total["nutrients"])
    for (const auto& f : n["flags"]) flagged |= f == "above_upper_level" || f == "above_legal_max" || f == "product_above_legal_max";
  CHECK(r.exitCode == (flagged ? 1 : 0));
  if (above) CHECK(flagged);

  // The same results piped in on stdin give the same sums.
  const json piped = Total({"-"}, r.exitCode, {}, ReadFile(out));
  CHECK(piped["nutrients"].size() == total["nutrients"].size());
  const json* pipedMg = FindNutrient(piped, "magnesium");
  REQUIRE(pipedMg);
  CHECK((*pipedMg)["per_day"] == (*mg)["per_day"]);
  CHECK(piped["products"][0]["source"] == "<stdin>:1");

  // Text for a person names the products.
  const auto text = Suppcheck({"total", out, "--format", "text"});
  CHECK_THAT(text.out, Catch::Contains("Total a day over 2 products, for adults:"));
  CHECK_THAT(text.out, Catch::Contains(results[0]["file"].get<std::string>()));
}

TEST_CASE("total: doses within, above, and the age band", "[cli][total]") {
  TempDir dir;
  const auto file = dir.Write("r.jsonl", Line("a.jpg", VitaminD(30)) + Line("b.jpg", VitaminD(30)));
  const json adult = Total({file.string()}, 0);
  const json* d = FindNutrient(adult, "vitamin_d");
  REQUIRE(d);
  CHECK((*d)["per_day"] == 60.0);
  CHECK((*d)["level"] == "within_upper_level");
  CHECK(adult["assessment"]["worst"] == "within_upper_level");

  const json child = Total({file.string()}, 1, {"--age", "5"});
  CHECK(FindNutrient(child, "vitamin_d")->at("level") == "above_upper_level");
  CHECK(child["profile"]["band"] == "4-6");
  CHECK(Total({file.string()}, 1, {"--profile", "child-4-10"})["assessment"]["worst"] == "above_upper_level");

  // A third product whose dose was not read: "at least", exit 0 (not a flag), the product named.
  const auto more = dir.Write("more.jsonl", "{\"file\": \"c.jpg\", \"ok\": true, \"nutrients\": [{\"id\": \"vitamin_d\", "
                                            "\"per_unit\": 25, \"per_day\": null, \"unit\": \"µg\"}]}\n");
  const json partial = Total({file.string(), more.string()}, 0);
  const json* p = FindNutrient(partial, "vitamin_d");
  CHECK((*p)["at_least"] == true);
  CHECK((*p)["level"] == "unknown");
  CHECK((*p)["products"][2]["file"] == "c.jpg");
  CHECK((*p)["products"][2]["source"] == more.string() + ":1");
  CHECK_THAT((*p)["messages"].dump(), Catch::Contains("at least 60 µg"));
}

TEST_CASE("total: bad input is named by file and line, the rest is counted", "[cli][total]") {
  TempDir dir;
  const auto file = dir.Write("r.jsonl", Line("a.jpg", VitaminD(20)) + "{\"file\": \"b.jpg\", \"ok\": tru\n" +
                                             "{\"input\": \"NUT 1/2\", \"status\": \"valid\"}\n" +
                                             Line("d.jpg", VitaminD(20)) + "{\"file\": \"e.jpg\", \"o");
  const auto missing = (dir / "missing.jsonl").string();
  const auto r = Suppcheck({"total", file.string(), missing, "--format", "json"});
  CHECK(r.exitCode == 3);
  CHECK_THAT(r.err, Catch::Contains(file.string() + ":2: is not JSON"));
  CHECK_THAT(r.err, Catch::Contains(file.string() + ":3: not a scan result: it has no \"file\""));
  CHECK_THAT(r.err, Catch::Contains(file.string() + ":5: is not JSON (the last line is cut short"));
  CHECK_THAT(r.err, Catch::Contains(missing + ": cannot be opened: No such file or directory"));
  const json total = json::parse(r.out);
  CHECK(total["products"].size() == 2);
  CHECK(FindNutrient(total, "vitamin_d")->at("per_day") == 40.0);

  // Usage errors: nothing to read, an option total does not have.
  CHECK(Suppcheck({"total"}).exitCode == 2);
  CHECK(Suppcheck({"total", file.string(), "--registry", "x.csv"}).exitCode == 2);
  CHECK(Suppcheck({"total", file.string(), "--age", "0.5"}).exitCode == 2);
}

TEST_CASE("total: csv per nutrient, --out, and results without a nutrient list", "[cli][total]") {
  TempDir dir;
  // Results of an older suppcheck: the magnesium object only.
  const auto file = dir.Write("old.jsonl",
                              "{\"file\": \"a.jpg\", \"ok\": true, \"magnesium\": {\"present\": true, \"mg_per_day\": 200}}\n"
                              "{\"file\": \"b.jpg\", \"ok\": true, \"magnesium\": {\"present\": true, \"mg_per_day\": 200}}\n");
  const json total = Total({file.string()}, 1);
  REQUIRE(total["nutrients"].size() == 1);
  CHECK(total["nutrients"][0]["per_day"] == 400.0);
  CHECK(total["nutrients"][0]["level"] == "above_upper_level");
  CHECK(total["products"][0]["read"] == "magnesium_only");
  CHECK_THAT(total["assessment"]["messages"].dump(), Catch::Contains("Only the magnesium of a.jpg, b.jpg"));

  const auto csv = Suppcheck({"total", file.string(), "--format", "csv"});
  CHECK(csv.exitCode == 1);
  CHECK_THAT(csv.out, Catch::StartsWith("id,name,per_day,unit,at_least,level,upper_level,legal_max,flags,products,messages\n"
                                        "magnesium,magnesium,400.0,mg,false,above_upper_level,250.0,450.0,"));

  const auto out = dir / "total.json";
  const auto written = Suppcheck({"total", file.string(), "--out", out.string()});
  CHECK(written.exitCode == 1);
  CHECK(written.out.empty());
  CHECK(json::parse(ReadFile(out))["nutrients"][0]["per_day"] == 400.0);

  const auto help = Suppcheck({"total", "--help"});
  CHECK(help.exitCode == 0);
  CHECK_THAT(help.out, Catch::Contains("at least"));
}
