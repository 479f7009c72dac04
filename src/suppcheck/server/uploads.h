#pragma once
// The photos a request carries: the multipart fields named "image" (in order), or the raw body as
// one photo. Each is checked to be an image we read before any reader is taken, so that a wrong
// file is answered at once and by name.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "suppcheck/server/http_message.h"

namespace suppcheck::server {

struct Upload {
  std::string name;          ///< the file name sent (base name, valid UTF-8), or "upload"
  std::string_view content;  ///< points into the request body
};

/// The photos of `request` (at most `maxPhotos`; a raw body is one photo), or the answer that
/// refuses them: 400 no_image / too_many_photos, 415 not_an_image / unsupported_format (naming the
/// file). Names are made unique ("2-photo.jpg" for a second "photo.jpg"): the evidence of a
/// product names the photo its box lies on.
std::variant<std::vector<Upload>, Response> ReadUploads(const Request& request, size_t maxPhotos);

}  // namespace suppcheck::server
