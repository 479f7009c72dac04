// The result writer (report/result_writer.h) into real files in a temp folder: every format's
// bytes, --resume's append, the atomic replace of the documents, and whole lines from many threads.

#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "support/json_lines.h"
#include "support/temp_dir.h"
#include "suppcheck/report/result_writer.h"

using namespace suppcheck;
namespace fs = std::filesystem;

namespace {

// A layout of two columns and a one-line text, as a command defines its own.
ResultLayout TwoColumns() {
  ResultLayout l;
  l.csv = {{"file", [](const Json& j) { return j["file"].get<std::string>(); }},
           {"level", [](const Json& j) { return j["level"].get<std::string>(); }}};
  l.text = [](const Json& j) { return j["file"].get<std::string>() + ": " + j["level"].get<std::string>() + "\n"; };
  return l;
}

Json Result(const std::string& file, const std::string& level = "within_noael") {
  Json j;
  j["file"] = file;
  j["level"] = level;
  return j;
}

std::unique_ptr<ResultWriter> Open(Format f, const fs::path& out, bool single = false, bool append = false) {
  auto w = ResultWriter::Open(f, out.string(), TwoColumns(), single, append);
  REQUIRE(w);
  return std::move(*w);
}

// A whole run: `results` written in order, then Finish.
void WriteAll(Format f, const fs::path& out, const std::vector<Json>& results, bool single = false) {
  auto w = Open(f, out, single);
  for (const auto& r : results) w->Write(r);
  REQUIRE(w->Finish());
}

// Files in `dir` other than `keep`: the temporary files must not be left behind.
std::vector<std::string> Others(const fs::path& dir, const fs::path& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path() != keep) out.push_back(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("CSV fields are quoted when a spreadsheet would split or trim them", "[report][writer]") {
  CHECK(ResultWriter::CsvField("plain.jpg") == "plain.jpg");
  CHECK(ResultWriter::CsvField("") == "");
  CHECK(ResultWriter::CsvField("a,b") == "\"a,b\"");
  CHECK(ResultWriter::CsvField("a;b") == "\"a;b\"");  // Belgian spreadsheets split on ';'
  CHECK(ResultWriter::CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(ResultWriter::CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(ResultWriter::CsvField("cr\rhere") == "\"cr\rhere\"");
  CHECK(ResultWriter::CsvField(" padded") == "\" padded\"");
  CHECK(ResultWriter::CsvField("padded ") == "\"padded \"");
  CHECK(ResultWriter::CsvField("in the middle") == "in the middle");
}

TEST_CASE("jsonl: one line per result as it is written, --resume appends, a new run starts over", "[report][writer]") {
  test::TempDir dir;
  const auto out = dir / "results.jsonl";
  {
    auto w = Open(Format::Jsonl, out);
    w->Write(Result("a.jpg"));
    // Written through at once, before Finish: a crash keeps it.
    CHECK(test::ReadFile(out) == "{\"file\":\"a.jpg\",\"level\":\"within_noael\"}\n");
    w->Write(Result("b.jpg", "above_noael"));
    REQUIRE(w->Finish());
  }
  {
    auto w = Open(Format::Jsonl, out, false, /*append=*/true);
    w->Write(Result("c.jpg"));
    REQUIRE(w->Finish());
  }
  auto lines = test::JsonLines(test::ReadFile(out));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["file"] == "a.jpg");
  CHECK(lines[1]["level"] == "above_noael");
  CHECK(lines[2]["file"] == "c.jpg");
  {
    auto w = Open(Format::Jsonl, out);
    w->Write(Result("d.jpg"));
    // Destroyed without Finish (interrupted): the whole lines stay.
  }
  lines = test::JsonLines(test::ReadFile(out));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["file"] == "d.jpg");
  CHECK(Others(dir.path(), out).empty());
}

TEST_CASE("json: an array of results, an object for a single input, an empty array for none", "[report][writer]") {
  test::TempDir dir;
  const auto out = dir / "results.json";
  WriteAll(Format::Json, out, {Result("a.jpg"), Result("b.jpg")});
  const std::string text = test::ReadFile(out);
  CHECK(text.rfind("[\n", 0) == 0);
  CHECK(text.substr(text.size() - 3) == "\n]\n");
  const auto array = nlohmann::json::parse(text);
  REQUIRE(array.is_array());
  REQUIRE(array.size() == 2);
  CHECK(array[1]["file"] == "b.jpg");

  WriteAll(Format::Json, out, {Result("only.jpg")}, /*single=*/true);
  const auto object = nlohmann::json::parse(test::ReadFile(out));
  REQUIRE(object.is_object());
  CHECK(object["file"] == "only.jpg");

  WriteAll(Format::Json, out, {});
  CHECK(test::ReadFile(out) == "[]\n");
  CHECK(Others(dir.path(), out).empty());
}

TEST_CASE("csv: the header once, one quoted row per result, text: the layout's lines", "[report][writer]") {
  test::TempDir dir;
  const auto csv = dir / "results.csv";
  WriteAll(Format::Csv, csv, {Result("a,b.jpg"), Result("plain.jpg", "unknown")});
  CHECK(test::ReadFile(csv) == "file,level\n\"a,b.jpg\",within_noael\nplain.jpg,unknown\n");

  const auto txt = dir / "results.txt";
  WriteAll(Format::Text, txt, {Result("a.jpg"), Result("b.jpg", "no_magnesium")});
  CHECK(test::ReadFile(txt) == "a.jpg: within_noael\nb.jpg: no_magnesium\n");
}

TEST_CASE("documents replace the target only when complete", "[report][writer]") {
  test::TempDir dir;
  const auto out = dir / "results.csv";
  dir.Write("results.csv", "the previous run\n");
  {
    auto w = Open(Format::Csv, out);
    w->Write(Result("a.jpg"));
    // Until Finish the previous file is untouched; the new one grows beside it.
    CHECK(test::ReadFile(out) == "the previous run\n");
    CHECK(Others(dir.path(), out).size() == 1);
    // Destroyed without Finish (interrupted): the half document is dropped.
  }
  CHECK(test::ReadFile(out) == "the previous run\n");
  CHECK(Others(dir.path(), out).empty());
}

TEST_CASE("a target that cannot be written is refused before anything is written", "[report][writer]") {
  test::TempDir dir;
  fs::create_directories(dir / "folder");
  for (Format f : {Format::Jsonl, Format::Csv}) {
    const auto folder = ResultWriter::Open(f, (dir / "folder").string(), TwoColumns(), false);
    REQUIRE_FALSE(folder);
    CHECK(folder.error().code == "bad_output");
    CHECK_THAT(folder.error().message, Catch::Contains("is a folder"));
    const auto missing = ResultWriter::Open(f, (dir / "no/such/results.out").string(), TwoColumns(), false);
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::Contains("does not exist"));
  }
}

TEST_CASE("text that is not UTF-8 is replaced, so every line stays valid JSON", "[report][writer]") {
  test::TempDir dir;
  const auto out = dir / "results.jsonl";
  auto w = Open(Format::Jsonl, out);
  w->Write(Result("bad\xff\xfename.jpg"));
  REQUIRE(w->Finish());
  const auto lines = test::JsonLines(test::ReadFile(out));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["file"] == "bad\xEF\xBF\xBD\xEF\xBF\xBDname.jpg");  // U+FFFD each
}

TEST_CASE("many threads writing at once give whole lines, every one of them", "[report][writer]") {
  test::TempDir dir;
  const auto out = dir / "results.jsonl";
  auto w = Open(Format::Jsonl, out);
  const std::string longName(3000, 'x');  // longer than a pipe's atomic write
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) w->Write(Result(std::to_string(t) + "-" + std::to_string(i) + longName));
    });
  for (auto& t : threads) t.join();
  REQUIRE(w->Finish());
  const auto lines = test::JsonLines(test::ReadFile(out));  // throws on a torn line
  CHECK(lines.size() == 200);
}
