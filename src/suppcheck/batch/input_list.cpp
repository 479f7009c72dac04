#include "suppcheck/batch/input_list.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>

#include "suppcheck/image/image_header.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace fs = std::filesystem;

bool LooksLikeImage(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char b[32] = {0};  // what SniffImage needs
  in.read(b, sizeof b);
  const std::string_view head(b, static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  return SniffImage(head) != ImageMagic::kNone;
}

namespace {

// By name: images we read and those we do not (a GIF gets its unsupported_format result).
bool HasImageExtension(const fs::path& p) { return suppcheck::HasImageExtension(p.extension().string()); }

struct Walker {
  std::vector<InputItem>* out;
  WalkStats* stats;
  std::set<std::pair<dev_t, ino_t>> visited;  // folders already walked: breaks symlink loops

  void Walk(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return;
    if (!visited.insert({st.st_dev, st.st_ino}).second) {
      ++stats->symlinkLoops;
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out->push_back({dir.string(), MakeError("io_error", dir.string() + ": cannot list the folder (" + ec.message() + ")")});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
      const std::string name = e.path().filename().string();
      if (!name.empty() && name[0] == '.') {
        ++stats->skippedHidden;
        continue;
      }
      std::error_code sec;
      const auto status = fs::status(e.path(), sec);  // follows symlinks
      if (sec) {
        // A dangling symlink or an entry we may not stat: report it if it looks like an image.
        if (HasImageExtension(e.path()))
          out->push_back({e.path().string(), MakeError("io_error", e.path().string() + ": " + sec.message())});
        continue;
      }
      if (fs::is_directory(status)) {
        // Links to folders are not followed (as find does): they make loops and count the same
        // photos twice. Links to files are followed.
        if (e.is_symlink(sec)) {
          ++stats->symlinkLoops;
          continue;
        }
        Walk(e.path());  // even when it is named like an image ("photos.jpg/")
      } else if (fs::is_regular_file(status)) {
        if (HasImageExtension(e.path()) || LooksLikeImage(e.path()))
          out->push_back({e.path().string(), {}});
        else
          ++stats->skippedNotImages;
      }
    }
  }
};

}  // namespace

std::vector<InputItem> CollectInputs(const std::vector<std::string>& roots, WalkStats* stats) {
  WalkStats local;
  if (!stats) stats = &local;
  std::vector<InputItem> out;
  for (const auto& root : roots) {
    std::error_code ec;
    const auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({root, MakeError("io_error", root + ": no such file or folder")});
    } else if (fs::is_directory(status)) {
      Walker w{&out, stats, {}};
      w.Walk(root);
    } else {
      out.push_back({root, {}});
    }
  }
  return out;
}

std::vector<InputItem> Shard(const std::vector<InputItem>& items, size_t k, size_t n) {
  if (n == 0 || k == 0 || k > n) return {};
  const size_t begin = items.size() * (k - 1) / n, end = items.size() * k / n;
  return std::vector<InputItem>(items.begin() + static_cast<long>(begin), items.begin() + static_cast<long>(end));
}

bool ParseShard(const std::string& spec, size_t& k, size_t& n) {
  const size_t slash = spec.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= spec.size()) return false;
  const std::string a = spec.substr(0, slash), b = spec.substr(slash + 1);
  if (!std::all_of(a.begin(), a.end(), IsAsciiDigit) || !std::all_of(b.begin(), b.end(), IsAsciiDigit)) return false;
  if (a.size() > 9 || b.size() > 9) return false;
  k = std::stoul(a);
  n = std::stoul(b);
  return k >= 1 && n >= 1 && k <= n;
}

}  // namespace suppcheck
