#include "cli/scanner_setup.h"

#include "suppcheck/util/models_dir.h"

namespace suppcheck::cli {

namespace {

// The languages the scanner uses without --languages / --first-pass-languages: the models'
// (vocabulary.json `ocr_languages`), as found without --models, for --help; read once.
const std::pair<std::string, std::string>& DefaultLanguages() {
  static const std::pair<std::string, std::string> languages = [] {
    std::pair<std::string, std::string> l{"the models' ocr_languages", "the models' ocr_languages"};
    if (auto dir = ResolveModelsDir(""))
      if (auto vocab = Vocabulary::Load(*dir)) l = {vocab->reReadLanguages, vocab->firstPassLanguages};
    return l;
  }();
  return languages;
}

}  // namespace

ScannerOptions ScannerSetup::ToScannerOptions(const std::string& profile) const {
  ScannerOptions o;
  o.tessdataDir = tessdata;
  o.languages = languages;
  o.firstPassLanguages = firstPass;
  o.profile = profile;
  return o;
}

void AddScannerSetup(CLI::App& cmd, ScannerSetup& s) {
  cmd.add_option("--models", s.models, "folder with rules.json, salts.json, vocabulary.json, nutrients.json, nutrient_words.json [default: found next to the program]");
  cmd.add_option("--tessdata", s.tessdata, "Tesseract language data folder [default: Tesseract's own]");
  const auto& [reReads, firstPass] = DefaultLanguages();
  cmd.add_option("--languages", s.languages, "Tesseract languages for re-reading the lines that matter [default: " + reReads + "]");
  cmd.add_option("--first-pass-languages", s.firstPass,
                 "Tesseract languages for the first pass over the whole label [default: " + firstPass + ", the fastest]");
}

Expected<Setup> SetUp(const ScannerSetup& s, const CommonOptions& common) {
  auto dir = ResolveModelsDir(s.models);
  if (!dir) return dir.error();
  auto models = Models::Load(*dir);
  if (!models) return models.error();
  auto registry = OpenRegistryFromOptions(common);
  if (!registry) return registry.error();
  return Setup{std::move(*models), std::move(*registry)};
}

}  // namespace suppcheck::cli
