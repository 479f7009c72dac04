#include "suppcheck/server/uploads.h"

#include <algorithm>
#include <filesystem>

#include "suppcheck/image/image_loader.h"
#include "suppcheck/server/multipart.h"
#include "suppcheck/util/text.h"

namespace suppcheck::server {

namespace {

std::string UniqueName(const std::string& sent, const std::vector<Upload>& before) {
  std::string name = SanitizeUtf8(std::filesystem::path(sent).filename().string());
  if (name.empty()) name = "upload";
  const auto taken = [&](const std::string& n) {
    return std::any_of(before.begin(), before.end(), [&](const Upload& u) { return u.name == n; });
  };
  const std::string base = name;
  for (size_t k = 2; taken(name); ++k) name = std::to_string(k) + "-" + base;
  return name;
}

}  // namespace

std::variant<std::vector<Upload>, Response> ReadUploads(const Request& request, size_t maxPhotos) {
  std::vector<Upload> photos;
  if (AsciiLower(Trim(request.head.contentType)).rfind("multipart/form-data", 0) == 0) {
    const auto parts = ParseMultipart(request.body, MultipartBoundary(request.head.contentType));
    if (parts) {
      for (const auto& p : *parts) {
        if (p.name != "image") continue;
        if (photos.size() == maxPhotos)
          return JsonError(400, "too_many_photos",
                           "at most " + std::to_string(maxPhotos) + " photos of one product are read together");
        photos.push_back({UniqueName(p.filename, photos), p.content});
      }
    }
    if (photos.empty()) return JsonError(400, "no_image", "send the photo in the multipart field 'image'");
  } else {
    photos.push_back({"upload", request.body});
  }
  for (const auto& p : photos) {
    if (p.content.empty()) return JsonError(400, "no_image", "the request holds no photo" + (photos.size() > 1 ? " in " + p.name : std::string()));
    // The header's own code: not_an_image (a PDF, a text) or unsupported_format (a GIF, HEIC, ...),
    // as `scan` and `batch` say for the same file.
    if (auto header = ReadImageHeader(p.content); !header)
      return JsonError(415, header.error().code, p.name + ": " + header.error().message);
  }
  return photos;
}

}  // namespace suppcheck::server
