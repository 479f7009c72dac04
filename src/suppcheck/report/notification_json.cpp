#include "suppcheck/report/notification_json.h"

#include "suppcheck/util/text.h"

namespace suppcheck {

void AddNotificationFields(nlohmann::ordered_json& j, const NotificationNumber& n, const RegistryAnswer& registry,
                           double confidence) {
  j["status"] = NumberStatusName(n.status);
  j["number"] = n.valid() ? nlohmann::ordered_json(n.canonical) : nlohmann::ordered_json(nullptr);
  j["text"] = n.absent() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(SanitizeUtf8(n.text));
  j["categories"] = nlohmann::ordered_json::array();
  for (Category c : n.categories) j["categories"].push_back(CategoryName(c));
  j["producer"] = n.producer ? nlohmann::ordered_json(SanitizeUtf8(*n.producer)) : nlohmann::ordered_json(nullptr);
  j["product"] = n.product ? nlohmann::ordered_json(SanitizeUtf8(*n.product)) : nlohmann::ordered_json(nullptr);
  j["problems"] = nlohmann::ordered_json::array();
  for (const auto& p : n.problems) j["problems"].push_back(SanitizeUtf8(p));
  if (confidence >= 0) j["confidence"] = confidence;
  j["registry"] = RegistryAnswerJson(registry);
  // Not listed is not "not notified": the answer says so in words (extra key of the contract).
  if (registry.status == RegistryStatus::NotListed) j["registry"]["note"] = std::string(kNotListedMeaning);
}

nlohmann::ordered_json NotificationJson(const NotificationNumber& n, const RegistryAnswer& registry,
                                        double confidence) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  AddNotificationFields(j, n, registry, confidence);
  return j;
}

}  // namespace suppcheck
