// `suppcheck scan` end to end: the real binary on real files.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "support/suppcheck_binary.h"
#include "support/temp_dir.h"

using namespace suppcheck::test;
using nlohmann::json;

TEST_CASE("scan: a good photo and a bad file: both reported, exit 3, the bad one named", "[cli][scan]") {
  TempDir dir;
  const auto bad = dir.Write("holiday.jpg", "%PDF-1.4 not really a photo");
  const auto r = Suppcheck({"scan", Sample("sample-phone-0006.jpg"), bad.string(), "--format", "json"});
  CHECK(r.exitCode == 3);
  const json j = json::parse(r.out);
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["ok"] == true);
  CHECK(j[0]["notification"]["number"] == "NUT 67/9");
  CHECK(j[1]["ok"] == false);
  CHECK(j[1]["error"]["code"] == "not_an_image");
  CHECK(j[1]["notification"].is_null());
  CHECK(r.err.find("holiday.jpg: this is a PDF document, not an image") != std::string::npos);
}

TEST_CASE("scan: a flagged label exits 1 and the json object follows the contract", "[cli][scan]") {
  const auto r = Suppcheck({"scan", Sample("sample-phone-0006.jpg"), "--format", "json"});
  CHECK(r.exitCode == 1);  // 750 mg a day
  const json j = json::parse(r.out);
  CHECK(j.is_object());
  for (const char* key : {"file", "ok", "error", "notification", "magnesium", "assessment", "ocr"}) CHECK(j.contains(key));
  CHECK(j["assessment"]["level"] == "above_noael");
  CHECK(j["assessment"]["flags"] == json::array({"above_noael", "above_belgian_max"}));
  CHECK(j["magnesium"]["mg_per_day"] == 750.0);
  CHECK(j["magnesium"]["basis"] == "declared");
  CHECK(j["ocr"]["engine"].get<std::string>().rfind("tesseract 5.", 0) == 0);
  for (const auto& e : j["magnesium"]["evidence"]) CHECK(e["box"].size() == 4);
}

TEST_CASE("scan --text reads OCR'd text from stdin", "[cli][scan]") {
  const auto r = Suppcheck({"scan", "--text", "-", "--format", "json"},
                           "Notificatienummer: NUT/PL 1234/56\nPer tablet: magnesium 100 mg\nNeem 2 tabletten per dag.\n");
  CHECK(r.exitCode == 0);
  const json j = json::parse(r.out);
  CHECK(j["notification"]["number"] == "NUT/PL 1234/56");
  CHECK(j["magnesium"]["mg_per_day"] == 200.0);
  CHECK(j["assessment"]["level"] == "within_noael");
  CHECK(j["ocr"].is_null());
}

TEST_CASE("scan --profile child-1-3: no upper level for the age is a flag", "[cli][scan]") {
  const auto r = Suppcheck({"scan", "--text", "-", "--format", "json", "--profile", "child-1-3"},
                           "NUT 1/2\nPer tablet: magnesium 100 mg\n1 tablet per dag.\n");
  CHECK(r.exitCode == 1);
  const json j = json::parse(r.out);
  CHECK(j["assessment"]["level"] == "unknown");
  CHECK(j["assessment"]["noael_mg_per_day"].is_null());
  CHECK(j["assessment"]["flags"] == json::array({"no_upper_level_for_age"}));
}

TEST_CASE("scan --annotate writes the photo with the boxes, csv has one row per input", "[cli][scan]") {
  TempDir dir;
  const auto png = dir / "annotated.png";
  const auto r = Suppcheck({"scan", Sample("sample-clean-0002.jpg"), "--annotate", png.string(), "--format", "csv"});
  CHECK(r.exitCode == 0);
  CHECK(ReadFile(png).substr(1, 3) == "PNG");
  std::istringstream in(r.out);
  std::string header, row, extra;
  std::getline(in, header);
  std::getline(in, row);
  CHECK(header == "file,ok,number_status,number,number_text,registry_status,salts,mg_per_unit,units_per_day,mg_per_day,basis,level,flags,error,magnesium_present,shows_ingredients,shows_nutrient_table,shows_dose,shows_directions,shows_legal_text,to_photograph,files,nutrients_worst,nutrients_read,nutrients_above_upper_level,nutrients_above_legal_max");
  CHECK(row.find(",true,valid,PL 96/2,") != std::string::npos);
  CHECK_FALSE(std::getline(in, extra));
}

TEST_CASE("scan: configuration errors exit 2 before anything is read", "[cli][scan]") {
  TempDir dir;
  auto r = Suppcheck({"scan", Sample("sample-clean-0002.jpg"), "--models", dir.path().string()});
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("no rules.json and salts.json there") != std::string::npos);
  r = Suppcheck({"scan"});
  CHECK(r.exitCode == 2);
  r = Suppcheck({"scan", Sample("sample-clean-0002.jpg"), "--languages", "xyz"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("cannot load the Tesseract language data 'xyz'") != std::string::npos);
  r = Suppcheck({"scan", "--text", (dir / "missing.txt").string()});
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("missing.txt") != std::string::npos);
}

TEST_CASE("scan: the text format tells a person the verdict in a few lines", "[cli][scan]") {
  const auto r = Suppcheck({"scan", Sample("sample-phone-0006.jpg"), "--format", "text"});
  CHECK(r.exitCode == 1);
  CHECK(r.out.find("  notification number: NUT 67/9 (format right)\n") != std::string::npos);
  CHECK(r.out.find("  magnesium: 250 mg per unit x 3 a day = 750 mg a day\n") != std::string::npos);
  CHECK(r.out.find("  verdict: above_noael\n") != std::string::npos);
}
