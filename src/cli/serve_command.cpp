// `suppcheck serve`: the options, and the wiring of the library's web API (suppcheck/server/)
// to a pool of warm readers and the HTTP server. Routes, limits and answers live there.

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <thread>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/scanner_setup.h"
#include "cli/serve_command.h"
#include "suppcheck/scanner_pool.h"
#include "suppcheck/server/http_server.h"
#include "suppcheck/server/web_api.h"

namespace suppcheck::cli {

namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int workers = 0;
  int maxQueue = 8;
  double maxUploadMb = 20;
  double timeout = 60;
  CommonOptions common;
  ScannerSetup setup;
};

int RunServe(const ServeArgs& args) {
  auto setup = SetUp(args.setup, args.common);
  if (!setup) {
    PrintError(setup.error().message);
    return kExitUsage;
  }
  auto& [models, registry] = *setup;
  const size_t workers = args.workers > 0 ? static_cast<size_t>(args.workers)
                                          : std::max(1u, std::thread::hardware_concurrency());
  if (workers > 1) UseOneThreadPerScanner();
  auto pool = ScannerPool::Create(workers, models, args.setup.ToScannerOptions(args.common.profile), registry.get());
  if (!pool) {
    PrintError(pool.error().message);
    return kExitUsage;
  }
  // Every thread that allocates gets a malloc arena of its own and keeps the memory of the
  // largest photo it handled; a few shared arenas (and a trim after each scan, in the web API)
  // keep a long-running server's memory bounded by what is in flight.
  mallopt(M_ARENA_MAX, 2);
  // SIGINT/SIGTERM are taken by this thread alone (sigwait below); the server's threads,
  // started after this, never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const int capacity = static_cast<int>(workers) + args.maxQueue;
  const auto timeout = std::chrono::milliseconds(static_cast<long>(args.timeout * 1000));
  server::WebApi api(pool->get(), registry.get(),
                     {static_cast<size_t>(args.maxUploadMb * 1024 * 1024), capacity, capacity, timeout});
  server::HttpServerOptions http;
  http.host = args.host;
  http.port = args.port;
  http.connections.receiveDeadline = timeout;
  http.idleTimeout = std::chrono::duration_cast<std::chrono::seconds>(timeout);
  http.scanThreads = workers;
  http.lookupThreads = static_cast<size_t>(std::min(capacity, 16));
  auto running = server::HttpServer::Start(api, http);
  if (!running) {
    PrintError(running.error().message);
    return kExitUsage;
  }
  if (!args.common.quiet)
    std::fprintf(stderr, "suppcheck: serving on http://%s:%d/ with %zu readers (Ctrl-C stops)\n", args.host.c_str(),
                 (*running)->port(), workers);
  int sig = 0;
  sigwait(&signals, &sig);
  (*running)->Stop();
  return kExitOk;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, int& exitCode) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "a web page and JSON API for phones");
  cmd->add_option("--host", args->host, "address to listen on [default: 127.0.0.1, this machine only]");
  cmd->add_option("--port", args->port, "port; 0 picks a free one [default: 8080]")->check(CLI::Range(0, 65535));
  cmd->add_option("--workers", args->workers, "photos read at once, each by a warm OCR engine [default: all cores]")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--max-queue", args->maxQueue, "photos that may wait for a reader; more get 503 [default: 8]")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--max-upload-mb", args->maxUploadMb, "largest upload accepted (a photo, or all photos of one product together); larger get 413 [default: 20]")
      ->check(CLI::Range(0.01, 200.0));
  cmd->add_option("--timeout", args->timeout, "seconds a request may take to arrive (from its start, not per byte), or wait for a reader [default: 60]")
      ->check(CLI::Range(1.0, 3600.0));
  AddScannerSetup(*cmd, args->setup);
  AddCommonOptions(*cmd, args->common);
  const server::HttpServerOptions limits;
  cmd->footer("GET / the page; POST /api/scan the photo (multipart field 'image', or the raw bytes);\n"
              "GET /api/number/{number}; GET /healthz. Errors are JSON: 413 too large, 415 not an image,\n"
              "503 busy, 405 other methods. Uploads are read from memory and never written to disk.\n"
              "At most " + std::to_string(limits.connections.maxTotal) + " connections, " +
              std::to_string(limits.connections.maxPerAddress) + " per client address; headers at most " +
              std::to_string(limits.connectionMemory / 1024) + " KiB.");
  cmd->callback([args, &exitCode] { exitCode = RunServe(*args); });
}

}  // namespace suppcheck::cli
