#pragma once
// Where a label names nutrients: the nutrient we read (its word, "magnesium", also inside
// compounds such as "magnesiumgehalt" and OCR-damaged as "rnagnesium"), its compounds (salts:
// "magnesiumcitraat", "oxyde de magnésium"), excipients that carry its name but are not it
// ("magnesium stearate"), and every other nutrient ("calcium", "vitamine") that owns the amounts
// printed after it. Works for any nutrient described by a NutrientLexicon.

#include <string>
#include <string_view>
#include <vector>

#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

enum class MentionKind {
  Target,     ///< the nutrient itself ("magnesium")
  Compound,   ///< one of its compounds (a salt); Mention::compound holds its id
  Excipient,  ///< a compound that is not the nutrient ("magnesium stearate")
  Other,      ///< another nutrient
};

struct Mention {
  MentionKind kind = MentionKind::Other;
  std::string compound;  ///< compound id for Compound
  size_t begin = 0, end = 0;  ///< byte range in the folded line
};

/// What names one nutrient on a label, all from models/ (vocabulary.json, salts.json).
struct NutrientLexicon {
  const NutrientNames* names = nullptr;
  const std::vector<SaltInfo>* compounds = nullptr;
  const std::vector<std::string>* excipients = nullptr;
  const std::vector<std::string>* excipientClasses = nullptr;  ///< "anti-caking agent"
  const std::vector<std::string>* otherNutrients = nullptr;
};

/// The lexicon of `nutrient` ("magnesium"), which must be a key of vocabulary.json's
/// `nutrient_names` (std::out_of_range otherwise); its compounds are the salts of salts.json
/// (magnesium only, for now).
NutrientLexicon LexiconFor(const Vocabulary& vocab, const std::string& nutrient);

/// A folded line holds something like the nutrient's name (an OCR stem): worth a closer look.
bool MentionsLoosely(std::string_view folded, const NutrientNames& names);

/// Every mention in a folded line, left to right; overlapping names keep the longest.
std::vector<Mention> FindMentions(const std::string& folded, const NutrientLexicon& lexicon);

}  // namespace suppcheck
