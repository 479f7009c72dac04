// Offline snapshots in SQLite files, built by the test with the real SQLite library.

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "support/temp_dir.h"
#include "suppcheck/registry/open_registry.h"
#include "suppcheck/registry/sqlite_snapshot.h"

using namespace suppcheck;
using suppcheck::test::TempDir;

namespace {

void Exec(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(h);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("SQLite snapshot finds canonical and other spellings", "[registry][sqlite]") {
  TempDir dir;
  const auto db = dir / "registry.sqlite";
  Exec(db,
       "CREATE TABLE other(x TEXT);"
       "CREATE TABLE notifications(number TEXT, product TEXT, year INTEGER);"
       "INSERT INTO notifications VALUES('NUT/PL 1234/56','Magnesium 375',2021);"
       "INSERT INTO notifications VALUES('pl/as12/3','Valerian',NULL);");
  auto snap = SqliteSnapshot::Open(db);
  REQUIRE(snap);
  const RegistryAnswer a = (*snap)->Lookup("NUT/PL 1234/56");
  CHECK(a.status == RegistryStatus::Listed);
  CHECK(a.detail["product"] == "Magnesium 375");
  CHECK(a.detail["year"] == 2021);
  const RegistryAnswer b = (*snap)->Lookup("PL/AS 12/3");  // only through the canonicalised index
  CHECK(b.status == RegistryStatus::Listed);
  CHECK(b.detail["product"] == "Valerian");
  CHECK(b.detail["year"].is_null());
  CHECK((*snap)->Lookup("NUT 1/1").status == RegistryStatus::NotListed);
  CHECK((*snap)->Lookup("NUT/PL 1234/56").status == RegistryStatus::Listed);  // still, after indexing
}

TEST_CASE("OpenRegistry recognises an SQLite file by its header whatever its name", "[registry][sqlite]") {
  TempDir dir;
  const auto db = dir / "snapshot.bin";
  Exec(db, "CREATE TABLE t(Number TEXT); INSERT INTO t VALUES('AS 7/8');");
  auto reg = OpenRegistry(db.string(), {});
  REQUIRE(reg);
  CHECK((*reg)->Lookup("AS 7/8").status == RegistryStatus::Listed);
}

TEST_CASE("bad SQLite snapshots are refused with the reason", "[registry][sqlite]") {
  TempDir dir;
  SECTION("no table with a number column") {
    const auto db = dir / "empty.sqlite";
    Exec(db, "CREATE TABLE t(code TEXT);");
    auto snap = SqliteSnapshot::Open(db);
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("has no table with a 'number' column") != std::string::npos);
  }
  SECTION("not a database") {
    auto snap = SqliteSnapshot::Open(dir.Write("fake.sqlite", "this is not a database, just text......"));
    REQUIRE_FALSE(snap);
    CHECK(snap.error().code == "bad_registry");
  }
  SECTION("missing") {
    auto snap = SqliteSnapshot::Open(dir / "missing.sqlite");
    REQUIRE_FALSE(snap);
    CHECK(snap.error().message.find("no such file") != std::string::npos);
  }
}
