#include "suppcheck/batch/resume.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "suppcheck/util/bounded_json.h"

namespace suppcheck {

Expected<std::set<std::string>> ReadDoneAndRepair(const std::string& resultsFile) {
  std::set<std::string> done;
  std::ifstream in(resultsFile, std::ios::binary);
  if (!in) return done;  // nothing yet
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t good = 0;
  for (size_t pos = 0; pos < data.size();) {
    const size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) break;
    auto j = ParseBoundedJson(std::string_view(data).substr(pos, nl - pos));
    if (j && j->is_object() && j->contains("file") && (*j)["file"].is_string()) {
      done.insert((*j)["file"].get<std::string>());
      good = nl + 1;
    } else {
      break;  // damaged from here on: redo the rest
    }
    pos = nl + 1;
  }
  if (good < data.size()) {
    std::error_code ec;
    std::filesystem::resize_file(resultsFile, good, ec);
    if (ec) return MakeError("io_error", "--resume: cannot repair '" + resultsFile + "': " + ec.message());
  }
  return done;
}

}  // namespace suppcheck
