#pragma once
// `batch --resume`: what a JSON Lines results file of an earlier run already holds. A crash can
// leave its last line cut short; the file is cut back to its last complete line, so that input is
// simply done again and the file stays valid JSON Lines.

#include <set>
#include <string>

#include "suppcheck/util/expected.h"

namespace suppcheck {

/// The "file" of every complete result in `resultsFile` (none when it does not exist yet); the
/// file is truncated after the last line that parses. Error code: io_error (cannot repair it).
Expected<std::set<std::string>> ReadDoneAndRepair(const std::string& resultsFile);

}  // namespace suppcheck
