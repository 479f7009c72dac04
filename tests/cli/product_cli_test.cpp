// `suppcheck scan --product`: several photos of one pack through the real binary. The photos in
// samples/products/ were made by scripts/gen/gen_products.py (front / back / side of one label) with
// the truth of the whole label beside them.

#include "support/test_paths.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "support/suppcheck_binary.h"
#include "support/temp_dir.h"

using namespace suppcheck::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kProducts = fs::path(suppcheck::test::SourceDir()) / "samples" / "products";

std::string Photo(const std::string& product, const std::string& name) { return (kProducts / product / name).string(); }

json Truth(const std::string& product) {
  std::ifstream in(kProducts / (product + ".truth.json"));
  return json::parse(in);
}

// `scan --product` of the photos a sample's truth lists, its JSON result.
json ScanProduct(const json& truth) {
  std::vector<std::string> args{"scan", "--product"};
  for (const auto& f : truth["files"]) args.push_back((kProducts / f.get<std::string>()).string());
  args.insert(args.end(), {"--format", "json"});
  return json::parse(Suppcheck(args).out);
}

// One photo scanned alone (`product` false) or as a product of one photo (what batch --products
// makes of a loose photo), its JSON result.
json ScanPhoto(const std::string& path, bool product) {
  std::vector<std::string> args{"scan"};
  if (product) args.push_back("--product");
  args.insert(args.end(), {path, "--format", "json"});
  return json::parse(Suppcheck(args).out);
}

}  // namespace

TEST_CASE("scan --product: front, back and side make the verdict of the whole label", "[cli][product]") {
  for (const std::string product : {"product-clean-0005", "product-clean-0007"}) {
    INFO(product);
    const json truth = Truth(product);
    std::vector<std::string> args{"scan", "--product"};
    for (const auto& f : truth["files"]) args.push_back((kProducts / f.get<std::string>()).string());
    args.insert(args.end(), {"--format", "json"});
    const auto r = Suppcheck(args);
    CHECK(r.exitCode == 1);  // both are above the safe level
    const json j = json::parse(r.out);
    REQUIRE(j.is_object());  // one result for the product
    CHECK(j["file"] == args[2]);
    REQUIRE(j["files"].size() == 3);
    CHECK(j["notification"]["status"] == truth["notification"]["status"]);
    CHECK(j["notification"]["number"] == truth["notification"]["number"]);
    CHECK(j["notification"]["file"].get<std::string>().ends_with("3-side.jpg"));  // the photo that shows it
    CHECK(j["magnesium"]["present"] == true);
    CHECK(j["magnesium"]["mg_per_day"].get<double>() == Approx(truth["magnesium"]["mg_per_day"].get<double>()).epsilon(0.03));
    CHECK(j["assessment"]["level"] == truth["level"]);
    CHECK(j["coverage"]["legal_text"] == true);
    CHECK(j["coverage"]["dose"] == true);
    CHECK(j["coverage"]["to_photograph"].empty());
    REQUIRE_FALSE(j["magnesium"]["evidence"].empty());
    for (const auto& e : j["magnesium"]["evidence"]) CHECK(e["file"].get<std::string>().ends_with("2-back.jpg"));
  }
}

TEST_CASE("scan --product: the front alone asks for the other sides, the side adds the number", "[cli][product]") {
  const std::string front = Photo("product-clean-0007", "1-front.jpg");
  auto r = Suppcheck({"scan", "--product", front, "--format", "json"});
  CHECK(r.exitCode == 0);  // nothing is wrong with the product as far as the front goes
  json j = json::parse(r.out);
  CHECK(j["notification"]["status"] == "not_seen");
  CHECK(j["assessment"]["level"] == "unknown");
  CHECK(j["coverage"]["legal_text"] == false);
  CHECK(j["coverage"]["to_photograph"].size() >= 2);
  r = Suppcheck({"scan", "--product", front, Photo("product-clean-0007", "3-side.jpg"), "--format", "json"});
  j = json::parse(r.out);
  CHECK(j["notification"]["status"] == "valid");
  CHECK(j["notification"]["number"] == "PL/AS 2/8");
  CHECK(j["assessment"]["level"] == "unknown");  // the dose is on the back, not photographed yet
}

namespace {

// A product whose photos show different numbers: no number, one problem naming each of `shown`
// (the numbers with their photos), the flag photos_disagree.
void CheckNumbersDisagree(const std::vector<std::string>& photos, const std::vector<std::string>& shown) {
  std::vector<std::string> args{"scan", "--product"};
  args.insert(args.end(), photos.begin(), photos.end());
  args.insert(args.end(), {"--format", "json"});
  const auto r = Suppcheck(args);
  CHECK(r.exitCode == 1);
  const json j = json::parse(r.out);
  CHECK(j["notification"]["status"] == "invalid");
  CHECK(j["notification"]["number"].is_null());
  REQUIRE(j["notification"]["problems"].size() == 1);
  const std::string problem = j["notification"]["problems"][0];
  for (const auto& s : shown) CHECK_THAT(problem, Catch::Contains(s));
  const auto& flags = j["assessment"]["flags"];
  CHECK(std::find(flags.begin(), flags.end(), "photos_disagree") != flags.end());
}

}  // namespace

TEST_CASE("scan --product: two different numbers on the photos are a problem, never resolved", "[cli][product]") {
  CheckNumbersDisagree({Photo("product-clean-0005", "2-back.jpg"), Photo("product-clean-0005", "3-side.jpg"),
                        Photo("product-clean-0007", "3-side.jpg")},
                       {"NUT/PL/AS 6586/3319", "PL/AS 2/8"});
}

TEST_CASE("scan --product: a number read without confidence that is plainly another is a problem too", "[cli][product]") {
  // number-unsure/side-unsure.jpg prints NUT/PL 8420/5 (read without confidence at the time of
  // writing); the other side prints PL/AS 2/8. Read with confidence or not, the product can take
  // neither number.
  CheckNumbersDisagree({Photo("product-clean-0007", "3-side.jpg"), Photo("number-unsure", "side-unsure.jpg")},
                       {"PL/AS 2/8 (3-side.jpg)", "8420", "side-unsure.jpg"});
}

TEST_CASE("scan --product --annotate: one annotated image per photo, a bad photo is named", "[cli][product]") {
  TempDir dir;
  const auto bad = dir.Write("back.jpg", "not a photo at all");
  const auto out = dir / "annotated";
  const auto r = Suppcheck({"scan", "--product", Photo("product-clean-0007", "1-front.jpg"), bad.string(),
                            Photo("product-clean-0007", "3-side.jpg"), "--annotate", out.string(), "--format", "json"});
  CHECK(r.exitCode == 3);  // one photo could not be read; the others still make a result
  const json j = json::parse(r.out);
  CHECK(j["ok"] == true);
  CHECK(j["notification"]["number"] == "PL/AS 2/8");
  CHECK(r.err.find("back.jpg") != std::string::npos);
  CHECK(fs::exists(out / "1-front.annotated.png"));
  CHECK(fs::exists(out / "3-side.annotated.png"));
  CHECK_FALSE(fs::exists(out / "back.annotated.png"));
}

TEST_CASE("scan: directions whose range lost its space ('1 a3 comprimés') give the upper end", "[cli][product]") {
  // samples/products/range-glued/2-back.jpg: 'Prendre 1 à 3 comprimés par jour' is read with the
  // space before the 3 lost; the dose of the product is 3 times 150 mg, not unknown.
  const json truth = Truth("range-glued");
  const auto r = Suppcheck({"scan", Photo("range-glued", "2-back.jpg"), "--format", "json"});
  const json j = json::parse(r.out);
  REQUIRE(j.is_object());
  CHECK(j["magnesium"]["units_per_day"] == truth["magnesium"]["units_per_day"]);
  REQUIRE(j["magnesium"]["mg_per_day"].is_number());
  CHECK(j["magnesium"]["mg_per_day"].get<double>() == Approx(truth["magnesium"]["mg_per_day"].get<double>()).epsilon(0.03));
  CHECK(j["assessment"]["level"] == truth["level"]);
}

TEST_CASE("scan --product: a side with the lot and a best-before read glued ('Aconsommer') shows the number missing", "[cli][product]") {
  // samples/products/lot-glued: the side of a pack without a number prints the lot and "À consommer
  // de préférence avant", which the OCR reads "Aconsommer de préférence avant". Lot and best-before
  // are the legal text: the number is missing there, with the advice, as on the whole label.
  const json truth = Truth("lot-glued");
  const json j = ScanProduct(truth);
  REQUIRE(j.is_object());
  CHECK(j["coverage"]["legal_text"] == true);
  CHECK(j["notification"]["status"] == truth["notification"]["status"]);
  CHECK(j["assessment"]["level"] == truth["level"]);
  CHECK(j["coverage"]["to_photograph"].empty());
  bool advised = false;
  for (const auto& m : j["assessment"]["messages"]) advised |= m.get<std::string>().find("better not taken") != std::string::npos;
  CHECK(advised);
}

TEST_CASE("scan: a lot word read with a digit glued to it ('Ch.-B8.') is legal text, the number missing", "[cli][product]") {
  // samples/products/lot-word-glued/label.png: a label without a number whose legal text is
  // 'Ch.-B. 9054/522 MHD 10/2028'; the OCR reads the abbreviation's dot as a digit ('Ch.-B8.').
  // The lot and the best-before are still two cues: the number is missing there, with the advice,
  // scanned alone and as a product of one photo.
  const json truth = Truth("lot-word-glued");
  const std::string label = Photo("lot-word-glued", "label.png");
  for (const bool product : {false, true}) {
    INFO((product ? "scan --product" : "scan"));
    const json j = ScanPhoto(label, product);
    REQUIRE(j.is_object());
    CHECK(j["coverage"]["legal_text"] == true);
    CHECK(j["notification"]["status"] == truth["notification"]["status"]);
    CHECK(j["assessment"]["level"] == truth["level"]);
    bool advised = false;
    for (const auto& m : j["assessment"]["messages"]) advised |= m.get<std::string>().find("better not taken") != std::string::npos;
    CHECK(advised);
  }
}

TEST_CASE("scan: a boxed number whose slashes read as brackets is never reported valid without its first categories", "[cli][product]") {
  // samples/products/boxed-categories/3-side.jpg prints "NUT / PL / AS 507/218" in a box; the
  // first pass reads "NUT) PL [ AS 507/218]". "AS 507/218" is another number: valid only when the
  // whole number is read.
  const json truth = Truth("boxed-categories");
  const json j = ScanPhoto(Photo("boxed-categories", "3-side.jpg"), false);
  REQUIRE(j.is_object());
  if (j["notification"]["status"] == "valid") CHECK(j["notification"]["number"] == truth["notification"]["number"]);
  CHECK(j["notification"]["number"] != "AS 507/218");
}

TEST_CASE("scan --product: a front title read without its last digit does not leave a dose above the limit unknown", "[cli][product]") {
  // samples/products/title-cut: the front's crop cuts "Magnesium 947" to "Magnesium 94"; the back
  // reads 947.4 mg a day. The title reads the dose's first digits and the dose is above the limit:
  // reported, as on the whole label, not refused as a contradiction.
  const json truth = Truth("title-cut");
  const json j = ScanProduct(truth);
  REQUIRE(j.is_object());
  CHECK(j["notification"]["number"] == truth["notification"]["number"]);
  REQUIRE(j["magnesium"]["mg_per_day"].is_number());
  CHECK(j["magnesium"]["mg_per_day"].get<double>() == Approx(truth["magnesium"]["mg_per_day"].get<double>()).epsilon(0.03));
  CHECK(j["assessment"]["level"] == truth["level"]);
}

TEST_CASE("scan --product: a product reads its dose from the table's block reading when its lines give none, as a photo alone does", "[cli][product]") {
  // samples/products/table-row-misread/label.jpg: the first pass misreads the magnesium row, the
  // table's block reading has it right. The photo scanned alone and as a product of one photo
  // (what batch --products makes of a loose photo) give the same dose.
  const json truth = Truth("table-row-misread");
  const std::string label = Photo("table-row-misread", "label.jpg");
  for (const bool product : {false, true}) {
    INFO((product ? "scan --product" : "scan"));
    const json j = ScanPhoto(label, product);
    REQUIRE(j.is_object());
    REQUIRE(j["magnesium"]["mg_per_day"].is_number());
    CHECK(j["magnesium"]["mg_per_day"].get<double>() == Approx(truth["magnesium"]["mg_per_day"].get<double>()).epsilon(0.03));
    CHECK(j["assessment"]["level"] == truth["level"]);
  }
}
