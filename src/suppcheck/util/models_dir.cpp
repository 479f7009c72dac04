#include "suppcheck/util/models_dir.h"

#include <cstdlib>

namespace suppcheck {

namespace fs = std::filesystem;

namespace {

bool LooksLikeModels(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "rules.json", ec) && fs::is_regular_file(dir / "salts.json", ec);
}

}  // namespace

Expected<fs::path> ResolveModelsDir(const std::string& override) {
  if (!override.empty()) {
    if (LooksLikeModels(override)) return fs::path(override);
    return MakeError("missing_models", "--models " + override + ": no rules.json and salts.json there");
  }
  if (const char* env = std::getenv("SUPPCHECK_MODELS"); env && *env) {
    if (LooksLikeModels(env)) return fs::path(env);
    return MakeError("missing_models", "$SUPPCHECK_MODELS=" + std::string(env) + ": no rules.json and salts.json there");
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "suppcheck" / "models";
    if (LooksLikeModels(installed)) return installed;
  }
  if (LooksLikeModels(SUPPCHECK_SOURCE_MODELS_DIR)) return fs::path(SUPPCHECK_SOURCE_MODELS_DIR);
  if (LooksLikeModels(SUPPCHECK_INSTALL_MODELS_DIR)) return fs::path(SUPPCHECK_INSTALL_MODELS_DIR);
  return MakeError("missing_models", std::string("cannot find the models folder (looked in ") +
                                         SUPPCHECK_SOURCE_MODELS_DIR + " and " + SUPPCHECK_INSTALL_MODELS_DIR +
                                         "); pass --models DIR");
}

}  // namespace suppcheck
