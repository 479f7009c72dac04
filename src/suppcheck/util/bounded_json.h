#pragma once
// JSON from outside (a registry's answer, a cache file, a results file from an earlier run) is
// parsed with a nesting limit. nlohmann's parser itself does not recurse, but copying, printing
// and comparing a value do, so 100000 nested brackets in a 256 KiB answer overflowed the stack
// (issue 13, D6). The depth is checked in a first pass with the SAX interface, which builds
// nothing, before the value is built.

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "suppcheck/util/expected.h"

namespace suppcheck {

/// Deeper than anything a registry, our cache or our reports write (they nest 3 or 4 levels).
inline constexpr size_t kMaxJsonDepth = 64;

/// The text as JSON, or an error with code "bad_json": "is not JSON" or "nests deeper than N
/// levels". Never throws.
Expected<nlohmann::ordered_json> ParseBoundedJson(std::string_view text, size_t maxDepth = kMaxJsonDepth);

}  // namespace suppcheck
