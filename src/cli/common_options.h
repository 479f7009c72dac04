#pragma once
// Options shared by every command that makes results (spec/cli.md "Common options").

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "suppcheck/assess/age_profile.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/report/output_format.h"
#include "suppcheck/scan_result.h"
#include "suppcheck/util/expected.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck::cli {

struct CommonOptions {
  std::string format;  ///< empty = from --out's extension, else text on a terminal, jsonl otherwise
  std::string out;     ///< empty = stdout
  std::string registry;
  /// After parsing: the profile id the assessment uses (a --profile name, or "age-4-6" style
  /// for --age); `who` is the same person with the exact age.
  std::string profile = "adult";
  std::string age;  ///< --age as typed; checked after parsing
  AgeProfile who;
  bool quiet = false;
  bool verbose = false;
  double registryTimeout = 8.0;  ///< seconds for all attempts of one lookup
  int registryRetries = 2;
  std::string registryCache;    ///< folder, "off", or empty for the default folder
  double registryCacheTtl = 24 * 3600.0;
  double registryRate = 10;  ///< HTTP requests per second, all workers together

  Format ResolvedFormat() const;
};

/// Adds --format, --out, --registry (+ its tuning, unless `withRegistry` is false: a command
/// that looks nothing up), --profile, --age, --quiet, --verbose.
/// --profile and --age are combined into `profile`/`who` once the command line is parsed; a bad
/// --age or a contradiction stops with a usage error naming the value.
void AddCommonOptions(CLI::App& cmd, CommonOptions& o, bool withRegistry = true);

/// The person whose limits apply, from --profile and --age (the --profile name counts as given
/// only when `profileGiven`). An error names the value at fault.
Expected<AgeProfile> ResolveProfile(const std::string& profile, bool profileGiven, const std::string& age);

/// Opens the registry named by --registry or $SUPPCHECK_REGISTRY; null when neither is set.
Expected<std::unique_ptr<Registry>> OpenRegistryFromOptions(const CommonOptions& o);

/// With --verbose: one line on stderr about how an input was read (time, turn, scale, ...).
void PrintScanDetail(const std::string& file, const OcrInfo& ocr);

/// With --verbose: where the time of one scan went, pass by pass (the scanner's PassTimer).
void PrintPassTimes(const std::string& file, const std::vector<PassTime>& passes);

/// "suppcheck: error: " + message on stderr.
void PrintError(const std::string& message);
void PrintWarning(const std::string& message);

}  // namespace suppcheck::cli
