#pragma once
// An offline registry snapshot in a CSV file with a `number` column.
//
// Built for large snapshots: the file is read once into memory and indexed by a sorted array
// of (hash of canonical number, record offset), 16 bytes a row. A lookup binary-searches the
// hash and re-reads only the matching record(s), so a million rows load in well under a
// second and take little more memory than the file itself.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

class CsvSnapshot final : public Registry {
 public:
  /// Fails (code "bad_registry") when the file cannot be read, is not CSV or has no
  /// `number` column.
  static Expected<std::unique_ptr<CsvSnapshot>> Open(const std::filesystem::path& path);

  /// The same from CSV text already in memory; `name` stands for the file in messages.
  static Expected<std::unique_ptr<CsvSnapshot>> FromText(std::string data, const std::string& name);

  RegistryAnswer Lookup(const std::string& canonicalNumber) override;
  std::string Describe() const override;

  size_t size() const { return index_.size(); }
  /// Rows whose number is not a valid notification number (they cannot match anything).
  size_t skippedRows() const { return skipped_; }
  /// The first skipped row, for a warning: "line 17: 'NUT 12345/1'".
  const std::string& firstSkipped() const { return firstSkipped_; }

 private:
  CsvSnapshot() = default;
  std::string path_;
  std::string data_;
  char delimiter_ = ',';
  size_t numberColumn_ = 0;
  std::vector<std::string> header_;
  std::vector<std::pair<uint64_t, uint64_t>> index_;  // (hash, record offset), sorted
  size_t skipped_ = 0;
  std::string firstSkipped_;
};

}  // namespace suppcheck
