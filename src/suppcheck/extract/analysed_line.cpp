#include "suppcheck/extract/analysed_line.h"

#include "suppcheck/extract/compound_mentions.h"
#include "suppcheck/extract/excipient_mentions.h"

namespace suppcheck {

std::vector<AnalysedLine> AnalyseLines(const std::vector<TextLine>& lines, const NutrientLexicon& lexicon,
                                       const Vocabulary& vocab, double maxUnitsPerDay) {
  std::vector<AnalysedLine> info(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    AnalysedLine& li = info[i];
    li.ft = FoldForMatching(lines[i].text);
    li.mentions = FindMentions(li.ft.text, lexicon);
    li.quantities = FindQuantities(li.ft.text);
    li.percents = FindPercents(li.ft.text);
    li.phrases = FindBasisPhrases(li.ft.text, vocab, maxUnitsPerDay);
  }
  MarkCutExcipients(info, lines, lexicon);
  MarkCompoundsAcrossLines(info, lines, lexicon);
  return info;
}

}  // namespace suppcheck
