#include "suppcheck/extract/legal_text_legibility.h"

#include <algorithm>
#include <cctype>

#include "suppcheck/extract/coverage.h"

namespace suppcheck {

namespace {

// A line read at a mean word confidence below this is not text a person could check against the
// photo: on generated hard photos the garbled lines read at 10-45, clean small print at 75-96.
constexpr float kUnreadLineConfidence = 50;
// A legal-text line itself read below this is mostly guesswork: its "THT" or "Tel" was recognised,
// but a number line merged into it would not be (seed 81234 phone-0022, tight small print on a
// tilted pack: the number and lot lines read as one, "co eaves SV7 THT cae" at 23).
constexpr float kGuessedCueConfidence = 35;
// How far from a legal-text line the number stands: the lines right above and below the lot or
// the address (a block of small print), measured in that line's heights.
constexpr int kNeighbourhoodLines = 4;

// The line was OCR'd (given text has no words: nothing to doubt) at a mean word confidence below
// `confidence`.
bool ReadBelow(const TextLine& line, float confidence) {
  return !line.box.empty() && !line.words.empty() && line.MeanConfidenceOf(0, line.text.size()) < confidence;
}

// A line no longer than this many of its own heights holds two characters or three: too short
// for the shortest number line ("AS 1/2"). The end of the telephone number wrapped onto a line of
// its own in a turned side panel, "73" read at 47, made a clean photo's number `unreadable`
// where none is printed (label seed 27183 clean-0016).
constexpr int kShortestNumberLineHeights = 2;
bool TooShortForANumber(const Box& b) {
  const int length = std::max(b.w, b.h), height = std::min(b.w, b.h);
  return !b.empty() && length < kShortestNumberLineHeights * height;
}
// A line that may be the number misread: digits in it (a notification number has at least two),
// read at low confidence. Barcode bars and background specks read as letters do not count
// (measured: counting lines of letters too turned 3 of 8 numberless dev photos unreadable).
bool Unread(const TextLine& line) {
  const auto digits = std::count_if(line.text.begin(), line.text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return digits >= 2 && !TooShortForANumber(line.box) && ReadBelow(line, kUnreadLineConfidence);
}

// A garbled line of any characters (at least this many letters or digits) read at low confidence.
constexpr long kMinGarbledChars = 4;

bool Garbled(const TextLine& line) {
  const auto chars = std::count_if(line.text.begin(), line.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  return chars >= kMinGarbledChars && ReadBelow(line, kUnreadLineConfidence);
}

// Lines read from a turned side panel keep their boxes in the photo's pixels: they run down.
bool RunsDown(const Box& b) { return b.h > b.w; }
Box Transposed(const Box& b) { return {b.y, b.x, b.h, b.w}; }

// `other` stands in the block of small print around `cue`: text of about the same height, in the
// same column, within a few lines above or below (for text running down: beside it).
bool Near(Box cue, Box other) {
  if (RunsDown(cue) != RunsDown(other)) return false;
  if (RunsDown(cue)) {
    cue = Transposed(cue);
    other = Transposed(other);
  }
  const int h = std::max(1, cue.h);
  if (other.h < h / 2 || other.h > 2 * h) return false;
  const int gap = other.y > cue.bottom() ? other.y - cue.bottom() : cue.y > other.bottom() ? cue.y - other.bottom() : 0;
  if (gap > kNeighbourhoodLines * h) return false;
  // The same column: the boxes overlap across, with some slack for a line indented or cut short.
  const int slack = cue.w / 4;
  return other.x < cue.right() + slack && other.right() > cue.x - slack;
}

// `middle` stands between two legal-text lines of its column (the address above, the lot below):
// where the number is printed on most labels.
bool BetweenCues(const std::vector<TextLine>& lines, const std::vector<size_t>& cues, size_t middle) {
  const Box& m = lines[middle].box;
  bool above = false, below = false;
  for (const size_t c : cues) {
    const Box& b = lines[c].box;
    if (b.empty() || RunsDown(b) != RunsDown(m) || !Near(b, m)) continue;
    const Box cb = RunsDown(b) ? Transposed(b) : b, mb = RunsDown(m) ? Transposed(m) : m;
    if (cb.bottom() <= mb.centerY() && mb.y - cb.bottom() <= 2 * mb.h) above = true;
    if (cb.y >= mb.centerY() && cb.y - mb.bottom() <= 2 * mb.h) below = true;
  }
  return above && below;
}

}  // namespace

std::vector<size_t> UnreadLinesNearLegalText(const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  std::vector<size_t> out;
  const std::vector<size_t> cues = LegalTextLines(lines, vocab);
  for (size_t i = 0; i < lines.size(); ++i) {
    // A line recognised as the lot or the address was read well enough to be that line.
    if (std::find(cues.begin(), cues.end(), i) != cues.end()) {
      if (ReadBelow(lines[i], kGuessedCueConfidence)) out.push_back(i);
      continue;
    }
    // A line without digits counts only between two legal lines: letters alone near the lot are
    // often barcode bars or background specks (3 of 8 numberless dev photos), but a garbled line
    // between the address and the lot is where a motion-blurred "N° notif. : AS 2/5" was read
    // "NN' nti. «AB VS" (seed 70701 hard-0021, a false 'missing' on a number a person reads).
    if (Garbled(lines[i]) && BetweenCues(lines, cues, i)) {
      out.push_back(i);
      continue;
    }
    if (!Unread(lines[i])) continue;
    if (std::any_of(cues.begin(), cues.end(), [&](size_t c) { return !lines[c].box.empty() && Near(lines[c].box, lines[i].box); }))
      out.push_back(i);
  }
  return out;
}

bool NearLegalText(const std::vector<TextLine>& lines, const Box& box, const Vocabulary& vocab) {
  if (box.empty()) return false;
  const std::vector<size_t> cues = LegalTextLines(lines, vocab);
  return std::any_of(cues.begin(), cues.end(), [&](size_t c) { return !lines[c].box.empty() && Near(lines[c].box, box); });
}

}  // namespace suppcheck
