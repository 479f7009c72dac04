#include "suppcheck/registry/csv_snapshot.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "suppcheck/notification/notification_number.h"
#include "suppcheck/registry/csv_reader.h"
#include "suppcheck/util/hash.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

Error BadRegistry(const std::string& path, const std::string& why) {
  return MakeError("bad_registry", "registry snapshot '" + path + "': " + why);
}

}  // namespace

Expected<std::unique_ptr<CsvSnapshot>> CsvSnapshot::Open(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return BadRegistry(name, "is a directory, not a CSV file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return BadRegistry(name, std::strerror(errno));

  std::string data;
  {
    // Read straight into one buffer of the file's size: a stream copy would hold the file twice.
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::streamoff>(in.tellg());
    in.seekg(0, std::ios::beg);
    if (size < 0) return BadRegistry(name, "cannot tell the file's size");
    data.resize(static_cast<size_t>(size));
    if (size > 0 && !in.read(data.data(), size)) return BadRegistry(name, "read error");
  }
  return FromText(std::move(data), name);
}

Expected<std::unique_ptr<CsvSnapshot>> CsvSnapshot::FromText(std::string data, const std::string& name) {
  std::unique_ptr<CsvSnapshot> snap(new CsvSnapshot());
  snap->path_ = name;
  snap->data_ = std::move(data);
  if (snap->data_.find('\0') != std::string::npos)
    return BadRegistry(name, "contains NUL bytes; this is not a CSV text file");

  snap->delimiter_ = CsvReader::GuessDelimiter(snap->data_);
  CsvReader reader(snap->data_, snap->delimiter_);
  if (!reader.Next(snap->header_)) {
    return BadRegistry(name, reader.error().empty() ? "is empty; expected a header line with a 'number' column"
                                                    : reader.error());
  }
  bool found = false;
  for (size_t i = 0; i < snap->header_.size(); ++i) {
    std::string h = AsciiLower(Trim(snap->header_[i]));
    if (h == "number") {
      snap->numberColumn_ = i;
      found = true;
      break;
    }
  }
  if (!found) {
    std::string cols;
    for (const auto& h : snap->header_) cols += (cols.empty() ? "'" : ", '") + SanitizeUtf8(h) + "'";
    return BadRegistry(name, "has no 'number' column in its header line (columns: " + cols + ")");
  }

  std::vector<std::string> fields;
  snap->index_.reserve(snap->data_.size() / 32);
  while (reader.Next(fields)) {
    if (fields.size() <= snap->numberColumn_) {
      if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
      ++snap->skipped_;
      if (snap->firstSkipped_.empty())
        snap->firstSkipped_ = "line " + std::to_string(reader.recordLine()) + ": no 'number' field";
      continue;
    }
    const std::string canonical = CanonicalNotificationNumber(fields[snap->numberColumn_]);
    if (canonical.empty()) {
      ++snap->skipped_;
      if (snap->firstSkipped_.empty())
        snap->firstSkipped_ = "line " + std::to_string(reader.recordLine()) + ": '" +
                              SanitizeUtf8(fields[snap->numberColumn_]) + "'";
      continue;
    }
    snap->index_.emplace_back(HashText(canonical), reader.recordOffset());
  }
  if (!reader.error().empty()) return BadRegistry(name, reader.error());
  std::sort(snap->index_.begin(), snap->index_.end());
  snap->index_.shrink_to_fit();
  return snap;
}

RegistryAnswer CsvSnapshot::Lookup(const std::string& canonicalNumber) {
  RegistryAnswer answer;
  answer.source = path_;
  answer.status = RegistryStatus::NotListed;
  const uint64_t h = HashText(canonicalNumber);
  auto it = std::lower_bound(index_.begin(), index_.end(), std::make_pair(h, uint64_t{0}));
  std::vector<std::string> fields;
  for (; it != index_.end() && it->first == h; ++it) {
    CsvReader reader(data_, delimiter_);
    reader.Seek(it->second);
    if (!reader.Next(fields) || fields.size() <= numberColumn_) continue;
    if (CanonicalNotificationNumber(fields[numberColumn_]) != canonicalNumber) continue;  // hash collision
    answer.status = RegistryStatus::Listed;
    answer.detail = nlohmann::ordered_json::object();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i == numberColumn_) continue;
      std::string key = i < header_.size() ? std::string(Trim(header_[i])) : std::string();
      if (key.empty()) key = "column_" + std::to_string(i + 1);
      answer.detail[SanitizeUtf8(key)] = SanitizeUtf8(fields[i]);
    }
    answer.detail["number_as_listed"] = SanitizeUtf8(fields[numberColumn_]);
    break;
  }
  return answer;
}

std::string CsvSnapshot::Describe() const {
  return "CSV snapshot " + path_ + " (" + std::to_string(index_.size()) + " numbers)";
}

}  // namespace suppcheck
