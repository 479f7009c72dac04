#pragma once
// The suppcheck binary under test, run as the command-line tests run it: without the user's
// registry (tests choose theirs explicitly), on the samples of the source tree.

#include "support/test_paths.h"
#include <map>
#include <string>
#include <vector>

#include "support/run_process.h"

namespace suppcheck::test {

inline ProcessResult Suppcheck(const std::vector<std::string>& args, const std::string& input = "",
                               std::map<std::string, std::string> env = {}) {
  env.emplace("SUPPCHECK_REGISTRY", "");  // unset, unless the test sets it
  return RunProcess(suppcheck::test::SuppcheckBinary(), args, input, env);
}

/// A photo in samples/.
inline std::string Sample(const std::string& name) { return std::string(suppcheck::test::SourceDir()) + "/samples/" + name; }

}  // namespace suppcheck::test
