#pragma once
// Reads a multipart/form-data body (RFC 7578) that is already in memory and bounded by the
// upload limit: one linear pass, no copies of the parts.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suppcheck::server {

struct FormPart {
  std::string name;      ///< the form field
  std::string filename;  ///< empty when the part is not a file
  std::string_view content;  ///< points into the body
};

/// The boundary from a Content-Type such as `multipart/form-data; boundary=xyz`; empty when the
/// type is another or names no boundary.
std::string MultipartBoundary(std::string_view contentType);

/// The parts of the body, in order; nullopt when the body is not well-formed multipart.
std::optional<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary);

}  // namespace suppcheck::server
