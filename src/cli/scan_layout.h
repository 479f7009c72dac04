#pragma once
// Scan results as CSV rows and text, shared by `scan` and `batch`; and the options that set up
// a scanner (models, Tesseract data, languages).

#include <CLI/CLI.hpp>

#include <string>

#include "cli/common_options.h"
#include "suppcheck/report/result_writer.h"
#include "suppcheck/scanner.h"

namespace suppcheck::cli {

ResultLayout ScanLayout();

struct ScannerSetup {
  std::string models;
  std::string tessdata;
  std::string languages = "nld+fra+deu+eng";
  std::string firstPass = "eng";
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
