#pragma once
// An output path checked before any work (issue 13, D9): a folder, a folder that does not exist
// or one we may not write to used to be found only when the results were written, after every
// photo had been read.

#include <string>

#include "suppcheck/util/expected.h"

namespace suppcheck {

/// How the file will be written: replaced by a rename of a temporary file made beside it (csv,
/// json, html), or written in place (jsonl, appended to by --resume).
enum class OutWrite { kReplace, kInPlace };

/// Checks that `path` (empty or "-": stdout, always fine) names a file that can be written, and
/// says why not otherwise, naming `option` and the path. Error code: bad_output.
Expected<bool> CheckOutputPath(const std::string& path, OutWrite how, const std::string& option = "--out");

}  // namespace suppcheck
