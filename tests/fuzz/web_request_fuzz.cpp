// libFuzzer target: a request through the web API of `serve` as the HTTP layer hands it over
// (method, path as sent, Content-Type, Content-Encoding, body), without readers, so that the
// upload path (percent decoding, multipart, routes, admission, JSON errors) sees any bytes.
// Input: four lines (method, path, content type, content encoding), then the body.
// Invariants: never crash; every answer has a known status; JSON answers parse.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "suppcheck/server/multipart.h"
#include "suppcheck/server/web_api.h"

using namespace suppcheck::server;

namespace {
std::string Line(const std::string& s, size_t& at) {
  const size_t end = s.find('\n', at);
  const std::string line = s.substr(at, end == std::string::npos ? std::string::npos : end - at);
  at = end == std::string::npos ? s.size() : end + 1;
  return line;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  size_t at = 0;
  Request request;
  request.head.method = Line(input, at);
  request.head.path = Line(input, at);
  request.head.contentType = Line(input, at);
  request.head.contentEncoding = Line(input, at);
  request.body = input.substr(at);
  request.head.contentLength = request.body.size();

  WebApiOptions options;
  options.maxUploadBytes = 2048;
  WebApi api(nullptr, nullptr, options);
  WebApi::Admitted admitted = api.Admit(request.head);
  const Response r = admitted.answer ? *admitted.answer : api.Handle(request);
  switch (r.status) {
    case 200: case 400: case 404: case 405: case 413: case 415: case 503: break;
    default: std::abort();
  }
  if (r.contentType == "application/json" && !nlohmann::json::accept(r.body)) std::abort();
  // The multipart reader alone, on the body, with the boundary the content type names.
  if (const auto parts = ParseMultipart(request.body, MultipartBoundary(request.head.contentType)))
    for (const auto& p : *parts)
      if (p.content.data() < request.body.data() || p.content.data() + p.content.size() > request.body.data() + request.body.size())
        std::abort();
  return 0;
}
