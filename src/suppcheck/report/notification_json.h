#pragma once
// The `notification` object of the report contract (spec/report.md).

#include <nlohmann/json.hpp>

#include "suppcheck/notification/notification_number.h"
#include "suppcheck/registry/registry.h"

namespace suppcheck {

/// Adds the fields of the `notification` object to `j` (which may already hold others, such as
/// `input`). `confidence` < 0 leaves the optional field out (typed numbers have none).
void AddNotificationFields(nlohmann::ordered_json& j, const NotificationNumber& n, const RegistryAnswer& registry,
                           double confidence = -1);

/// The `notification` object alone.
nlohmann::ordered_json NotificationJson(const NotificationNumber& n, const RegistryAnswer& registry,
                                        double confidence = -1);

}  // namespace suppcheck
