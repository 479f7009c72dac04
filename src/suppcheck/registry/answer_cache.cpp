#include "suppcheck/registry/answer_cache.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "suppcheck/util/atomic_file.h"
#include "suppcheck/util/bounded_json.h"
#include "suppcheck/util/hash.h"

namespace suppcheck {

namespace fs = std::filesystem;

namespace {

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Hex(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<size_t>(i)] = digits[v & 15];
  return s;
}

}  // namespace

AnswerCache::AnswerCache(fs::path dir, std::string registryKey, std::chrono::seconds ttl) : ttl_(ttl) {
  if (!dir.empty()) dir_ = dir / "registry" / Hex(HashText(registryKey));
}

fs::path AnswerCache::DefaultDir() {
  if (const char* d = std::getenv("SUPPCHECK_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "suppcheck";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "suppcheck";
  return {};
}

fs::path AnswerCache::FileFor(const std::string& canonicalNumber) const {
  // "NUT/PL 1234/56" -> "NUT-PL_1234-56.json": readable, and a canonical number has no other
  // characters, so the mapping cannot collide.
  std::string name;
  for (char c : canonicalNumber) name += c == '/' ? '-' : c == ' ' ? '_' : c;
  return dir_ / (name + ".json");
}

std::optional<RegistryAnswer> AnswerCache::Get(const std::string& canonicalNumber) const {
  if (!enabled()) return std::nullopt;
  std::ifstream in(FileFor(canonicalNumber), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buf;
  buf << in.rdbuf();
  // A damaged or foreign file (or one nested too deep to handle) is simply a miss; the next
  // answer overwrites it.
  auto parsed = ParseBoundedJson(buf.str());
  if (!parsed) return std::nullopt;
  const nlohmann::ordered_json& j = *parsed;
  if (!j.is_object() || !j.contains("fetched") || !j["fetched"].is_number_integer() || !j.contains("found") ||
      !j["found"].is_boolean())
    return std::nullopt;
  const int64_t age = NowSeconds() - j["fetched"].get<int64_t>();
  if (age < 0 || age > ttl_.count()) return std::nullopt;
  RegistryAnswer a;
  a.status = j["found"].get<bool>() ? RegistryStatus::Listed : RegistryStatus::NotListed;
  a.source = j.value("source", "");
  if (j.contains("detail")) a.detail = j["detail"];
  a.fromCache = true;
  return a;
}

void AnswerCache::Put(const std::string& canonicalNumber, const RegistryAnswer& answer) const {
  if (!enabled()) return;
  if (answer.status != RegistryStatus::Listed && answer.status != RegistryStatus::NotListed) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;  // a cache that cannot be written is just no cache
  nlohmann::ordered_json j;
  j["number"] = canonicalNumber;
  j["found"] = answer.status == RegistryStatus::Listed;
  j["fetched"] = NowSeconds();
  j["source"] = answer.source;
  if (!answer.detail.is_null()) j["detail"] = answer.detail;
  // A cache that cannot be written is just no cache: the error is dropped.
  (void)WriteFileAtomically(FileFor(canonicalNumber), j.dump(), "the registry cache file");
}

}  // namespace suppcheck
