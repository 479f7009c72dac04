// `suppcheck batch` end to end: real folders on disk, the real binary, real signals.

#include "support/test_paths.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "support/json_lines.h"
#include "support/suppcheck_binary.h"
#include "support/temp_dir.h"
#include "support/test_http_server.h"

using namespace suppcheck::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

void Copy(const std::string& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// A folder tree with everything a real survey folder holds.
struct SurveyFolder {
  TempDir dir;
  std::set<std::string> expected;  // every input that must get exactly one result
  SurveyFolder() {
    Copy(Sample("sample-clean-0002.jpg"), dir / "shop1/a.jpg");
    Copy(Sample("sample-phone-0006.jpg"), dir / "shop1/deep/er/b.jpeg");
    Copy(Sample("sample-clean-0003.jpg"), dir / "shop2/IMG_0003");            // no extension: by content
    Copy(Sample("sample-clean-0001.jpg"), dir / "shop2/<b>\"x\" & 'y'.jpg");  // a hostile name
    Copy(Sample("sample-hard-0009.jpg"), dir / "albums.jpg/c.jpg");           // a folder named like an image
    dir.Write("shop2/broken.jpg", "not a photo at all");                      // named like one: gets its error
    dir.Write("shop2/notes.txt", "prices");                                   // not an input
    Copy(Sample("sample-clean-0002.jpg"), dir / ".thumbnails/a.jpg");          // hidden: skipped
    fs::create_directory_symlink(dir.path(), dir / "shop1/loop");              // a symlink loop
    for (const char* p : {"shop1/a.jpg", "shop1/deep/er/b.jpeg", "shop2/IMG_0003", "shop2/<b>\"x\" & 'y'.jpg",
                          "albums.jpg/c.jpg", "shop2/broken.jpg"})
      expected.insert((dir / p).string());
  }
};

}  // namespace

TEST_CASE("batch: every input of a nested folder exactly once, bad ones reported, exit 3", "[cli][batch]") {
  SurveyFolder f;
  const auto r = Suppcheck({"batch", f.dir.path().string(), "--format", "jsonl", "--jobs", "2"});
  CHECK(r.exitCode == 3);
  const auto lines = JsonLines(r.out);
  std::multiset<std::string> files;
  for (const auto& j : lines) files.insert(j["file"].get<std::string>());
  CHECK(std::set<std::string>(files.begin(), files.end()) == f.expected);
  CHECK(files.size() == f.expected.size());
  for (const auto& j : lines) {
    if (j["file"].get<std::string>().ends_with("broken.jpg")) {
      CHECK(j["ok"] == false);
      CHECK(j["error"]["code"] == "not_an_image");
    } else {
      CHECK(j["ok"] == true);
    }
  }
  CHECK(r.err.find("6 processed") != std::string::npos);
  CHECK(r.err.find("1 failed") != std::string::npos);
}

TEST_CASE("batch: csv in input order, the HTML report escapes names and label text", "[cli][batch]") {
  SurveyFolder f;
  const auto report = f.dir / "out" / "report.html";
  fs::create_directories(report.parent_path());
  const auto r = Suppcheck({"batch", (f.dir / "shop1").string(), (f.dir / "shop2").string(), "--format", "csv",
                            "--report", report.string(), "--jobs", "2", "--quiet"});
  CHECK(r.exitCode == 3);
  CHECK(r.err.empty());  // --quiet
  std::istringstream in(r.out);
  std::vector<std::string> rows;
  for (std::string line; std::getline(in, line);) rows.push_back(line);
  REQUIRE(rows.size() == 1 + 5);
  // Roots in the order given, each walked in sorted order.
  CHECK(rows[1].rfind((f.dir / "shop1/a.jpg").string() + ",", 0) == 0);
  CHECK(rows[2].rfind((f.dir / "shop1/deep/er/b.jpeg").string() + ",", 0) == 0);
  const std::string html = ReadFile(report);
  CHECK(html.find("<b>\"x\"") == std::string::npos);
  CHECK(html.find("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;.jpg") != std::string::npos);
  CHECK(html.find("data:image/jpeg;base64,") != std::string::npos);  // thumbnails with the boxes
  CHECK(html.find("http://") == std::string::npos);                  // self-contained
  CHECK(html.find("above the safe level") != std::string::npos);
}

TEST_CASE("batch: shards cover the inputs exactly once and concatenate into the full run", "[cli][batch]") {
  SurveyFolder f;
  const auto full = Suppcheck({"batch", f.dir.path().string(), "--format", "csv", "--jobs", "2", "--quiet"});
  std::string joined;
  for (int k = 1; k <= 3; ++k) {
    const auto part = Suppcheck({"batch", f.dir.path().string(), "--format", "csv", "--jobs", "2", "--quiet",
                                 "--shard", std::to_string(k) + "/3"});
    CHECK((part.exitCode == 0 || part.exitCode == 1 || part.exitCode == 3));
    joined += k == 1 ? part.out : part.out.substr(part.out.find('\n') + 1);  // one header
  }
  CHECK(joined == full.out);
}

TEST_CASE("batch: Ctrl-C stops cleanly with 130, --resume finishes with every input once", "[cli][batch]") {
  TempDir dir;
  std::set<std::string> expected;
  for (int i = 0; i < 10; ++i) {
    const auto p = dir / ("photos/p" + std::to_string(i) + ".jpg");
    Copy(Sample(i % 2 ? "sample-phone-0004.jpg" : "sample-phone-0005.jpg"), p);
    expected.insert(p.string());
  }
  const auto out = dir / "results.jsonl";
  auto proc = StartProcess(suppcheck::test::SuppcheckBinary(),
                           {"batch", (dir / "photos").string(), "--out", out.string(), "--jobs", "1"},
                           (dir / "stdout").string(), (dir / "stderr").string());
  // Interrupt once the first result is on disk.
  const auto t0 = std::chrono::steady_clock::now();
  while (ReadFile(out).find('\n') == std::string::npos && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(proc.pid, SIGINT);
  CHECK(proc.Wait() == 130);
  const auto first = JsonLines(ReadFile(out));
  CHECK(first.size() >= 1);
  CHECK(first.size() < expected.size());
  CHECK(ReadFile(dir / "stderr").find("interrupted: run again with --resume") != std::string::npos);

  // A crash can leave half a line: it is done again.
  { std::ofstream(out, std::ios::app) << "{\"file\": \"" << *expected.rbegin() << "\", \"ok\": tr"; }
  const auto r = Suppcheck({"batch", (dir / "photos").string(), "--out", out.string(), "--jobs", "2", "--resume"});
  CHECK((r.exitCode == 0 || r.exitCode == 1));
  CHECK(r.err.find("already done") != std::string::npos);
  std::multiset<std::string> files;
  for (const auto& j : JsonLines(ReadFile(out))) files.insert(j["file"].get<std::string>());
  CHECK(files.size() == expected.size());
  CHECK(std::set<std::string>(files.begin(), files.end()) == expected);
}

TEST_CASE("batch: usage errors exit 2 and say why", "[cli][batch]") {
  TempDir dir;
  auto r = Suppcheck({"batch", dir.path().string(), "--resume"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("--resume needs --out FILE with --format jsonl") != std::string::npos);
  r = Suppcheck({"batch", dir.path().string(), "--shard", "4/3"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("expected K/N") != std::string::npos);
  r = Suppcheck({"batch", (dir / "missing").string(), "--format", "jsonl"});
  CHECK(r.exitCode == 3);  // a root that does not exist is reported, not lost
  CHECK(JsonLines(r.out).at(0)["error"]["code"] == "io_error");
}

TEST_CASE("batch: many photos of one product ask the registry once", "[cli][batch]") {
  TempDir dir;
  for (int i = 0; i < 6; ++i) Copy(Sample("sample-phone-0006.jpg"), dir / ("shelf/photo" + std::to_string(i) + ".jpg"));
  TestHttpServer server;
  const auto r = Suppcheck({"batch", (dir / "shelf").string(), "--format", "jsonl", "--jobs", "2", "--registry",
                            server.Url("found"), "--registry-cache", "off", "--quiet"});
  CHECK(r.exitCode == 1);  // 750 mg a day
  const auto lines = JsonLines(r.out);
  REQUIRE(lines.size() == 6);
  for (const auto& j : lines) CHECK(j["notification"]["registry"]["status"] == "listed");
  CHECK(server.hits == 1);
}

// `batch --products`: a folder per product (photos from samples/products/, made by
// scripts/gen/gen_products.py), one result per product; shards and --resume count products.
TEST_CASE("batch --products: one result per product folder, shards and resume count products", "[cli][batch][product]") {
  TempDir dir;
  const fs::path root = dir / "survey";
  const std::string products = std::string(suppcheck::test::SourceDir()) + "/samples/products/";
  Copy(products + "product-clean-0007/1-front.jpg", root / "pack-a/1-front.jpg");
  Copy(products + "product-clean-0007/3-side.jpg", root / "pack-a/3-side.jpg");
  Copy(products + "product-clean-0005/3-side.jpg", root / "pack-b/side.jpg");
  Copy(Sample("sample-clean-0002.jpg"), root / "loose.jpg");  // a photo in the root: a product of one photo

  const auto full = Suppcheck({"batch", root.string(), "--products", "--format", "jsonl", "--jobs", "2"});
  CHECK(full.exitCode == 0);
  const auto results = JsonLines(full.out);
  REQUIRE(results.size() == 3);
  std::map<std::string, json> byFile;
  for (const auto& r : results) byFile[r["file"]] = r;
  const json& a = byFile.at((root / "pack-a/1-front.jpg").string());
  CHECK(a["files"].size() == 2);
  CHECK(a["notification"]["number"] == "PL/AS 2/8");
  CHECK(a["notification"]["file"] == (root / "pack-a/3-side.jpg").string());
  CHECK(a["magnesium"]["present"] == true);  // "Magnesium" on the front
  CHECK(byFile.at((root / "pack-b/side.jpg").string())["notification"]["number"] == "NUT/PL/AS 6586/3319");
  CHECK(byFile.at((root / "loose.jpg").string())["files"].size() == 1);
  CHECK(full.err.find("3 products processed") != std::string::npos);

  // Two shards, concatenated, are the whole run (in sorted product order).
  const auto out1 = dir / "part-1.jsonl", out2 = dir / "part-2.jsonl";
  CHECK(Suppcheck({"batch", root.string(), "--products", "--shard", "1/2", "--out", out1.string(), "--quiet"}).exitCode == 0);
  CHECK(Suppcheck({"batch", root.string(), "--products", "--shard", "2/2", "--out", out2.string(), "--quiet"}).exitCode == 0);
  std::vector<std::string> sharded;
  for (const auto& r : JsonLines(ReadFile(out1) + ReadFile(out2))) sharded.push_back(r["file"]);
  REQUIRE(sharded.size() == 3);
  CHECK(std::set<std::string>(sharded.begin(), sharded.end()).size() == 3);
  CHECK(JsonLines(ReadFile(out1)).size() == 1);  // 3 products over 2 shards: 1 and 2

  // --resume after the first shard: only the products not yet in --out are done.
  const auto resumed = Suppcheck({"batch", root.string(), "--products", "--resume", "--out", out1.string()});
  CHECK(resumed.exitCode == 0);
  CHECK(resumed.err.find("2 products processed (1 already done)") != std::string::npos);
  std::set<std::string> files;
  for (const auto& r : JsonLines(ReadFile(out1))) files.insert(r["file"].get<std::string>());
  CHECK(files.size() == 3);
  CHECK(JsonLines(ReadFile(out1)).size() == 3);
}
