#pragma once
// The options that set up a scanner (models, Tesseract data, languages), shared by `scan`,
// `batch` and `serve`, and what they load before anything is read.

#include <CLI/CLI.hpp>

#include <string>

#include "cli/common_options.h"
#include "suppcheck/scanner.h"

namespace suppcheck::cli {

struct ScannerSetup {
  std::string models;
  std::string tessdata;
  std::string languages;  ///< empty: the models' (vocabulary.json `ocr_languages`)
  std::string firstPass;
  ScannerOptions ToScannerOptions(const std::string& profile) const;
};

/// --models, --tessdata, --languages.
void AddScannerSetup(CLI::App& cmd, ScannerSetup& s);

/// What every command that scans needs before it reads anything: the models (from --models or
/// found next to the program) and the registry (--registry / $SUPPCHECK_REGISTRY, may be null).
struct Setup {
  std::shared_ptr<const Models> models;
  std::unique_ptr<Registry> registry;
};
Expected<Setup> SetUp(const ScannerSetup& s, const CommonOptions& common);

}  // namespace suppcheck::cli
