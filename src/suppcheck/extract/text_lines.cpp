#include "suppcheck/extract/text_lines.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

template <class Fn>
void ForWordsIn(const TextLine& line, size_t begin, size_t end, Fn fn) {
  for (const LineWord& w : line.words)
    if (w.end > begin && w.begin < end) fn(w);
}

struct Fragment {
  std::vector<const OcrWord*> words;
  Box box;
};

int MedianHeight(const std::vector<Fragment>& frags) {
  std::vector<int> h;
  for (const auto& f : frags) h.push_back(f.box.h);
  if (h.empty()) return 0;
  std::nth_element(h.begin(), h.begin() + static_cast<long>(h.size() / 2), h.end());
  return h[h.size() / 2];
}

// Where `next` stands below `line` in reading order: still on its height (a line beside it),
// at most a line's height under it (the next line of a paragraph), or further down.
enum class Below { Beside, Next, Further };
Below WhereBelow(const Box& line, const Box& next) {
  if (next.y < line.bottom() - line.h / 4) return Below::Beside;
  return next.y - line.bottom() > line.h ? Below::Further : Below::Next;
}

bool IsAmount(std::string_view t) {
  if (t.empty() || !IsAsciiDigit(t.front())) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return IsAsciiDigit(c) || c == ',' || c == '.'; });
}

// The units an amount is given in, as they begin a line when they wrap.
bool IsUnitWord(std::string_view t) {
  while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';' || t.back() == ')')) t.remove_suffix(1);
  const std::string u = AsciiLower(t);
  return u == "mg" || u == "g" || u == "mcg" || u == "\u00b5g" || u == "\u03bcg" || u == "ug" || u == "mmol" || u == "iu";
}

// A line that ends with an amount whose unit wrapped to the start of the next line of the same
// paragraph ("Par sachet: bisglycinate de magnésium 1151" over "mg", seed 40961 clean-0003):
// the unit goes back to its amount, as a person reads it. The next line must begin under the
// line's start (a paragraph's margin), at most one line's height below.
void JoinWrappedUnits(std::vector<Fragment>& rows) {
  for (size_t i = 0; i < rows.size(); ++i) {
    Fragment& line = rows[i];
    if (line.words.empty() || !IsAmount(Trim(line.words.back()->text))) continue;
    for (size_t j = i + 1; j < rows.size(); ++j) {
      Fragment& next = rows[j];
      if (next.words.empty()) continue;
      const Below where = WhereBelow(line.box, next.box);
      if (where == Below::Beside) continue;
      if (where == Below::Further) break;
      if (std::abs(next.box.x - line.box.x) > line.box.h || !IsUnitWord(Trim(next.words.front()->text))) continue;
      line.words.push_back(next.words.front());
      line.box = line.box.United(next.words.front()->box);
      next.words.erase(next.words.begin());
      next.box = {};
      for (const OcrWord* w : next.words) next.box = next.box.United(w->box);
      break;
    }
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Fragment& f) { return f.words.empty(); }), rows.end());
}

// The height of a fragment's print: its lowest word with a letter or digit. A speck of noise
// read into a word stretches that word's box ("12,6" 58 px high beside "mg" 28 px, seed 44817
// single-phone-0024) and with it the fragment's.
int PrintHeight(const Fragment& f) {
  auto hasLetterOrDigit = [](const std::string& t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); });
  };
  int h = 0;
  for (const OcrWord* w : f.words)
    if (hasLetterOrDigit(w->text) && (h == 0 || w->box.h < h)) h = w->box.h;
  return h > 0 ? h : f.box.h;
}

// Whether two fragments stand on one row: their boxes overlap vertically by most of the smaller
// height and their heights are alike; or, where one box is stretched, their print is alike in
// height and their middles are within a quarter of its height.
bool OnOneRow(const Fragment& a, const Fragment& b) {
  auto alike = [](int h1, int h2) { return std::max(h1, h2) * 10 <= std::min(h1, h2) * 18; };
  const int minH = std::min(a.box.h, b.box.h);
  if (a.box.VerticalOverlap(b.box) * 10 >= minH * 6 && alike(a.box.h, b.box.h)) return true;
  const int ha = PrintHeight(a), hb = PrintHeight(b);
  return alike(ha, hb) && std::abs(a.box.centerY() - b.box.centerY()) * 4 <= std::min(ha, hb);
}

// A fragment that fits between two words of another fragment on its row is part of that row
// even though the engine made it a line of its own: "Zink 126 %" as one line and "12,6 mg",
// read between the two, as another (seed 44817 single-phone-0024). Joining by position left to
// right would never reach it, it starts before the longer fragment ends.
void JoinFragmentsInGaps(std::vector<Fragment>& frags) {
  for (Fragment& inner : frags) {
    if (inner.words.empty()) continue;
    for (Fragment& outer : frags) {
      if (&outer == &inner || outer.words.size() < 2 || !OnOneRow(outer, inner)) continue;
      bool fits = false;
      for (size_t k = 0; k + 1 < outer.words.size() && !fits; ++k)
        fits = outer.words[k]->box.right() <= inner.box.x && inner.box.right() <= outer.words[k + 1]->box.x;
      if (!fits) continue;
      outer.words.insert(outer.words.end(), inner.words.begin(), inner.words.end());
      std::sort(outer.words.begin(), outer.words.end(),
                [](const OcrWord* a, const OcrWord* b) { return a->box.x < b->box.x; });
      outer.box = outer.box.United(inner.box);
      inner.words.clear();
      inner.box = {};
      break;
    }
  }
  frags.erase(std::remove_if(frags.begin(), frags.end(), [](const Fragment& f) { return f.words.empty(); }),
              frags.end());
}

}  // namespace

Box TextLine::BoxOf(size_t begin, size_t end) const {
  Box b;
  ForWordsIn(*this, begin, end, [&](const LineWord& w) { b = b.United(w.box); });
  return b;
}

float TextLine::MinConfidenceOf(size_t begin, size_t end) const {
  float c = 100;
  ForWordsIn(*this, begin, end, [&](const LineWord& w) { c = std::min(c, w.confidence); });
  return c;
}

float TextLine::MeanConfidenceOf(size_t begin, size_t end) const {
  float sum = 0;
  int n = 0;
  ForWordsIn(*this, begin, end, [&](const LineWord& w) {
    sum += w.confidence;
    ++n;
  });
  return n ? sum / static_cast<float>(n) : 100.f;
}

std::vector<std::pair<size_t, size_t>> ColumnRanges(const TextLine& line) {
  std::vector<std::pair<size_t, size_t>> ranges;
  const LineWord* prev = nullptr;
  for (const LineWord& w : line.words) {
    const bool gap = prev && !w.box.empty() && !prev->box.empty() &&
                     w.box.x - prev->box.right() > kColumnGapInHeights * std::max(prev->box.h, w.box.h);
    if (ranges.empty() || gap) ranges.emplace_back(w.begin, w.end);
    ranges.back().second = w.end;
    prev = &w;
  }
  if (ranges.size() <= 1) return {{0, line.text.size()}};
  return ranges;
}

TextLine SubLine(const TextLine& line, size_t begin, size_t end) {
  TextLine part;
  end = std::min(end, line.text.size());
  begin = std::min(begin, end);
  part.text = line.text.substr(begin, end - begin);
  for (const LineWord& w : line.words) {
    if (w.begin < begin || w.end > end) continue;
    part.words.push_back({w.begin - begin, w.end - begin, w.box, w.confidence});
    part.box = part.box.United(w.box);
  }
  return part;
}

TextLine PrefixedLine(const TextLine& start, const TextLine& line) {
  if (start.text.empty()) return line;
  TextLine joined = start;
  const size_t shift = start.text.size() + 1;
  joined.text += ' ';
  joined.text += line.text;
  for (const LineWord& w : line.words) joined.words.push_back({w.begin + shift, w.end + shift, w.box, w.confidence});
  joined.box = start.box.United(line.box);
  return joined;
}

std::vector<TextLine> BuildLines(const std::vector<OcrWord>& words) {
  // 1. Fragments: the engine's lines (words without a line id each make their own).
  std::map<int, Fragment> byId;
  std::vector<Fragment> frags;
  for (const OcrWord& w : words) {
    if (Trim(w.text).empty() || w.box.empty()) continue;
    if (w.lineId >= 0) {
      Fragment& f = byId[w.lineId];
      f.words.push_back(&w);
      f.box = f.box.United(w.box);
    } else {
      frags.push_back({{&w}, w.box});
    }
  }
  for (auto& [id, f] : byId) frags.push_back(std::move(f));
  for (auto& f : frags)
    std::sort(f.words.begin(), f.words.end(), [](const OcrWord* a, const OcrWord* b) { return a->box.x < b->box.x; });
  JoinFragmentsInGaps(frags);

  // 2. Rows: fragments that overlap vertically by most of their height, have a similar text
  // size and are not too far apart horizontally belong to one row (a table row, a label
  // and its value). Joined left to right.
  const int medianH = std::max(1, MedianHeight(frags));
  std::sort(frags.begin(), frags.end(), [](const Fragment& a, const Fragment& b) { return a.box.x < b.box.x; });
  std::vector<Fragment> rows;
  std::vector<bool> used(frags.size(), false);
  for (size_t i = 0; i < frags.size(); ++i) {
    if (used[i]) continue;
    Fragment row = frags[i];
    used[i] = true;
    const Fragment* last = &frags[i];
    for (size_t j = i + 1; j < frags.size(); ++j) {
      if (used[j]) continue;
      const Box& b = frags[j].box;
      const int minH = std::min(last->box.h, b.h);
      const int gap = b.x - last->box.right();
      if (OnOneRow(*last, frags[j]) && gap > -minH && gap < 30 * std::max(medianH, minH)) {
        row.words.insert(row.words.end(), frags[j].words.begin(), frags[j].words.end());
        row.box = row.box.United(b);
        last = &frags[j];
        used[j] = true;
      }
    }
    rows.push_back(std::move(row));
  }

  // 3. Reading order: top to bottom, then left to right.
  // (A plain key: an overlap-based comparison would not be a strict weak order.)
  std::sort(rows.begin(), rows.end(), [](const Fragment& a, const Fragment& b) {
    return std::pair(a.box.centerY(), a.box.x) < std::pair(b.box.centerY(), b.box.x);
  });
  JoinWrappedUnits(rows);

  std::vector<TextLine> lines;
  for (const Fragment& row : rows) {
    TextLine line;
    for (const OcrWord* w : row.words) {
      const std::string_view t = Trim(w->text);
      if (!line.text.empty()) line.text += ' ';
      LineWord lw;
      lw.begin = line.text.size();
      line.text += t;
      lw.end = line.text.size();
      lw.box = w->box;
      lw.confidence = w->confidence;
      line.words.push_back(lw);
      line.box = line.box.United(w->box);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

size_t NeighbourInColumn(const std::vector<TextLine>& lines, size_t i, int side, double maxGap, size_t lookaround,
                         const Box* own) {
  constexpr size_t kNone = static_cast<size_t>(-1);
  const Box& a = own && !own->empty() ? *own : lines[i].box;
  if (a.empty()) {
    if (side < 0) return i > 0 ? i - 1 : kNone;
    return i + 1 < lines.size() ? i + 1 : kNone;
  }
  for (size_t k = 1; k <= lookaround; ++k) {
    if (side < 0 ? k > i : i + k >= lines.size()) break;
    const size_t j = side < 0 ? i - k : i + k;
    const Box& b = lines[j].box;
    if (b.empty() || std::min(a.right(), b.right()) <= std::max(a.x, b.x)) continue;  // another column
    if (side * (b.centerY() - a.centerY()) <= 0) return kNone;
    const int gap = side < 0 ? a.y - b.bottom() : b.y - a.bottom();
    return gap <= maxGap * std::max(a.h, b.h) ? j : kNone;
  }
  return kNone;
}

std::optional<size_t> NextLineOfParagraph(const std::vector<TextLine>& lines, size_t i) {
  if (i + 1 >= lines.size()) return std::nullopt;
  const Box& line = lines[i].box;
  if (line.empty()) return i + 1;
  for (size_t j = i + 1; j < lines.size(); ++j) {
    const Box& next = lines[j].box;
    if (next.empty()) continue;
    const Below where = WhereBelow(line, next);
    if (where == Below::Beside) continue;
    if (where == Below::Further) break;
    if (std::min(next.right(), line.right()) > std::max(next.x, line.x)) return j;
  }
  return std::nullopt;
}

std::vector<TextLine> LinesFromText(std::string_view text) {
  std::vector<TextLine> lines;
  for (std::string_view raw : Split(text, '\n')) {
    const std::string_view t = Trim(raw);
    if (t.empty()) continue;
    TextLine line;
    line.text = std::string(t);
    lines.push_back(std::move(line));
  }
  return lines;
}

int MedianWordHeight(const TextLine& line) {
  std::vector<int> hs;
  for (const auto& w : line.words)
    if (!w.box.empty()) hs.push_back(w.box.h);
  if (hs.empty()) return line.box.h;
  std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
  return hs[hs.size() / 2];
}

}  // namespace suppcheck
