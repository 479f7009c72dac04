#include "suppcheck/registry/registry.h"

namespace suppcheck {

std::string_view RegistryStatusName(RegistryStatus s) {
  switch (s) {
    case RegistryStatus::NotChecked: return "not_checked";
    case RegistryStatus::Listed: return "listed";
    case RegistryStatus::NotListed: return "not_listed";
    case RegistryStatus::Error: return "error";
  }
  return "?";
}

nlohmann::ordered_json RegistryAnswerJson(const RegistryAnswer& a) {
  nlohmann::ordered_json j;
  j["status"] = RegistryStatusName(a.status);
  if (a.status == RegistryStatus::NotChecked) return j;
  if (!a.source.empty()) j["source"] = a.source;
  if (a.status == RegistryStatus::Error) j["error"] = a.error;
  if (!a.detail.is_null()) j["detail"] = a.detail;
  if (a.fromCache) j["cached"] = true;
  return j;
}

}  // namespace suppcheck
