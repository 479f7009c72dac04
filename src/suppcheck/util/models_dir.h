#pragma once
// Where the data files (models/) are: --models DIR, else $SUPPCHECK_MODELS, else the install
// prefix relative to the binary (bin/../share/suppcheck/models), else the source tree the
// binary was built from, else the configured install prefix (spec/cli.md "Build output").

#include <filesystem>
#include <string>

#include "suppcheck/util/expected.h"

namespace suppcheck {

Expected<std::filesystem::path> ResolveModelsDir(const std::string& override);

}  // namespace suppcheck
