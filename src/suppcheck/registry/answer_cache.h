#pragma once
// An on-disk cache of registry answers, so that repeated checks (a batch of a thousand photos
// of a hundred products) do not ask the server again. One small JSON file per number under a
// folder per registry URL template; entries expire after a time to live. Only definite
// answers (listed / not listed) are cached, never errors. Writes are atomic (temp + rename),
// so concurrent processes sharing the folder never see half a file.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "suppcheck/registry/registry.h"

namespace suppcheck {

class AnswerCache {
 public:
  /// `dir` empty disables the cache.
  AnswerCache(std::filesystem::path dir, std::string registryKey, std::chrono::seconds ttl);

  std::optional<RegistryAnswer> Get(const std::string& canonicalNumber) const;
  void Put(const std::string& canonicalNumber, const RegistryAnswer& answer) const;
  bool enabled() const { return !dir_.empty(); }

  /// $SUPPCHECK_CACHE_DIR, else $XDG_CACHE_HOME/suppcheck, else ~/.cache/suppcheck, else empty.
  static std::filesystem::path DefaultDir();

 private:
  std::filesystem::path FileFor(const std::string& canonicalNumber) const;
  std::filesystem::path dir_;
  std::chrono::seconds ttl_;
};

}  // namespace suppcheck
