#pragma once
// The total over several products (suppcheck total) as JSON, as CSV and as text for a person.

#include <string>

#include <nlohmann/json.hpp>

#include "suppcheck/assess/age_profile.h"
#include "suppcheck/assess/intake_total.h"
#include "suppcheck/report/result_layout.h"

namespace suppcheck {

/// {"profile", "products": [...], "nutrients": [...], "assessment": {"worst", "flags", "messages"}}:
/// each nutrient with its sum a day, "at_least", the products that gave it and the limits, in the
/// shape of the scan report's `nutrients` entries (spec/report.md).
nlohmann::ordered_json IntakeTotalJson(const IntakeTotal& total, const AgeProfile& who);

/// A few lines per nutrient for a person (the `text` format).
std::string IntakeTotalText(const nlohmann::ordered_json& j);

/// CSV: one row per nutrient (the items of "nutrients"); text: the whole total (IntakeTotalText).
/// json/jsonl write the total as one object.
ResultLayout IntakeTotalLayout();

}  // namespace suppcheck
