#pragma once
// The label vocabulary and the salt table, loaded from models/vocabulary.json and
// models/salts.json. Every word is folded (lower case, no accents) once, at load time.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "suppcheck/util/expected.h"

namespace suppcheck {

struct SaltInfo {
  std::string id;          ///< canonical id of the report contract ("citrate")
  double fractionMin = 0;  ///< elemental Mg mass fraction, lowest hydrate sold
  double fractionMax = 0;  ///< ... anhydrous / highest: used for the conservative call
  std::vector<std::string> names;  ///< folded spellings in nl/fr/de/en
};

/// How a label names one nutrient (vocabulary.json `nutrient_names`).
struct NutrientNames {
  std::vector<std::string> words;     ///< "magnesium": OCR-damaged within `maxEdits`
  std::vector<std::string> prefixes;  ///< "magnes": any word starting so is the nutrient
  std::vector<std::string> ocrStems;  ///< "agnes", "gnesi": a line holding one may name it
  std::string core;                   ///< letters a damaged spelling must keep ("gnes")
  size_t minWordLength = 6;
  int maxEdits = 2;
};

/// The words that tell which part of a label a photo shows (extract/coverage.h).
struct CoverageWords {
  std::vector<std::string> ingredientsHeadings;
  std::vector<std::string> tableHeadings;
  std::vector<std::string> referenceIntakeMarks;
  std::vector<std::string> foodTableWords;  ///< energy, protein...: rows that say nothing about minerals
  std::vector<std::string> lotWords;
  std::vector<std::string> bestBeforeWords;
  std::vector<std::string> producerWords;
  std::vector<std::string> companyForms;
  std::vector<std::string> contactWords;
  std::vector<std::string> magnesiumRowStems;  ///< "magnes": a table row about magnesium
  std::vector<std::string> telephoneMarks;     ///< "tel": a contact word that gives a telephone number
};

struct Vocabulary {
  std::vector<SaltInfo> salts;
  std::vector<std::string> excipients;
  /// salts.json `excipients.classes`: "anti-caking agent" before an additive in an ingredient list.
  std::vector<std::string> excipientClasses;
  /// salts.json `line_stems`: a line holding one may name magnesium or a salt (re-read for a salt).
  std::vector<std::string> saltLineStems;
  std::vector<std::string> notificationLabels;
  std::vector<std::string> elementalMarkers;
  std::vector<std::string> partOfMarkers;  ///< "waarvan", "soit" right after an amount: a part of it follows
  std::vector<std::string> perDayWords;
  std::vector<std::string> exceedWords;  ///< "niet overschrijden": the daily-dose warning, no header
  std::vector<std::string> perUnitWords;
  std::vector<std::string> rangeWords;
  std::vector<std::string> timesWords;
  std::vector<std::string> otherNutrients;
  std::map<std::string, NutrientNames> nutrientNames;  ///< "magnesium" -> its names
  std::vector<std::string> perUnitPrepositions;  ///< "per", "pour", "/" before a unit word
  std::vector<std::string> ownerConnectors;      ///< "de ", "of " between an amount and its owner after it
  std::vector<std::string> formPhrases;          ///< " as ", "sous forme": "magnesium (as oxide)"
  std::vector<std::string> timesNumberWords;
  std::string oneLookalikes;  ///< characters OCR reads for a lone "1": "per | tablet"     ///< "twice", "zweimal": a number of intakes a day
  std::string rangeWordLookalikes;  ///< digits OCR reads for a range word glued to a count: "1 43" for "1 à 3"
  std::map<std::string, std::vector<std::string>> unitWords;  ///< kind ("tablet") -> words
  /// vocabulary.json `unit_words_same_plural`: unit words whose plural is the singular ("beutel").
  std::vector<std::string> sameFormUnitWords;
  std::map<int, std::vector<std::string>> numberWords;        ///< 2 -> {"twee", "deux", ...}
  CoverageWords coverage;
  /// vocabulary.json `legal_line_words`: a producer's address or a lot line, near which a
  /// dropped notification number line is looked for (ocr/legal_line_search).
  std::vector<std::string> legalAddressWords;
  std::vector<std::string> legalLotWords;
  /// vocabulary.json `number_line_decoys`: words of lot, date and telephone lines, whose
  /// "digits/digits" groups are no notification number (MayHoldNumber).
  std::vector<std::string> numberLineDecoys;
  /// vocabulary.json `notification_word_stems`: the start of the word labelling the number
  /// ("notif"), for a number line whose number OCR garbled (NotificationWordLine).
  std::vector<std::string> notificationWordStems;
  /// vocabulary.json `ocr_languages`: Tesseract codes of the labels' languages, for the re-reads
  /// of the lines that matter ("nld+fra+deu+eng") and for the whole-label first pass ("eng").
  std::string reReadLanguages, firstPassLanguages;

  static Expected<Vocabulary> Load(const std::filesystem::path& modelsDir);
  const SaltInfo* Salt(const std::string& id) const;
};

}  // namespace suppcheck
