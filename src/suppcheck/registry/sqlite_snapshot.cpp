#include "suppcheck/registry/sqlite_snapshot.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "suppcheck/notification/notification_number.h"
#include "suppcheck/util/hash.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

std::string QuoteIdent(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ColumnText(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s, col)))
           : std::string();
}

}  // namespace

struct SqliteSnapshot::Impl {
  std::string path;
  sqlite3* db = nullptr;
  std::string table;
  std::string numberColumn;
  std::mutex mu;                                     // one connection, used by one thread at a time
  bool indexed = false;                              // full index built (after the first miss)
  std::vector<std::pair<uint64_t, int64_t>> index;  // (hash of canonical, rowid), sorted

  ~Impl() {
    if (db) sqlite3_close_v2(db);
  }

  Stmt Prepare(const std::string& sql, std::string* err) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      if (err) *err = sqlite3_errmsg(db);
      return nullptr;
    }
    return Stmt(s);
  }

  // Fills the answer with every other column of the row.
  void Fill(sqlite3_stmt* s, RegistryAnswer& a) {
    a.status = RegistryStatus::Listed;
    a.detail = nlohmann::ordered_json::object();
    const int n = sqlite3_column_count(s);
    for (int i = 0; i < n; ++i) {
      const std::string name = sqlite3_column_name(s, i);
      const std::string key = AsciiLower(name) == AsciiLower(numberColumn) ? "number_as_listed" : name;
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_NULL: a.detail[SanitizeUtf8(key)] = nullptr; break;
        case SQLITE_INTEGER: a.detail[SanitizeUtf8(key)] = sqlite3_column_int64(s, i); break;
        case SQLITE_FLOAT: a.detail[SanitizeUtf8(key)] = sqlite3_column_double(s, i); break;
        default: a.detail[SanitizeUtf8(key)] = SanitizeUtf8(ColumnText(s, i)); break;
      }
    }
  }

  bool BuildIndex(std::string* err) {
    Stmt s = Prepare("SELECT rowid, " + QuoteIdent(numberColumn) + " FROM " + QuoteIdent(table), err);
    if (!s) return false;
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      const std::string canonical = CanonicalNotificationNumber(ColumnText(s.get(), 1));
      if (!canonical.empty()) index.emplace_back(HashText(canonical), sqlite3_column_int64(s.get(), 0));
    }
    if (rc != SQLITE_DONE) {
      *err = sqlite3_errmsg(db);
      return false;
    }
    std::sort(index.begin(), index.end());
    indexed = true;
    return true;
  }
};

SqliteSnapshot::SqliteSnapshot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteSnapshot::~SqliteSnapshot() = default;

Expected<std::unique_ptr<SqliteSnapshot>> SqliteSnapshot::Open(const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path.string();
  auto bad = [&](const std::string& why) {
    return MakeError("bad_registry", "registry snapshot '" + impl->path + "': " + why);
  };
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return bad("no such file");
  if (std::filesystem::is_directory(path, ec)) return bad("is a directory, not an SQLite file");
  const std::string uri = impl->path;
  if (sqlite3_open_v2(uri.c_str(), &impl->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return bad(impl->db ? sqlite3_errmsg(impl->db) : "cannot open");
  sqlite3_busy_timeout(impl->db, 2000);

  std::string err;
  Stmt tables = impl->Prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name <> 'notifications', name", &err);
  if (!tables) return bad(err);
  int rc;
  while ((rc = sqlite3_step(tables.get())) == SQLITE_ROW && impl->table.empty()) {
    const std::string table = ColumnText(tables.get(), 0);
    Stmt cols = impl->Prepare("SELECT name FROM pragma_table_info(" + QuoteIdent(table) + ")", &err);
    if (!cols) continue;
    while (sqlite3_step(cols.get()) == SQLITE_ROW) {
      const std::string col = ColumnText(cols.get(), 0);
      if (AsciiLower(col) == "number") {
        impl->table = table;
        impl->numberColumn = col;
        break;
      }
    }
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return bad(sqlite3_errmsg(impl->db));
  if (impl->table.empty()) return bad("has no table with a 'number' column");
  return std::unique_ptr<SqliteSnapshot>(new SqliteSnapshot(std::move(impl)));
}

RegistryAnswer SqliteSnapshot::Lookup(const std::string& canonicalNumber) {
  std::lock_guard lock(impl_->mu);
  RegistryAnswer answer;
  answer.source = impl_->path;
  answer.status = RegistryStatus::NotListed;
  std::string err;
  const std::string selectAll = "SELECT * FROM " + QuoteIdent(impl_->table);

  // Fast path: the snapshot stores numbers in canonical form (and may index them).
  if (!impl_->indexed) {
    Stmt s = impl_->Prepare(selectAll + " WHERE " + QuoteIdent(impl_->numberColumn) + " = ?1 LIMIT 1", &err);
    if (!s) return RegistryAnswer::Failure(impl_->path, err);
    sqlite3_bind_text(s.get(), 1, canonicalNumber.c_str(), -1, SQLITE_TRANSIENT);
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_ROW) {
      impl_->Fill(s.get(), answer);
      return answer;
    }
    if (rc != SQLITE_DONE) return RegistryAnswer::Failure(impl_->path, sqlite3_errmsg(impl_->db));
    // Other spellings ("nut/pl1234/56") only match through the canonicalised index.
    if (!impl_->BuildIndex(&err)) return RegistryAnswer::Failure(impl_->path, err);
  }

  const uint64_t h = HashText(canonicalNumber);
  auto it = std::lower_bound(impl_->index.begin(), impl_->index.end(), std::make_pair(h, int64_t{INT64_MIN}));
  for (; it != impl_->index.end() && it->first == h; ++it) {
    Stmt s = impl_->Prepare(selectAll + " WHERE rowid = ?1", &err);
    if (!s) return RegistryAnswer::Failure(impl_->path, err);
    sqlite3_bind_int64(s.get(), 1, it->second);
    if (sqlite3_step(s.get()) != SQLITE_ROW) continue;
    answer.detail = nullptr;
    impl_->Fill(s.get(), answer);
    const auto& listed = answer.detail["number_as_listed"];
    if (listed.is_string() && CanonicalNotificationNumber(listed.get<std::string>()) == canonicalNumber)
      return answer;
    answer.status = RegistryStatus::NotListed;  // hash collision
    answer.detail = nullptr;
  }
  return answer;
}

std::string SqliteSnapshot::Describe() const {
  return "SQLite snapshot " + impl_->path + " (table " + impl_->table + ")";
}

}  // namespace suppcheck
