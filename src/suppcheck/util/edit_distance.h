#pragma once

#include <string_view>

namespace suppcheck {

/// Levenshtein distance (insertions, deletions, substitutions), for matching OCR'd words
/// against a vocabulary and for "did you mean" suggestions.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace suppcheck
