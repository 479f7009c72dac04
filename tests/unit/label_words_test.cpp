// The label words live in models/ only: changing one in a copy of models/ changes what is read.

#include "support/test_paths.h"
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "support/models.h"
#include "support/temp_dir.h"
#include "suppcheck/extract/magnesium_extractor.h"

using namespace suppcheck;
using nlohmann::json;

namespace {

// models/ copied into a temporary folder with `file` (vocabulary.json unless named) changed by
// `edit`, then loaded.
Vocabulary EditedVocabulary(const test::TempDir& dir, const std::function<void(json&)>& edit,
                            const char* file = "vocabulary.json") {
  for (const char* name : {"rules.json", "salts.json", "vocabulary.json"})
    std::filesystem::copy_file(std::filesystem::path(suppcheck::test::SourceModelsDir()) / name, dir / name);
  json words;
  std::ifstream(dir / file) >> words;
  edit(words);
  std::ofstream(dir / file) << words.dump(1);
  auto v = Vocabulary::Load(dir.path());
  if (!v) throw std::runtime_error(v.error().message);
  return *v;
}

std::optional<double> MgPerDay(const std::string& text, const Vocabulary& vocab) {
  return ExtractMagnesium(LinesFromText(text), vocab, test::TestModels().rules.Limits()).mgPerDay;
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
      {"a number word that counts intakes (times_number_words)",
       "Per scoop: magnesium 100 mg\nTake one scoop twice daily.", [](json& v) { Remove(v["times_number_words"], "twice"); },
       200, 100},
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
