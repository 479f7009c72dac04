#include "cli/scanner_setup.h"

#include "suppcheck/util/models_dir.h"

namespace suppcheck::cli {

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
  cmd.add_option("--languages", s.languages, "Tesseract languages for re-reading the lines that matter [default: nld+fra+deu+eng]");
  cmd.add_option("--first-pass-languages", s.firstPass,
                 "Tesseract languages for the first pass over the whole label [default: eng, the fastest]");
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
