// The label words live in models/ only: changing one in a copy of models/ changes what is read.

#include "support/test_paths.h"
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "support/models.h"
#include "support/temp_dir.h"
#include "suppcheck/assess/rules.h"
#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/ocr/legal_line_search.h"

using namespace suppcheck;
using nlohmann::json;

namespace {

// models/ copied into a temporary folder with `file` (vocabulary.json unless named) changed by
// `edit`.
void CopyEditedModels(const test::TempDir& dir, const std::function<void(json&)>& edit, const char* file) {
  for (const char* name : {"rules.json", "salts.json", "vocabulary.json"})
    std::filesystem::copy_file(std::filesystem::path(suppcheck::test::SourceModelsDir()) / name, dir / name);
  json words;
  std::ifstream(dir / file) >> words;
  edit(words);
  std::ofstream(dir / file) << words.dump(1);
}

// ... and its vocabulary loaded.
Vocabulary EditedVocabulary(const test::TempDir& dir, const std::function<void(json&)>& edit,
                            const char* file = "vocabulary.json") {
  CopyEditedModels(dir, edit, file);
  auto v = Vocabulary::Load(dir.path());
  if (!v) throw std::runtime_error(v.error().message);
  return *v;
}

// ... and its rules (models/rules.json) loaded.
Rules EditedRules(const test::TempDir& dir, const std::function<void(json&)>& edit) {
  CopyEditedModels(dir, edit, "rules.json");
  auto r = Rules::Load(dir.path());
  if (!r) throw std::runtime_error(r.error().message);
  return *r;
}

std::optional<double> MgPerDay(const std::string& text, const Vocabulary& vocab,
                               const ExtractionLimits& limits = test::TestModels().rules.Limits()) {
  return ExtractMagnesium(LinesFromText(text), vocab, limits).mgPerDay;
}

void Remove(json& list, const std::string& word) {
  json kept = json::array();
  for (const auto& w : list)
    if (w != word) kept.push_back(w);
  list = kept;
}

}  // namespace

TEST_CASE("label words come from models/vocabulary.json", "[extract][models]") {
  struct Case {
    const char* name;
    const char* text;
    std::function<void(json&)> edit;
    std::optional<double> before, after;
  };
  const Case cases[] = {
      {"the nutrient's own name (nutrient_names)", "Per tablet: calcium 400 mg\nNeem 1 tablet per dag.",
       [](json& v) {
         v["nutrient_names"]["magnesium"] = {{"words", {"calcium"}}, {"prefixes", {"calc"}}, {"ocr_stems", {"alci"}},
                                             {"core", "alc"}, {"min_word_length", 6}, {"max_edits", 2}};
         Remove(v["other_nutrients"], "calcium");
       },
       std::nullopt, 400},
      {"a connector to the owner named after the amount (owner_connectors)",
       "Calcium 800 mg, 240 mg de magnésium\n1 comprimé par jour.", [](json& v) { Remove(v["owner_connectors"], "de "); },
       240, std::nullopt},
      {"a compound named as the form of the nutrient (form_phrases)",
       "Magnesium (as magnesium oxide) 100 mg\nTake one tablet daily.",
       [](json& v) {
         Remove(v["form_phrases"], "(");
         Remove(v["form_phrases"], " as ");
       },
       100, 60.3},
      // Without it, "twice" right before "daily" is a count of intakes not read as one: the units
      // a day are unknown, never the one scoop alone (extract/directions.cpp).
      {"a number word that counts intakes (times_number_words)",
       "Per scoop: magnesium 100 mg\nTake one scoop twice daily.", [](json& v) { Remove(v["times_number_words"], "twice"); },
       200, std::nullopt},
      {"a per-unit preposition before a count of units (per_unit_prepositions)",
       "Pour 2 gélules : magnésium 300 mg\nPrendre 4 gélules par jour.",
       [](json& v) { Remove(v["per_unit_prepositions"], "pour"); }, 600, 1200},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    test::TempDir dir;
    const auto near = [](std::optional<double> got, std::optional<double> want) {
      return want ? got && std::abs(*got - *want) < 0.01 * *want : !got;
    };
    CHECK(near(MgPerDay(c.text, test::TestModels().vocabulary), c.before));
    CHECK(near(MgPerDay(c.text, EditedVocabulary(dir, c.edit)), c.after));
  }
}

TEST_CASE("the lines re-read for a salt come from models/salts.json", "[extract][models]") {
  // A curved ingredients line cut inside the salt's name: the stem is all that is left of it.
  const std::string line = "Bulking agent: cellulose, magnesium | Citra";
  const std::string cut = "cellulose, Citraa";
  CHECK(MayNameMagnesiumSalt(line, test::TestModels().vocabulary));
  CHECK(MayNameMagnesiumSalt(cut, test::TestModels().vocabulary));
  CHECK_FALSE(MayNameMagnesiumSalt("Take one tablet daily.", test::TestModels().vocabulary));
  test::TempDir dir;
  const Vocabulary edited = EditedVocabulary(dir, [](json& salts) { Remove(salts["line_stems"]["stems"], "citra"); },
                                             "salts.json");
  CHECK(MayNameMagnesiumSalt(line, edited));  // "magnes" still names magnesium
  CHECK_FALSE(MayNameMagnesiumSalt(cut, edited));
}

TEST_CASE("the words of a legal-text line come from models/vocabulary.json", "[ocr][models]") {
  // Near such a line a dropped notification number is looked for.
  const std::string finnish = "Vitamex Oy, Helsinki";
  CHECK_FALSE(IsLegalTextLine(finnish, test::TestModels().vocabulary));
  CHECK(IsLegalTextLine("Natura SA, rue de la Loi 12", test::TestModels().vocabulary));
  test::TempDir dir;
  const Vocabulary edited = EditedVocabulary(dir, [](json& v) {
    v["legal_line_words"]["address_words"].push_back("oy");
    Remove(v["legal_line_words"]["address_words"], "sa");
    Remove(v["legal_line_words"]["address_words"], "rue");
  });
  CHECK(IsLegalTextLine(finnish, edited));
  CHECK_FALSE(IsLegalTextLine("Natura SA, rue de la Loi 12", edited));
}

TEST_CASE("the words of lines that hold no notification number come from models/vocabulary.json", "[extract][models]") {
  // With no clean number, the short lines with a "digits/digits" group are read again, but not
  // the lot, date or telephone lines.
  const std::string lot = "Lot 84/2749";
  const std::string datum = "Datum 12/2027";
  CHECK_FALSE(MayHoldNumber(lot, test::TestModels().vocabulary));
  CHECK_FALSE(MayHoldNumber(datum, test::TestModels().vocabulary));
  CHECK(MayHoldNumber("84/2749", test::TestModels().vocabulary));
  test::TempDir dir;
  const Vocabulary edited = EditedVocabulary(dir, [](json& v) { Remove(v["number_line_decoys"]["words"], "lot"); });
  CHECK(MayHoldNumber(lot, edited));
  CHECK_FALSE(MayHoldNumber(datum, edited));
}

TEST_CASE("thresholds come from models/rules.json", "[assess][models]") {
  SECTION("the Belgian maximum a day") {
    MagnesiumFacts mg;
    mg.present = true;
    mg.mgPerUnit = mg.mgPerDay = 400;
    const auto flagged = [&mg](const Rules& rules) {
      const Assessment a = Assess({}, {}, mg, {}, rules, "adult");
      return std::find(a.flags.begin(), a.flags.end(), "above_belgian_max") != a.flags.end();
    };
    CHECK_FALSE(flagged(test::TestModels().rules));
    test::TempDir dir;
    CHECK(flagged(EditedRules(dir, [](json& r) { r["belgian_max_mg"]["value"] = 350; })));
  }
  SECTION("the most magnesium one unit can hold before it is taken as a misreading") {
    const std::string text = "Per tablet: magnesium 300 mg\nTake one tablet daily.";
    CHECK(MgPerDay(text, test::TestModels().vocabulary) == 300);
    test::TempDir dir;
    const Rules edited = EditedRules(dir, [](json& r) { r["sanity"]["max_mg_per_unit"] = 250; });
    CHECK_FALSE(MgPerDay(text, test::TestModels().vocabulary, edited.Limits()));
  }
}
