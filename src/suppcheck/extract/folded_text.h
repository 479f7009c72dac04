#pragma once
// Text folded for matching: lower case, accents removed (é→e, ü→u, ß→ss, µ→u, œ→oe),
// look-alike spaces/slashes/dashes folded, with a map from every folded byte back to the
// original bytes, so that a match in folded text can be shown as it was printed and traced to
// the OCR words (and boxes) under it.

#include <string>
#include <string_view>
#include <vector>

namespace suppcheck {

struct FoldedText {
  std::string text;                  ///< folded, mostly ASCII
  std::vector<size_t> origin;        ///< origin[i] = byte offset in the original of text[i]; size()+1 entries
  /// Byte range [begin, end) in the original text for a folded range.
  std::pair<size_t, size_t> OriginalRange(size_t begin, size_t end) const {
    return {origin[begin], origin[end]};
  }
};

FoldedText FoldForMatching(std::string_view original);

}  // namespace suppcheck
