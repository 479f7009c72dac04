#include "suppcheck/extract/excipient_mentions.h"

#include <algorithm>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// What stands between two pieces of one phrase: spaces, a colon, a comma (not a letter or digit).
bool OnlySeparators(const std::string& f, size_t b, size_t e) {
  for (size_t p = b; p < e && p < f.size(); ++p)
    if (IsAsciiAlpha(f[p]) || IsAsciiDigit(f[p])) return false;
  return true;
}

// The line without what trails after its last letter ("stearate de ," -> "stearate de").
std::string TrimmedEnd(const std::string& f) {
  size_t e = f.size();
  while (e > 0 && !IsAsciiAlpha(f[e - 1])) --e;
  return f.substr(0, e);
}

size_t FirstLetter(const std::string& f) {
  size_t p = 0;
  while (p < f.size() && !IsAsciiAlpha(f[p])) ++p;
  return p;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return !tail.empty() && s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0 &&
         IsWordStart(s, s.size() - tail.size());
}

// The line before and after each line in reading order, in its own column (NeighbourInColumn,
// within two line heights): a label in two columns is read row by row across both
// ("antiagglomerant : stearate de" in the right column, "Per tablet: Kalium 80 mg" in the left,
// then "magnesium." in the right), and the piece under "stearate de" was taken for the nutrient
// (seed 36527 phone-0019: a vitamin C label reported with magnesium). npos where there is none.
struct Neighbours {
  std::vector<size_t> before, after;
};

Neighbours ColumnNeighbours(const std::vector<TextLine>& lines) {
  Neighbours nb;
  for (size_t i = 0; i < lines.size(); ++i) {
    nb.before.push_back(NeighbourInColumn(lines, i, -1, /*maxGap=*/2.0));
    nb.after.push_back(NeighbourInColumn(lines, i, +1, /*maxGap=*/2.0));
  }
  return nb;
}

// An additive's class name right before `begin` on the line ("trennmittel: "), or ending the line
// before when the mention opens its line.
bool AfterClassName(const std::vector<AnalysedLine>& info, const Neighbours& nb, size_t i, const Mention& m,
                    const NutrientLexicon& lx) {
  const std::string& f = info[i].ft.text;
  const size_t before = nb.before[i];
  for (const auto& c : *lx.excipientClasses) {
    for (size_t p = f.find(c); p != std::string::npos && p < m.begin; p = f.find(c, p + 1))
      if (IsWordStart(f, p) && OnlySeparators(f, p + c.size(), m.begin)) return true;
    if (before != std::string::npos && m.begin == FirstLetter(f) && EndsWith(TrimmedEnd(info[before].ft.text), c))
      return true;
  }
  return false;
}

// The mention's word with the line before or after makes an excipient's name: "stearate de" ending
// the line before a line that opens with "magnesium", or "magnesium" ending a line before one that
// opens with "stearate".
bool CompletedAcrossLines(const std::vector<AnalysedLine>& info, const Neighbours& nb, size_t i, const Mention& m,
                          const NutrientLexicon& lx) {
  const std::string& f = info[i].ft.text;
  const size_t before = nb.before[i], after = nb.after[i];
  for (const auto& word : lx.names->words)
    for (const auto& e : *lx.excipients) {
      const size_t at = e.find(word);
      if (at == std::string::npos) continue;
      const std::string head = TrimmedEnd(e.substr(0, at));
      const std::string tail = e.substr(at + word.size());
      if (!head.empty() && before != std::string::npos && m.begin == FirstLetter(f) &&
          EndsWith(TrimmedEnd(info[before].ft.text), head))
        return true;
      const size_t tailStart = FirstLetter(tail);
      if (tailStart < tail.size() && after != std::string::npos && TrimmedEnd(f).size() == m.end) {
        const std::string& next = info[after].ft.text;
        const std::string rest = tail.substr(tailStart);
        if (next.compare(FirstLetter(next), rest.size(), rest) == 0) return true;
      }
    }
  return false;
}

// "magnesiumste": longer than the nutrient's word by two letters or more, and the beginning of an
// excipient's name written as one word ("magnesiumstearaat"), of no compound's.
bool BeginsExcipient(const std::string& f, const Mention& m, const NutrientLexicon& lx) {
  const std::string w = f.substr(m.begin, m.end - m.begin);
  size_t longest = 0;
  for (const auto& word : lx.names->words) longest = std::max(longest, word.size());
  if (w.size() < longest + 2) return false;
  const auto begins = [&](const std::string& name) { return name.compare(0, w.size(), w) == 0; };
  if (std::any_of(lx.compounds->begin(), lx.compounds->end(),
                  [&](const SaltInfo& s) { return std::any_of(s.names.begin(), s.names.end(), begins); }))
    return false;
  return std::any_of(lx.excipients->begin(), lx.excipients->end(), begins);
}

}  // namespace

void MarkCutExcipients(std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines, const NutrientLexicon& lx) {
  const Neighbours nb = ColumnNeighbours(lines);
  for (size_t i = 0; i < info.size(); ++i)
    for (auto& m : info[i].mentions) {
      if (m.kind == MentionKind::Target &&
          (CompletedAcrossLines(info, nb, i, m, lx) || BeginsExcipient(info[i].ft.text, m, lx) ||
           AfterClassName(info, nb, i, m, lx))) {
        m.kind = MentionKind::Excipient;
      } else if (m.kind == MentionKind::Compound && AfterClassName(info, nb, i, m, lx)) {
        m.kind = MentionKind::Excipient;
        m.compound.clear();
      }
    }
}

}  // namespace suppcheck
