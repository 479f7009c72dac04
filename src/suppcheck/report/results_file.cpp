#include "suppcheck/report/results_file.h"

#include <cerrno>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "suppcheck/util/bounded_json.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

Error Problem(const std::string& where, const std::string& what) { return MakeError("bad_input", where + ": " + what); }

}  // namespace

ResultsRead ReadResults(std::istream& in, const std::string& name) {
  ResultsRead out;
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxResultsFileBytes) {
      out.problems.push_back(Problem(name, "larger than " + std::to_string(kMaxResultsFileBytes >> 20) +
                                               " MiB; give the results of fewer products"));
      return out;
    }
  }
  if (in.bad()) {
    out.problems.push_back(Problem(name, "cannot be read"));
    return out;
  }

  // One JSON document (scan --format json): an array of results, or one object printed over
  // several lines. A first line that is JSON by itself means JSON Lines.
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (text[first] == '[' || text[first] == '{')) {
    const auto lineEnd = text.find('\n', first);
    const std::string_view firstLine(text.data() + first, (lineEnd == std::string::npos ? text.size() : lineEnd) - first);
    if (text[first] == '[' || !ParseBoundedJson(firstLine)) {
      if (auto doc = ParseBoundedJson(text); doc && (doc->is_array() || doc->is_object())) {
        if (doc->is_object()) {
          out.results.push_back({name, std::move(*doc)});
        } else {
          for (size_t i = 0; i < doc->size(); ++i) out.results.push_back({name + "[" + std::to_string(i) + "]", (*doc)[i]});
        }
        return out;
      }
    }
  }

  // JSON Lines.
  size_t pos = 0, lineNo = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    const bool cut = nl == std::string::npos;
    if (cut) nl = text.size();
    ++lineNo;
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    const std::string where = name + ":" + std::to_string(lineNo);
    auto value = ParseBoundedJson(line);
    if (!value) {
      out.problems.push_back(Problem(where, value.error().message +
                                                (cut ? " (the last line is cut short: a run stopped while writing it?)" : "")));
      continue;
    }
    out.results.push_back({where, std::move(*value)});
  }
  return out;
}

ResultsRead ReadResultsFile(const std::string& path) {
  if (path == "-") return ReadResults(std::cin, "<stdin>");
  const std::string name = SanitizeUtf8(path);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ResultsRead out;
    out.problems.push_back(Problem(name, "is a folder, not a results file"));
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ResultsRead out;
    out.problems.push_back(Problem(name, std::string("cannot be opened: ") + std::strerror(errno)));
    return out;
  }
  return ReadResults(in, name);
}

}  // namespace suppcheck
