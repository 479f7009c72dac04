#include "suppcheck/server/http_message.h"

#include <nlohmann/json.hpp>

namespace suppcheck::server {

const Headers& SecurityHeaders() {
  // style-src keeps 'unsafe-inline' for the page's <style> block and style attributes: styles
  // cannot run code. Scripts come only from this server (GET /app.js).
  static const Headers headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
  };
  return headers;
}

Response JsonError(int status, const std::string& code, const std::string& message) {
  nlohmann::ordered_json j{{"error", {{"code", code}, {"message", message}}}};
  return Response{status, "application/json", j.dump(), {}};
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string PercentDecode(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace suppcheck::server
