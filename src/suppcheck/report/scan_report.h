#pragma once
// The scan result as the JSON object of spec/report.md (one per input).

#include <nlohmann/json.hpp>

#include "suppcheck/scanner.h"

namespace suppcheck {

nlohmann::ordered_json ScanResultJson(const ScanResult& r);

/// The value at a path inside a result, or null when any step is missing (the
/// "notification" of an input that failed is null).
const nlohmann::ordered_json& JsonAt(const nlohmann::ordered_json& j, std::initializer_list<const char*> path);

/// A few lines for a person (the `text` format).
std::string ScanResultText(const nlohmann::ordered_json& j);

}  // namespace suppcheck
