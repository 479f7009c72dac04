#include "suppcheck/registry/open_registry.h"

#include <filesystem>
#include <fstream>

#include "suppcheck/registry/csv_snapshot.h"
#include "suppcheck/registry/sqlite_snapshot.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

bool HasSqliteHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {0};
  in.read(head, sizeof head);
  return in.gcount() == 16 && std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <class T>
Expected<std::unique_ptr<Registry>> Upcast(Expected<std::unique_ptr<T>> e) {
  if (!e) return e.error();
  return std::unique_ptr<Registry>(std::move(e).value());
}

}  // namespace

Expected<std::unique_ptr<Registry>> OpenRegistry(const std::string& spec, const HttpRegistryOptions& httpOptions) {
  const std::string lower = AsciiLower(Trim(spec));
  if (lower.empty()) return MakeError("bad_registry", "the registry spec is empty");
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0)
    return Upcast(HttpRegistry::Create(std::string(Trim(spec)), httpOptions));
  if (lower.find("://") != std::string::npos)
    return MakeError("bad_registry", "registry '" + spec + "': only http:// and https:// URLs are supported");

  std::error_code ec;
  const bool exists = std::filesystem::exists(spec, ec);
  if (EndsWith(lower, ".sqlite") || EndsWith(lower, ".sqlite3") || EndsWith(lower, ".db") ||
      (exists && HasSqliteHeader(spec)))
    return Upcast(SqliteSnapshot::Open(spec));
  if (EndsWith(lower, ".csv") || EndsWith(lower, ".tsv") || exists) return Upcast(CsvSnapshot::Open(spec));
  return MakeError("bad_registry", "registry '" + spec +
                                       "': expected a .csv or .sqlite snapshot file or an http(s) URL "
                                       "with {number}; no such file");
}

}  // namespace suppcheck
