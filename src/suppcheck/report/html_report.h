#pragma once
// A self-contained HTML report of a batch for a person: totals per verdict, a sortable table,
// a thumbnail of each photo with the evidence boxes, the problems in words. No external
// resource; every piece of text that came from a label or a file name is escaped.

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "suppcheck/util/expected.h"

namespace suppcheck {

/// HTML-escapes text (& < > " ').
std::string HtmlEscape(std::string_view s);

class HtmlReport {
 public:
  /// Thumbnails are kept for the first `maxThumbnails` inputs only: a report of 100 000
  /// photos must still open in a browser.
  explicit HtmlReport(size_t maxThumbnails = 2000) : maxThumbnails_(maxThumbnails) {}

  /// Thread-safe. `index` orders the rows (input order), whatever order results finish in.
  void Add(size_t index, const nlohmann::ordered_json& result, std::string thumbnail = "");
  bool WantsThumbnail(size_t index) const { return index < maxThumbnails_; }

  /// Writes atomically (temp file + rename).
  Expected<bool> Write(const std::string& path, const std::string& title) const;

 private:
  size_t maxThumbnails_;
  mutable std::mutex mu_;
  std::map<size_t, std::pair<nlohmann::ordered_json, std::string>> rows_;
};

}  // namespace suppcheck
