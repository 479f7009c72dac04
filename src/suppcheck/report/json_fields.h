#pragma once
// Reading fields of a result already turned into JSON, for the formats built from it (CSV
// columns, text, the HTML report): one home for the helpers every format needs.

#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

namespace suppcheck {

/// The value at a path inside a result, or null when any step is missing (the
/// "notification" of an input that failed is null).
const nlohmann::ordered_json& JsonAt(const nlohmann::ordered_json& j, std::initializer_list<const char*> path);

/// A field as one CSV cell: a string as it is, null as "", anything else as its JSON.
std::string JsonText(const nlohmann::ordered_json& v);

/// The items of an array as JsonText joined by `separator`; "" when `a` is not an array.
std::string JoinJsonArray(const nlohmann::ordered_json& a, const char* separator);

}  // namespace suppcheck
