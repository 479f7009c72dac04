// Offline snapshots: CSV files (real files on disk) and the RFC 4180 reader under them.

#include <catch2/catch.hpp>

#include "support/temp_dir.h"
#include "suppcheck/registry/csv_reader.h"
#include "suppcheck/registry/csv_snapshot.h"
#include "suppcheck/registry/open_registry.h"

using namespace suppcheck;
using suppcheck::test::TempDir;

TEST_CASE("CSV reader handles quotes, embedded delimiters, line breaks and CRLF", "[registry][csv]") {
  const std::string data =
      "\xEF\xBB\xBFnumber,product,company\r\n"
      "NUT 1/2,\"Magnesium 375, citrate\",\"ACME \"\"Belgium\"\"\"\r\n"
      "\r\n"
      "PL 3/4,\"two\nlines\",x\n"
      "AS 5/6,,";
  CsvReader r(data, CsvReader::GuessDelimiter(data));
  std::vector<std::string> f;
  REQUIRE(r.Next(f));
  CHECK(f == std::vector<std::string>{"number", "product", "company"});
  REQUIRE(r.Next(f));
  CHECK(f == std::vector<std::string>{"NUT 1/2", "Magnesium 375, citrate", "ACME \"Belgium\""});
  REQUIRE(r.Next(f));
  CHECK(f == std::vector<std::string>{"PL 3/4", "two\nlines", "x"});
  CHECK(r.recordLine() == 4);
  REQUIRE(r.Next(f));
  CHECK(f == std::vector<std::string>{"AS 5/6", "", ""});
  CHECK_FALSE(r.Next(f));
  CHECK(r.error().empty());
}

TEST_CASE("CSV reader reports an unclosed quote with its line", "[registry][csv]") {
  const std::string data = "number\n\"NUT 1/2\n";
  CsvReader r(data, ',');
  std::vector<std::string> f;
  REQUIRE(r.Next(f));
  CHECK_FALSE(r.Next(f));
  CHECK(r.error() == "line 2: a quoted field is never closed");
}

TEST_CASE("delimiter is guessed from the header", "[registry][csv]") {
  CHECK(CsvReader::GuessDelimiter("number;product\n") == ';');
  CHECK(CsvReader::GuessDelimiter("number,product\n") == ',');
  CHECK(CsvReader::GuessDelimiter("\"a;b\",number\n") == ',');
  CHECK(CsvReader::GuessDelimiter("number\tproduct\n") == '\t');
}

TEST_CASE("CSV snapshot matches any spelling and carries the other columns", "[registry][csv]") {
  TempDir dir;
  const auto path = dir.Write("registry.csv",
                              "product,Number,company,status\n"
                              "\"Magnesium 375, citrate\",nut/pl1234/56,\"ACME, Brussels\",notified\n"
                              "Valeriaan,PL 12 / 3,Herbal NV,notified\n"
                              "Broken row,NUT 12345/1,X,notified\n"
                              "No number,,X,notified\n");
  auto snap = CsvSnapshot::Open(path);
  REQUIRE(snap);
  CHECK((*snap)->size() == 2);
  CHECK((*snap)->skippedRows() == 2);
  CHECK((*snap)->firstSkipped() == "line 4: 'NUT 12345/1'");

  const RegistryAnswer hit = (*snap)->Lookup("NUT/PL 1234/56");
  CHECK(hit.status == RegistryStatus::Listed);
  CHECK(hit.source == path.string());
  CHECK(hit.detail["product"] == "Magnesium 375, citrate");
  CHECK(hit.detail["company"] == "ACME, Brussels");
  CHECK(hit.detail["status"] == "notified");
  CHECK(hit.detail["number_as_listed"] == "nut/pl1234/56");

  CHECK((*snap)->Lookup("PL 12/3").status == RegistryStatus::Listed);
  CHECK((*snap)->Lookup("NUT/PL 1234/5").status == RegistryStatus::NotListed);
  CHECK((*snap)->Lookup("PL 12/30").status == RegistryStatus::NotListed);
}

TEST_CASE("CSV snapshot with semicolons, as Belgian spreadsheets export it", "[registry][csv]") {
  TempDir dir;
  const auto path = dir.Write("export.csv", "number;product\nNUT 476/12;Magnesium forte\n");
  auto snap = CsvSnapshot::Open(path);
  REQUIRE(snap);
  const RegistryAnswer a = (*snap)->Lookup("NUT 476/12");
  CHECK(a.status == RegistryStatus::Listed);
  CHECK(a.detail["product"] == "Magnesium forte");
}

TEST_CASE("bad CSV snapshots are refused with the reason", "[registry][csv]") {
  TempDir dir;
  SECTION("no number column") {
    auto snap = CsvSnapshot::Open(dir.Write("a.csv", "code,product\nNUT 1/2,x\n"));
    REQUIRE_FALSE(snap);
    CHECK(snap.error().code == "bad_registry");
    CHECK(snap.error().message.find("has no 'number' column") != std::string::npos);
    CHECK(snap.error().message.find("'code', 'product'") != std::string::npos);
  }
  SECTION("missing file") {
    auto snap = CsvSnapshot::Open(dir / "missing.csv");
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("No such file") != std::string::npos);
  }
  SECTION("empty file") {
    auto snap = CsvSnapshot::Open(dir.Write("empty.csv", ""));
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("is empty") != std::string::npos);
  }
  SECTION("binary file") {
    auto snap = CsvSnapshot::Open(dir.Write("bin.csv", std::string("number\n\0\1\2", 10)));
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("not a CSV text file") != std::string::npos);
  }
  SECTION("unclosed quote") {
    auto snap = CsvSnapshot::Open(dir.Write("q.csv", "number\n\"NUT 1/2\n"));
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("line 2: a quoted field is never closed") != std::string::npos);
  }
  SECTION("a directory") {
    auto snap = CsvSnapshot::Open(dir.path());
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("is a directory") != std::string::npos);
  }
}

TEST_CASE("a large snapshot answers every row and no other", "[registry][csv]") {
  TempDir dir;
  std::string csv = "number,product\n";
  for (int p = 1; p <= 200; ++p)
    for (int q = 1; q <= 100; ++q) csv += "NUT " + std::to_string(p) + "/" + std::to_string(q) + ",p\n";
  auto snap = CsvSnapshot::Open(dir.Write("big.csv", csv));
  REQUIRE(snap);
  CHECK((*snap)->size() == 20000);
  int listed = 0;
  for (int p = 1; p <= 200; ++p)
    for (int q = 1; q <= 100; ++q)
      listed += (*snap)->Lookup("NUT " + std::to_string(p) + "/" + std::to_string(q)).status == RegistryStatus::Listed;
  CHECK(listed == 20000);
  CHECK((*snap)->Lookup("NUT 201/1").status == RegistryStatus::NotListed);
  CHECK((*snap)->Lookup("PL 1/1").status == RegistryStatus::NotListed);
}

TEST_CASE("registry specs are recognised or refused clearly", "[registry]") {
  TempDir dir;
  HttpRegistryOptions http;
  CHECK_FALSE(OpenRegistry("", http));
  auto unknown = OpenRegistry((dir / "nothing-here").string(), http);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message.find("expected a .csv or .sqlite snapshot file or an http(s) URL") != std::string::npos);
  auto ftp = OpenRegistry("ftp://example.org/{number}", http);
  REQUIRE_FALSE(ftp);
  CHECK(ftp.error().message.find("only http:// and https://") != std::string::npos);
  auto noPlaceholder = OpenRegistry("http://127.0.0.1:1/lookup", http);
  REQUIRE_FALSE(noPlaceholder);
  CHECK(noPlaceholder.error().message.find("no {number} placeholder") != std::string::npos);
  CHECK(OpenRegistry(dir.Write("x.csv", "number\nNUT 1/1\n").string(), http));
}
