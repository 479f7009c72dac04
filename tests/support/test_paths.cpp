// The one file compiled with the checkout's paths (see test_paths.h).
#include "support/test_paths.h"

namespace suppcheck::test {

std::string SourceDir() { return SUPPCHECK_SOURCE_DIR; }
std::string SourceModelsDir() { return SUPPCHECK_SOURCE_DIR "/models"; }
std::string SuppcheckBinary() { return SUPPCHECK_BINARY; }
std::string CrashDecoderPreload() { return CRASH_DECODER_PRELOAD; }

}  // namespace suppcheck::test
