#pragma once
// A registry service reached over HTTP(S) through a URL template with `{number}`.
// The answer must be JSON with a boolean "found"; other fields are carried into the result.
// Built to survive a bad server: connect and per-attempt timeouts, an overall deadline,
// bounded retries with exponential back-off (timeouts, connection failures, 429 and 5xx),
// a response size limit, no redirects, TLS verification on, http/https only.

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

struct HttpRegistryOptions {
  std::chrono::milliseconds connectTimeout{2000};  ///< per attempt, to establish the connection
  std::chrono::milliseconds attemptTimeout{4000};  ///< per attempt, whole request
  std::chrono::milliseconds deadline{8000};        ///< all attempts of one lookup together
  int retries = 2;                                 ///< extra attempts after the first
  std::chrono::milliseconds backoff{250};          ///< wait before the first retry; doubles each time
  size_t maxResponseBytes = 256 * 1024;            ///< larger answers are refused
  std::filesystem::path cacheDir;                  ///< on-disk cache of answers; empty = none
  std::chrono::seconds cacheTtl{24 * 3600};        ///< how long a cached answer is trusted
  double maxRequestsPerSecond = 10;                ///< across all threads; <= 0 = unlimited
};

class HttpRegistry final : public Registry {
 public:
  /// Fails (code "bad_registry") when the template is not an http(s) URL with `{number}`.
  static Expected<std::unique_ptr<HttpRegistry>> Create(std::string urlTemplate, HttpRegistryOptions options);
  ~HttpRegistry() override;

  RegistryAnswer Lookup(const std::string& canonicalNumber) override;
  std::string Describe() const override;

  /// The URL for one number (`{number}` replaced, percent-encoded).
  std::string UrlFor(const std::string& canonicalNumber) const;

 private:
  struct Impl;
  explicit HttpRegistry(std::unique_ptr<Impl> impl);
  RegistryAnswer Fetch(const std::string& canonicalNumber);  // attempts with retries, no memo
  std::unique_ptr<Impl> impl_;
};

/// What a registry service's answer (HTTP status 2xx/404, body, content type) says about one
/// number: listed, not listed, or an error with the reason. No network: the client calls it,
/// and so does the fuzzer.
RegistryAnswer InterpretRegistryAnswer(long httpStatus, std::string_view body, std::string_view contentType,
                                       const std::string& canonicalNumber, const std::string& source);

/// RFC 3986 percent-encoding of everything but unreserved characters.
std::string PercentEncode(std::string_view s);

/// Must be called once before any thread uses the HTTP registry (curl's global init is not
/// thread-safe). Safe to call more than once.
void InitNetworking();

}  // namespace suppcheck
