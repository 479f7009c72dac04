#include "suppcheck/extract/compound_mentions.h"

#include <optional>
#include <string>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// Where the line's letters and digits end: what trails them (a comma, a hyphen) is no part of a
// name that goes on in the next line.
size_t TextEnd(const std::string& f) {
  size_t e = f.size();
  while (e > 0 && !IsAsciiAlpha(f[e - 1]) && !IsAsciiDigit(f[e - 1])) --e;
  return e;
}

size_t TextStart(const std::string& f) {
  size_t p = 0;
  while (p < f.size() && !IsAsciiAlpha(f[p]) && !IsAsciiDigit(f[p])) ++p;
  return p;
}

// The compound named in `first` + " " + `second` that begins in `first` at or before `from` and
// ends in `second` after `reach` of its bytes at least; its id.
std::optional<std::string> CompoundAcross(const std::string& first, const std::string& second, size_t from,
                                          size_t reach, const NutrientLexicon& lexicon) {
  const std::string joined = first + " " + second;
  for (const Mention& m : FindMentions(joined, lexicon))
    if (m.kind == MentionKind::Compound && m.begin <= from && m.end >= first.size() + 1 + reach)
      return m.compound;
  return std::nullopt;
}

}  // namespace

void MarkCompoundsAcrossLines(std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                              const NutrientLexicon& lexicon) {
  if (!lexicon.compounds || lexicon.compounds->empty()) return;
  for (size_t i = 0; i < info.size(); ++i) {
    const std::string& f = info[i].ft.text;
    for (Mention& m : info[i].mentions) {
      if (m.kind != MentionKind::Target) continue;
      // The column is the word's own: OCR runs a line on into the next column ("magnésium 823 mg
      // Lot 3768/228 ..."), and the line above the whole of it was the other column's number
      // line, not the "Par 1 comprimé: glycérophosphate de" above the word; its 823 mg of the
      // salt was read as magnesium itself, a false "above" for 103 mg a day (label seed 16180
      // hard-0030).
      const auto [wordBegin, wordEnd] = info[i].ft.OriginalRange(m.begin, m.end);
      const Box word = lines[i].BoxOf(wordBegin, wordEnd);
      std::optional<std::string> compound;
      if (m.end == TextEnd(f)) {  // the name may go on below
        const size_t next = NeighbourInColumn(lines, i, +1, /*maxGap=*/2.0, static_cast<size_t>(-1), &word);
        if (next != std::string::npos) {
          const std::string& n = info[next].ft.text;
          compound = CompoundAcross(f.substr(0, m.end), n.substr(TextStart(n)), m.begin, 1, lexicon);
        }
      }
      if (!compound && m.begin == TextStart(f)) {  // or began above
        const size_t above = NeighbourInColumn(lines, i, -1, /*maxGap=*/2.0, static_cast<size_t>(-1), &word);
        if (above != std::string::npos) {
          const std::string& a = info[above].ft.text;
          const std::string head = a.substr(0, TextEnd(a));
          compound = CompoundAcross(head, f.substr(m.begin), head.empty() ? 0 : head.size() - 1, m.end - m.begin,
                                    lexicon);
        }
      }
      if (compound) {
        m.kind = MentionKind::Compound;
        m.compound = *compound;
      }
    }
  }
}

}  // namespace suppcheck
