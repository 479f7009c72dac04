#pragma once
// How a command's results look as CSV rows and as text for a person: each command's formats
// (report/scan_csv, report/number_report, report/intake_total_report) give one, the result
// writer (report/result_writer) writes with it.

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace suppcheck {

using Json = nlohmann::ordered_json;

struct CsvColumn {
  std::string header;
  std::function<std::string(const Json&)> value;
};

/// How a command's result looks as CSV and as text.
struct ResultLayout {
  std::vector<CsvColumn> csv;
  std::function<std::string(const Json&)> text;  ///< lines for a person, ending in '\n'
};

}  // namespace suppcheck
