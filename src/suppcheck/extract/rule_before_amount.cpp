#include "suppcheck/extract/rule_before_amount.h"

#include <algorithm>
#include <cstdlib>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// How far above and below the amount's row the rows of its column are looked for, in row heights.
constexpr int kRowsAround = 8;
// Numbers of other rows that must start together for the column to be left-aligned.
constexpr int kMinAlignedRows = 3;

}  // namespace

bool OneStandsLeftOfItsColumn(const NutrientAmount& a, const std::string& number, const std::vector<TextLine>& lines) {
  if (number.size() < 2 || number[0] != '1' || !IsAsciiDigit(number[1])) return false;
  if (a.line < 0 || static_cast<size_t>(a.line) >= lines.size()) return false;
  const TextLine& line = lines[static_cast<size_t>(a.line)];
  const LineWord* word = nullptr;
  for (const LineWord& w : line.words)
    if (w.begin == a.begin && !w.box.empty()) word = &w;
  if (!word || line.box.empty() || word->end <= word->begin) return false;
  // One character's width of the word: a digit's, near enough ("110mg" counts its letters too).
  const double digit = static_cast<double>(word->box.w) / static_cast<double>(word->end - word->begin);
  const int rowH = std::max(1, line.box.h);
  std::vector<int> starts;
  for (const TextLine& other : lines) {
    if (&other == &line || other.box.empty()) continue;
    if (std::abs(other.box.centerY() - line.box.centerY()) > kRowsAround * rowH) continue;
    // Another reading of this very row is no other row.
    if (2 * other.box.VerticalOverlap(line.box) >= std::min(other.box.h, line.box.h)) continue;
    for (const LineWord& w : other.words) {
      if (w.box.empty() || w.begin >= other.text.size() || !IsAsciiDigit(other.text[w.begin])) continue;
      // Under the amount: from two digits left of it to its right end.
      if (w.box.x > word->box.right() || w.box.x < word->box.x - static_cast<int>(2 * digit)) continue;
      starts.push_back(w.box.x);
      break;
    }
  }
  if (static_cast<int>(starts.size()) < kMinAlignedRows) return false;
  std::nth_element(starts.begin(), starts.begin() + static_cast<long>(starts.size() / 2), starts.end());
  const int column = starts[starts.size() / 2];
  const auto together = std::count_if(starts.begin(), starts.end(),
                                       [&](int x) { return std::abs(x - column) <= digit / 2; });
  if (together < kMinAlignedRows) return false;
  const double left = column - word->box.x;
  return left >= digit / 2 && left <= 2 * digit;
}

}  // namespace suppcheck
