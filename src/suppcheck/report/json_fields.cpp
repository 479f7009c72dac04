#include "suppcheck/report/json_fields.h"

namespace suppcheck {

using Json = nlohmann::ordered_json;

const Json& JsonAt(const Json& j, std::initializer_list<const char*> path) {
  static const Json null;
  const Json* cur = &j;
  for (const char* k : path) {
    if (!cur->is_object() || !cur->contains(k)) return null;
    cur = &(*cur)[k];
  }
  return *cur;
}

std::string JsonText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

std::string JoinJsonArray(const Json& a, const char* separator) {
  std::string s;
  if (!a.is_array()) return s;
  for (const auto& v : a) s += (s.empty() ? "" : separator) + JsonText(v);
  return s;
}

}  // namespace suppcheck
