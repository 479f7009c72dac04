#include "suppcheck/ocr/readability.h"

#include <algorithm>
#include <cctype>

namespace suppcheck {

namespace {
// Tesseract's confidence from which a word counts as read.
constexpr float kConfidentWord = 60;
}  // namespace

double Readability(const std::vector<OcrWord>& words) {
  double score = 0;
  for (const auto& w : words) {
    const auto alnum = std::count_if(w.text.begin(), w.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (alnum >= 3 && w.confidence >= kConfidentWord) score += static_cast<double>(alnum);
  }
  return score;
}

double MeanConfidence(const std::vector<OcrWord>& words) {
  if (words.empty()) return 0;
  double s = 0;
  for (const auto& w : words) s += w.confidence;
  return s / static_cast<double>(words.size());
}

}  // namespace suppcheck
