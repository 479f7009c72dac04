#pragma once
// An offline registry snapshot in an SQLite file: the first table with a `number` column
// (a table named "notifications" is preferred). Opened read-only; never modified.

#include <filesystem>
#include <memory>
#include <string>

#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

class SqliteSnapshot final : public Registry {
 public:
  static Expected<std::unique_ptr<SqliteSnapshot>> Open(const std::filesystem::path& path);
  ~SqliteSnapshot() override;

  RegistryAnswer Lookup(const std::string& canonicalNumber) override;
  std::string Describe() const override;

 private:
  struct Impl;
  explicit SqliteSnapshot(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace suppcheck
