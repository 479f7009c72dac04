#pragma once
// Where a label names any vitamin or mineral, or one of its forms: "Vitamin B6", "vitamine D3",
// "Zink", "lodine" (OCR for Iodine), "zinkgluconaat", "dl-alpha tocopheryl acetate". The names
// and forms come from models/nutrients.json (nl, fr, de, en), the OCR tolerance and the vitamin
// words from models/nutrient_words.json. Works on folded text (extract/folded_text.h).
//
// Matching is by tokens (runs of letters and digits): a name matches when the tokens of the line,
// glued together, spell it ("beta-carotene", "beta carotene" and "betacarotene" alike). Longer
// names win over shorter ones ("potassium iodide" is a form of iodine, not potassium); exact
// names win over OCR-damaged ones; a first letter OCR confuses ("lron", "lode": I read as l) is
// swapped only when that spells a name exactly; a table rule read as a letter before a name
// ("jJod", "llode") or a capital I read as a rule ("\jzer") is taken only when the rest spells a
// name exactly; a vitamin's code is never guessed ("Vitamins" is no vitamin
// A and "vitamine" no vitamin E).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

class NameSpotter;  // extract/nutrient_names.cpp: the matching of Find

struct NutrientNameMatch {
  std::string nutrientId;  ///< "vitamin_b6"
  std::string formId;      ///< a form of models/nutrients.json, empty for the nutrient's own name
  size_t begin = 0, end = 0;  ///< byte range in the folded line
  bool damaged = false;    ///< matched within the OCR tolerance, not exactly
};

class NutrientNameIndex {
 public:
  /// From the names and forms of `limits` and models/nutrient_words.json in `modelsDir`.
  static Expected<NutrientNameIndex> Load(const std::filesystem::path& modelsDir, const NutrientLimits& limits);
  /// The same with the words given as JSON text (tests).
  static Expected<NutrientNameIndex> Build(const std::string& wordsJson, const NutrientLimits& limits);

  /// Every name and form in a folded line, left to right, not overlapping.
  std::vector<NutrientNameMatch> Find(const std::string& folded) const;

  /// The words for international units ("iu", "ie", "ui") and dietary folate equivalents ("dfe").
  const std::vector<std::string>& IuWords() const { return iuWords_; }
  const std::vector<std::string>& DfeWords() const { return dfeWords_; }
  /// What OCR makes of "µg" and "mcg" on photos ("meg", "yg", "hq"): µg for nutrients counted in µg.
  const std::vector<std::string>& OcrMicrogramWords() const { return ocrMicrogramWords_; }
  /// Words saying a label's % is of the EU reference intakes ("% ri", "% ar", "referenzmenge"),
  /// and of the US daily values ("% dv", "daily value").
  const std::vector<std::string>& ReferenceIntakeWords() const { return referenceIntakeWords_; }
  const std::vector<std::string>& DailyValueWords() const { return dailyValueWords_; }

 private:
  friend class NameSpotter;
  struct Entry {
    std::string key;        ///< the name folded, letters and digits only ("vitaminb6")
    std::string stem, code; ///< a vitamin's name split: "vitamin" + "b6" (empty otherwise)
    std::string nutrientId, formId;
    /// The name ends in a code of its own word ("vit. A": "vit" + "a"), glued in `key`.
    bool endsInCode = false;
  };
  std::vector<Entry> entries_;  ///< longest key first
  std::vector<std::string> vitaminWords_;
  std::map<std::string, std::string> codeAliases_;
  std::map<std::string, std::string> codeToNutrient_;  ///< "b6" -> "vitamin_b6"
  std::map<char, char> initialLookalikes_;             ///< 'l' -> 'i': "lron" is "iron"
  std::string strayInitials_;       ///< letters a rule or an I becomes before a name: "jJod"
  std::string lostInitialGlyphs_;   ///< glyphs a capital I becomes: "\jzer" is "ijzer"
  size_t strayInitialMinLetters_ = 3;
  /// models/nutrient_words.json name_before_bracketed_form: a damaged name before "(form)".
  size_t bracketedMinLetters_ = 5, bracketedEdits_ = 2, bracketedPerLetters_ = 5, bracketedStrayLetters_ = 2;
  size_t oneEdit_ = 6, twoEdits_ = 11;
  std::vector<std::string> iuWords_, dfeWords_, ocrMicrogramWords_, referenceIntakeWords_, dailyValueWords_;
};

}  // namespace suppcheck
