#pragma once
// Writing a whole file so that readers (and a crash) never see half of it: write a temporary
// file beside the target, then rename it over the target.

#include <filesystem>
#include <string_view>

#include "suppcheck/util/expected.h"

namespace suppcheck {

/// `what` names the file in messages ("the report"). Error code io_error; the temporary file is
/// removed on failure. Safe to call from several threads and processes at once.
Expected<bool> WriteFileAtomically(const std::filesystem::path& path, std::string_view content,
                                   std::string_view what = "the file");

}  // namespace suppcheck
