#pragma once
// Where the tests find the source tree, the models and the binaries under test. The paths are
// compiled into one small file (test_paths.cpp) rather than into every test through macros, so
// that another checkout (a git worktree) shares the compiler cache for everything else.

#include <string>

namespace suppcheck::test {

std::string SourceDir();            ///< the checkout: samples/, ../shared beside it
std::string SourceModelsDir();      ///< the checkout's models/
std::string SuppcheckBinary();      ///< the suppcheck binary built with the tests
std::string CrashDecoderPreload();  ///< the LD_PRELOAD module of the batch crash tests

}  // namespace suppcheck::test
