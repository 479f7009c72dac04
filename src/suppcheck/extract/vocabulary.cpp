#include "suppcheck/extract/vocabulary.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

Expected<nlohmann::json> ReadJson(const std::filesystem::path& p) {
  std::ifstream in(p);
  if (!in) return MakeError("missing_models", "cannot read " + p.string());
  auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return MakeError("missing_models", p.string() + " is not valid JSON");
  return j;
}

std::vector<std::string> Words(const nlohmann::json& a) {
  std::vector<std::string> out;
  if (!a.is_array()) return out;
  for (const auto& w : a)
    if (w.is_string()) out.push_back(FoldForMatching(w.get<std::string>()).text);
  return out;
}

}  // namespace

Expected<Vocabulary> Vocabulary::Load(const std::filesystem::path& dir) {
  auto salts = ReadJson(dir / "salts.json");
  if (!salts) return salts.error();
  auto vocab = ReadJson(dir / "vocabulary.json");
  if (!vocab) return vocab.error();
  Vocabulary v;
  try {
    for (const auto& s : (*salts)["salts"]) {
      SaltInfo info;
      info.id = s.at("id").get<std::string>();
      info.fractionMin = s.at("fraction_min").get<double>();
      info.fractionMax = s.at("fraction_max").get<double>();
      info.names = Words(s.at("names"));
      v.salts.push_back(std::move(info));
    }
    v.excipients = Words((*salts)["excipients"]["names"]);
    v.excipientClasses = Words((*salts).at("excipients").at("classes"));
    v.saltLineStems = Words((*salts).at("line_stems").at("stems"));
    const auto& j = *vocab;
    v.notificationLabels = Words(j.at("notification_labels"));
    v.elementalMarkers = Words(j.at("elemental_markers"));
    v.partOfMarkers = Words(j.at("part_of_markers"));
    v.perDayWords = Words(j.at("per_day_words"));
    v.exceedWords = Words(j.at("exceed_words"));
    v.perUnitWords = Words(j.at("per_unit_words"));
    v.rangeWords = Words(j.at("range_words"));
    v.timesWords = Words(j.at("times_words"));
    v.otherNutrients = Words(j.at("other_nutrients"));
    v.perUnitPrepositions = Words(j.at("per_unit_prepositions"));
    v.ownerConnectors = Words(j.at("owner_connectors"));
    v.formPhrases = Words(j.at("form_phrases"));
    v.timesNumberWords = Words(j.at("times_number_words"));
    v.oneLookalikes = AsciiLower(j.at("ocr_one_lookalikes").get<std::string>());
    v.rangeWordLookalikes = j.at("ocr_range_word_lookalikes").get<std::string>();
    for (const auto& [id, n] : j.at("nutrient_names").items()) {
      if (!n.is_object()) continue;  // "about"
      NutrientNames names;
      names.words = Words(n.at("words"));
      names.prefixes = Words(n.at("prefixes"));
      names.ocrStems = Words(n.at("ocr_stems"));
      names.core = FoldForMatching(n.at("core").get<std::string>()).text;
      names.minWordLength = n.at("min_word_length").get<size_t>();
      names.maxEdits = n.at("max_edits").get<int>();
      v.nutrientNames[id] = std::move(names);
    }
    for (const auto& [kind, words] : j.at("unit_words").items()) v.unitWords[kind] = Words(words);
    v.sameFormUnitWords = Words(j.at("unit_words_same_plural"));
    for (const auto& [n, words] : j.at("number_words").items()) v.numberWords[std::stoi(n)] = Words(words);
    const auto& c = j.at("coverage");
    v.coverage.ingredientsHeadings = Words(c.at("ingredients_headings"));
    v.coverage.tableHeadings = Words(c.at("table_headings"));
    v.coverage.referenceIntakeMarks = Words(c.at("reference_intake_marks"));
    v.coverage.foodTableWords = Words(c.at("food_table_words"));
    v.coverage.lotWords = Words(c.at("lot_words"));
    v.coverage.bestBeforeWords = Words(c.at("best_before_words"));
    v.coverage.producerWords = Words(c.at("producer_words"));
    v.coverage.companyForms = Words(c.at("company_forms"));
    v.coverage.contactWords = Words(c.at("contact_words"));
    v.coverage.magnesiumRowStems = Words(c.at("magnesium_row_stems"));
    v.coverage.telephoneMarks = Words(c.at("telephone_marks"));
    const auto& legal = j.at("legal_line_words");
    v.legalAddressWords = Words(legal.at("address_words"));
    v.legalLotWords = Words(legal.at("lot_words"));
    v.numberLineDecoys = Words(j.at("number_line_decoys").at("words"));
    v.notificationWordStems = Words(j.at("notification_word_stems").at("words"));
    v.reReadLanguages = j.at("ocr_languages").at("re_reads").get<std::string>();
    v.firstPassLanguages = j.at("ocr_languages").at("first_pass").get<std::string>();
  } catch (const std::exception& e) {
    return MakeError("missing_models", "models in " + dir.string() + " are malformed: " + e.what());
  }
  if (!v.nutrientNames.count("magnesium"))
    return MakeError("missing_models", (dir / "vocabulary.json").string() + " has no nutrient_names.magnesium");
  if (v.salts.empty()) return MakeError("missing_models", (dir / "salts.json").string() + " lists no salts");
  return v;
}

const SaltInfo* Vocabulary::Salt(const std::string& id) const {
  for (const auto& s : salts)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace suppcheck
