// The batch runner (batch/batch_runner.h) in-process: real sample photos copied into a temp
// folder, read by two workers through the real pipeline; the order of the results, the summary,
// --resume after a results file cut short, cancelling, products. The binary's behaviour around
// it (signals, shards, crash recovery) is tested by tests/cli/batch_cli_test.cpp.

#include <catch2/catch.hpp>

#include <filesystem>

#include "support/json_lines.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"
#include "suppcheck/batch/batch_runner.h"
#include "suppcheck/batch/input_list.h"
#include "suppcheck/batch/product_list.h"
#include "suppcheck/report/html_report.h"
#include "suppcheck/report/result_writer.h"

using namespace suppcheck;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

std::shared_ptr<const Models> LoadModels() {
  static const std::shared_ptr<const Models> models = [] {
    auto m = Models::Load(test::SourceModelsDir());
    if (!m) throw std::runtime_error(m.error().message);
    return *m;
  }();
  return models;
}

// Three sample photos (named as in samples/, beside their truth) and a photo that cannot be
// decoded, in a temp folder.
struct Survey {
  test::TempDir dir;
  Survey() {
    fs::create_directories(dir / "in");
    for (const char* name : {"sample-clean-0001.jpg", "sample-clean-0002.jpg", "sample-clean-0003.jpg"})
      fs::copy_file(test::SourceDir() + "/samples/" + name, dir / ("in/" + std::string(name)));
    dir.Write("in/broken.jpg", "\xFF\xD8\xFF this JPEG stops here");
  }
  std::vector<ProductItem> Photos() const {
    std::vector<ProductItem> items;
    for (auto& item : CollectInputs({(dir / "in").string()})) items.push_back({item.path, {item}});
    return items;
  }
};

ScannerOptions Options() {
  ScannerOptions o;
  o.profile = "adult";
  return o;
}

template <class J>
std::vector<std::string> Files(const std::vector<J>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) out.push_back(fs::path(r["file"].template get<std::string>()).filename().string());
  return out;
}

}  // namespace

TEST_CASE("batch runner: every input once, in input order, with the summary and the report", "[batch][runner]") {
  Survey survey;
  HtmlReport report;
  BatchOptions batch;
  batch.jobs = 2;
  batch.inputOrder = true;
  batch.report = &report;
  BatchRunner runner(LoadModels(), Options(), nullptr, batch);
  const auto todo = runner.Prepare(survey.Photos());
  REQUIRE(todo);
  CHECK(*todo == 4);

  std::vector<Json> results;
  std::atomic<size_t> progressCalls{0};
  const auto summary = runner.Run([&](const Json& r) { results.push_back(r); },
                                  [&](const ScanResult&, const ProductItem&) { ++progressCalls; });
  REQUIRE(summary);
  CHECK(Files(results) ==
        std::vector<std::string>{"broken.jpg", "sample-clean-0001.jpg", "sample-clean-0002.jpg", "sample-clean-0003.jpg"});
  CHECK(progressCalls == 4);
  CHECK(summary->processed == 4);
  CHECK(summary->skipped == 0);
  CHECK(summary->failed == 1);
  CHECK_FALSE(summary->cancelled);
  CHECK_FALSE(results[0]["ok"].get<bool>());
  size_t flagged = 0;
  for (const auto& r : results) flagged += r["ok"].get<bool>() && !r["assessment"]["flags"].empty();
  CHECK(summary->flagged == flagged);
  // sample-clean-0001 states 250 mg twice a day (its truth): above the safe level.
  CHECK(results[1]["magnesium"]["mg_per_day"] == 500.0);
  CHECK(results[1]["assessment"]["level"] == "above_noael");

  // The report has a row per result, thumbnails of the photos that were read.
  const auto html = survey.dir / "report.html";
  REQUIRE(report.Write(html.string(), "t"));
  const std::string page = test::ReadFile(html);
  CHECK(page.find("4 photos; " + std::to_string(flagged) + " flagged; 1 could not be processed.") != std::string::npos);
  size_t thumbnails = 0;
  for (size_t p = page.find("src=\"data:image/jpeg;base64,"); p != std::string::npos;
       p = page.find("src=\"data:image/jpeg;base64,", p + 1))
    ++thumbnails;
  CHECK(thumbnails == 3);
}

TEST_CASE("batch runner: --resume skips what the file holds and redoes a line cut short", "[batch][runner]") {
  Survey survey;
  const auto out = survey.dir / "results.jsonl";
  const auto photos = survey.Photos();
  // An earlier run wrote broken.jpg whole and was killed halfway through the next line.
  const std::string first = "{\"file\":\"" + photos[0].folder + "\",\"ok\":false}\n";
  survey.dir.Write("results.jsonl", first + "{\"file\":\"" + photos[1].folder + "\",\"ok\":tr");
  survey.dir.Write("results.jsonl.inflight", photos[1].folder + "\n");

  BatchOptions batch;
  batch.jobs = 2;
  batch.resultsFile = out.string();
  batch.resume = true;
  batch.inputOrder = false;
  BatchRunner runner(LoadModels(), Options(), nullptr, batch);
  // Only the last complete line is kept: broken.jpg is done, the three photos are left.
  std::vector<ProductItem> withoutTheLast(photos.begin(), photos.end() - 1);
  const auto todo = runner.Prepare(withoutTheLast);
  REQUIRE(todo);
  CHECK(*todo == 2);
  CHECK(test::ReadFile(out) == first);

  auto writer = ResultWriter::Open(Format::Jsonl, out.string(), ResultLayout{}, false, /*append=*/true);
  REQUIRE(writer);
  const auto summary = runner.Run([&](const Json& r) { (*writer)->Write(r); });
  REQUIRE(summary);
  REQUIRE((*writer)->Finish());
  CHECK(summary->skipped == 1);
  CHECK(summary->processed == 2);
  const auto lines = test::JsonLines(test::ReadFile(out));
  auto files = Files(lines);
  std::sort(files.begin() + 1, files.end());  // as they finished
  CHECK(files == std::vector<std::string>{"broken.jpg", "sample-clean-0001.jpg", "sample-clean-0002.jpg"});
  // The photo listed as in flight decoded fine alone: it was read normally.
  CHECK(lines[1]["ok"].get<bool>());
  CHECK(lines[2]["ok"].get<bool>());
  // The run ended with nothing in flight.
  CHECK_FALSE(fs::exists(survey.dir / "results.jsonl.inflight"));
}

TEST_CASE("batch runner: cancelled, the inputs in flight finish and nothing new starts", "[batch][runner]") {
  Survey survey;
  std::atomic<bool> cancel{false};
  BatchOptions batch;
  batch.jobs = 1;
  batch.inputOrder = true;
  batch.cancel = &cancel;

  SECTION("cancelled before it starts: nothing read") {
    cancel = true;
    BatchRunner runner(LoadModels(), Options(), nullptr, batch);
    REQUIRE(runner.Prepare(survey.Photos()));
    std::vector<Json> results;
    const auto summary = runner.Run([&](const Json& r) { results.push_back(r); });
    REQUIRE(summary);
    CHECK(results.empty());
    CHECK(summary->processed == 0);
    CHECK(summary->cancelled);
  }
  SECTION("cancelled after the second result: two results, the rest left for --resume") {
    BatchRunner runner(LoadModels(), Options(), nullptr, batch);
    REQUIRE(runner.Prepare(survey.Photos()));
    std::vector<Json> results;
    const auto summary = runner.Run([&](const Json& r) { results.push_back(r); },
                                    [&](const ScanResult&, const ProductItem&) {
                                      if (results.size() == 2) cancel = true;
                                    });
    REQUIRE(summary);
    CHECK(Files(results) == std::vector<std::string>{"broken.jpg", "sample-clean-0001.jpg"});
    CHECK(summary->processed == 2);
    CHECK(summary->cancelled);
  }
}

TEST_CASE("batch runner: a product's photos make one result, a photo that fails counts as failed", "[batch][runner]") {
  Survey survey;
  // One product: a photo that cannot be read and a real one.
  fs::create_directories(survey.dir / "products/pack");
  fs::copy_file(survey.dir / "in/broken.jpg", survey.dir / "products/pack/1-broken.jpg");
  fs::copy_file(survey.dir / "in/sample-clean-0002.jpg", survey.dir / "products/pack/2-back.jpg");
  BatchOptions batch;
  batch.jobs = 1;
  batch.products = true;
  BatchRunner runner(LoadModels(), Options(), nullptr, batch);
  REQUIRE(runner.Prepare(CollectProducts({(survey.dir / "products").string()})));
  std::vector<Json> results;
  const auto summary = runner.Run([&](const Json& r) { results.push_back(r); });
  REQUIRE(summary);
  REQUIRE(results.size() == 1);
  CHECK(results[0]["files"].size() == 2);
  CHECK(fs::path(results[0]["file"].get<std::string>()).filename() == "1-broken.jpg");
  CHECK(summary->processed == 1);
  CHECK(summary->failed == 1);
}

TEST_CASE("batch runner: scanners that cannot be made stop the run before any input", "[batch][runner]") {
  Survey survey;
  ScannerOptions options = Options();
  options.tessdataDir = (survey.dir / "no-tessdata").string();
  BatchOptions batch;
  batch.jobs = 2;
  batch.resultsFile = (survey.dir / "results.jsonl").string();
  BatchRunner runner(LoadModels(), options, nullptr, batch);
  REQUIRE(runner.Prepare(survey.Photos()));
  CHECK(fs::exists(survey.dir / "results.jsonl.inflight"));
  size_t written = 0;
  const auto summary = runner.Run([&](const Json&) { ++written; });
  REQUIRE_FALSE(summary);
  CHECK(summary.error().code == "missing_models");
  CHECK(written == 0);
  CHECK_FALSE(fs::exists(survey.dir / "results.jsonl.inflight"));
}
