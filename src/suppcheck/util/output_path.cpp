#include "suppcheck/util/output_path.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace suppcheck {

namespace fs = std::filesystem;

Expected<bool> CheckOutputPath(const std::string& path, OutWrite how, const std::string& option) {
  if (path.empty() || path == "-") return true;
  auto fail = [&](const std::string& why) {
    std::string message = "cannot write ";  // appended piece by piece: GCC 12 -O3 warns falsely on a + chain
    message.append(option).append(" '").append(path).append("': ").append(why);
    return MakeError("bad_output", message);
  };
  std::error_code ec;
  const auto status = fs::status(path, ec);
  const bool exists = !ec && fs::exists(status);
  if ((exists && fs::is_directory(status)) || path.back() == '/')
    return fail("is a folder; give a file name, e.g. " + (fs::path(path) / "results.jsonl").string());
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  const auto parentStatus = fs::status(parent, ec);
  if (ec || !fs::exists(parentStatus)) return fail("the folder '" + parent.string() + "' does not exist");
  if (!fs::is_directory(parentStatus)) return fail("the parent '" + parent.string() + "' is not a folder");
  // Try what the writer will do, without changing anything: open the existing file for writing
  // (no truncation), or create and remove a file in its folder. access() would not do: it
  // says yes to root on a read-only file system.
  if (exists && how == OutWrite::kInPlace) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) return fail(std::string("cannot be written (") + std::strerror(errno) + ")");
    ::close(fd);
    return true;
  }
  std::string probe = (parent / ".suppcheck-write-test-XXXXXX").string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) return fail("cannot create files in '" + parent.string() + "' (" + std::strerror(errno) + ")");
  ::close(fd);
  ::unlink(probe.c_str());
  return true;
}

}  // namespace suppcheck
