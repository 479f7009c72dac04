#include "suppcheck/extract/nutrient_line_read.h"

#include <algorithm>
#include <string_view>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// Parenthesis depth at each byte. A '[' closed nowhere on the line is OCR's reading of a table
// border ("[Calcium (calciumcarbonaat) |240 mg 30 %"), not a bracket: it opens nothing.
std::vector<int> ParenDepth(const std::string& f) {
  std::vector<int> d(f.size() + 1, 0);
  int cur = 0;
  const size_t lastClose = f.rfind(']');
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == '(' || (f[i] == '[' && lastClose != std::string::npos && lastClose > i)) ++cur;
    d[i] = cur;
    if (f[i] == ')' || f[i] == ']') cur = std::max(0, cur - 1);
    if (f[i] == '|') cur = 0;
  }
  d[f.size()] = cur;
  return d;
}

// "Biotn40 mcg", "Vitamin E15.7 mg": OCR glued the name to its amount. A space goes between a
// word of three letters or more and the digits (never inside a code such as "b12" or "d3").
// "Vitamin B126 mcg" is vitamin B12, 6 mcg: no vitamin code has three digits.
void SplitGluedNumbers(FoldedText& ft) {
  for (size_t i = 3; i < ft.text.size(); ++i) {
    if (!IsAsciiDigit(ft.text[i])) continue;
    const bool afterB12 = ft.text.compare(i - 3, 3, "b12") == 0 && (i < 4 || !IsAsciiAlpha(ft.text[i - 4]));
    if (!afterB12 && !IsAsciiAlpha(ft.text[i - 1])) continue;
    size_t run = 0;
    while (run < i && IsAsciiAlpha(ft.text[i - 1 - run])) ++run;
    if (run < 3 && !afterB12) continue;
    ft.text.insert(ft.text.begin() + static_cast<long>(i), ' ');
    ft.origin.insert(ft.origin.begin() + static_cast<long>(i), ft.origin[i]);
    ++i;
  }
}

// "VitaminE 12mg 100%" (single-phone-0030 of tuning seed 47291): OCR glued the vitamin's letter to
// the word. Folded, it reads "vitamine", the Dutch and French word with no letter at all; the case
// as read tells them apart: a capital A to K right after "Vitamin" in lower case ("VitaminE",
// "VitaminB12") is the letter, and a space goes before it. "VITAMINE C" and "Vitamine C" stay.
void SplitGluedVitaminLetter(FoldedText& ft, const std::string& original) {
  static constexpr std::string_view kWord = "vitamin";
  for (size_t p = ft.text.find(kWord); p != std::string::npos; p = ft.text.find(kWord, p + 1)) {
    const size_t q = p + kWord.size();
    if (q >= ft.text.size() || ft.text[q] < 'a' || ft.text[q] > 'k') continue;
    if (q + 1 < ft.text.size() && IsAsciiAlpha(ft.text[q + 1])) continue;  // "vitamines", "vitaminen"
    const char letter = original[ft.origin[q]], before = original[ft.origin[q - 1]];
    if (letter < 'A' || letter > 'K' || before != 'n') continue;
    ft.text.insert(ft.text.begin() + static_cast<long>(q), ' ');
    ft.origin.insert(ft.origin.begin() + static_cast<long>(q), ft.origin[q]);
  }
}

// "Chrom(III)-chlorid", "Eisen(II)-fumarat": a name right after ")-" is the end of a compound's
// name that gives the metal's oxidation state, not a nutrient of its own. Read "Chrom (Chromilll)-
// chlorid) 80 pg 200 %" (the "(" of "(III)" lost, so its ")" closed the form's bracket), "chlorid"
// stood outside any bracket and took chromium's 80 µg: chloride reported where the label prints
// none, chromium missed (multivitamin-phone-0015 of tuning seed 81563).
void DropCompoundEndings(std::vector<NutrientNameMatch>& names, const std::string& f) {
  std::erase_if(names, [&](const NutrientNameMatch& m) {
    return m.formId.empty() && m.begin >= 2 && f[m.begin - 1] == '-' && f[m.begin - 2] == ')';
  });
}

}  // namespace

LineRead ReadNutrientLine(const std::string& text, const NutrientNameIndex& names, const Vocabulary& vocab,
                          double maxUnitsPerDay) {
  QuantityOptions qopt;
  qopt.iuWords = &names.IuWords();
  qopt.ocrMicrogramWords = &names.OcrMicrogramWords();
  qopt.letterDigit = true;
  qopt.strayMark = true;
  LineRead lr;
  lr.info.ft = FoldForMatching(text);
  SplitGluedVitaminLetter(lr.info.ft, text);
  SplitGluedNumbers(lr.info.ft);
  lr.info.quantities = FindQuantities(lr.info.ft.text, qopt);
  lr.info.percents = FindPercents(lr.info.ft.text);
  lr.info.phrases = FindBasisPhrases(lr.info.ft.text, vocab, maxUnitsPerDay);
  lr.names = names.Find(lr.info.ft.text);
  DropCompoundEndings(lr.names, lr.info.ft.text);
  lr.depth = ParenDepth(lr.info.ft.text);
  return lr;
}

}  // namespace suppcheck
