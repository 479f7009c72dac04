#include "suppcheck/util/atomic_file.h"

#include <unistd.h>

#include <fstream>
#include <string>
#include <thread>

namespace suppcheck {

Expected<bool> WriteFileAtomically(const std::filesystem::path& path, std::string_view content, std::string_view what) {
  const std::string name = std::string(what) + " '" + path.string() + "'";
  // Unique per process and thread: two writers of the same target never share a temporary.
  const std::filesystem::path tmp = path.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  std::error_code ec;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return MakeError("io_error", "cannot write " + name);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out.flush()) {
      out.close();
      std::filesystem::remove(tmp, ec);
      return MakeError("io_error", "cannot write " + name + " (disk full?)");
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return MakeError("io_error", "cannot write " + name + ": " + ec.message());
  }
  return true;
}

}  // namespace suppcheck
