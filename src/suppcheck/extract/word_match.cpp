#include "suppcheck/extract/word_match.h"

#include <algorithm>

#include "suppcheck/util/edit_distance.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

bool IsWordStart(std::string_view f, size_t p) { return p == 0 || !IsAsciiAlpha(f[p - 1]); }
bool IsWordEnd(std::string_view f, size_t p) { return p >= f.size() || !IsAsciiAlpha(f[p]); }

size_t FindWord(std::string_view f, std::string_view word, size_t from, size_t to) {
  to = std::min(to, f.size());
  for (size_t p = f.find(word, from); p != std::string_view::npos && p + word.size() <= to; p = f.find(word, p + 1))
    if (IsWordStart(f, p) && IsWordEnd(f, p + word.size())) return p;
  return std::string_view::npos;
}

size_t FindAnyWord(std::string_view f, const std::vector<std::string>& words, size_t from, size_t to) {
  size_t best = std::string_view::npos;
  for (const auto& w : words) {
    for (size_t p = f.find(w, from); p != std::string_view::npos && p + w.size() <= to; p = f.find(w, p + 1)) {
      const bool symbolic = !IsAsciiAlpha(w.front());
      if ((symbolic || IsWordStart(f, p)) && (!IsAsciiAlpha(w.back()) || IsWordEnd(f, p + w.size()))) {
        best = std::min(best, p);
        break;
      }
    }
  }
  return best;
}

size_t FuzzyMatchAt(std::string_view f, size_t p, std::string_view name) {
  const int budget = static_cast<int>(name.size()) / 9;  // 1 edit per 9 letters
  if (budget == 0) return std::string_view::npos;
  size_t bestEnd = std::string_view::npos;
  int best = budget + 1;
  for (int len = static_cast<int>(name.size()) - budget; len <= static_cast<int>(name.size()) + budget; ++len) {
    if (len <= 0 || p + static_cast<size_t>(len) > f.size()) continue;
    if (!IsWordEnd(f, p + static_cast<size_t>(len))) continue;
    const int d = EditDistance(f.substr(p, static_cast<size_t>(len)), name);
    if (d < best) {
      best = d;
      bestEnd = p + static_cast<size_t>(len);
    }
  }
  return bestEnd;
}

}  // namespace suppcheck
