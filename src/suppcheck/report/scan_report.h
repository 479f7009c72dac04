#pragma once
// The scan result as the JSON object of spec/report.md (one per input).

#include <nlohmann/json.hpp>

#include "suppcheck/scan_result.h"

namespace suppcheck {

nlohmann::ordered_json ScanResultJson(const ScanResult& r);

/// A few lines for a person (the `text` format).
std::string ScanResultText(const nlohmann::ordered_json& j);

}  // namespace suppcheck
