#pragma once
// A request and a response as the web API sees them: plain values, no sockets, so that the
// routes can be tested in-process and the HTTP layer stays a thin translation.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace suppcheck::server {

using Headers = std::vector<std::pair<std::string, std::string>>;

/// What is known once the request line and the headers have arrived, before any body.
struct RequestHead {
  std::string method;           ///< as sent: "GET", "POST", ...
  std::string path;             ///< as sent, still percent-encoded, without the query
  std::string contentType;      ///< the header's value, or empty
  std::string contentEncoding;  ///< the header's value, or empty
  std::optional<uint64_t> contentLength;  ///< when the client declared one (not with chunked uploads)
};

struct Request {
  RequestHead head;
  std::string body;
  /// When the request was let in; a scan that cannot get a reader within the wait after it gets 503.
  std::chrono::steady_clock::time_point admitted = std::chrono::steady_clock::now();
};

struct Response {
  int status = 200;
  std::string contentType;
  std::string body;
  Headers headers;  ///< besides Content-Type and SecurityHeaders(), e.g. Allow
};

/// Sent with every response: no MIME sniffing, and a policy that lets the page load its script,
/// styles and pictures only from this server (no inline script, nothing external, no framing).
const Headers& SecurityHeaders();

/// {"error": {"code": ..., "message": ...}} with the status.
Response JsonError(int status, const std::string& code, const std::string& message);

/// `%XX` sequences decoded (a '+' stays a '+', as in any path); malformed ones are kept as sent.
std::string PercentDecode(const std::string& s);

}  // namespace suppcheck::server
