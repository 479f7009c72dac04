#pragma once
// The HTTP layer of `suppcheck serve` (libmicrohttpd): one event-driven poll thread holds every
// connection; photos and registry lookups run on work queues while their connection is
// suspended, so that /healthz answers at once whatever is being read. What it holds a client to:
// - request line + headers within `connectionMemory` (larger: 431 or the connection is closed);
// - the whole request (headers and body) within the absolute receive deadline;
// - the upload limit on every transfer encoding (a chunked body is counted as it arrives and
//   dropped past the limit: 413); bodies are never inflated;
// - connection caps, total and per client address (excess connections are closed at once);
// - an idle timeout for connections that send or read nothing.
// Routes, admission and answers are the WebApi's.

#include <chrono>
#include <memory>
#include <string>

#include "suppcheck/server/connection_watch.h"
#include "suppcheck/util/expected.h"

namespace suppcheck::server {

class WebApi;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0: a free one (see HttpServer::port)
  ConnectionLimits connections;
  std::chrono::seconds idleTimeout{60};
  size_t connectionMemory = 32 * 1024;  ///< per connection: request line, headers, read buffer
  size_t scanThreads = 1;    ///< threads that read photos: one per reader of the pool
  size_t lookupThreads = 4;  ///< threads that ask the registry
};

class HttpServer {
 public:
  /// Listens and serves `api` (which must outlive the server) on its own threads.
  static Expected<std::unique_ptr<HttpServer>> Start(WebApi& api, const HttpServerOptions& options);
  /// Stop().
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;
  /// Stops accepting, finishes the photos and lookups under way, then closes every connection.
  void Stop();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace suppcheck::server
