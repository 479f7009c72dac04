#include "cli/serve_command.h"

#include <httplib.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/scan_layout.h"
#include "suppcheck/image/image_loader.h"
#include "suppcheck/notification/notification_number.h"
#include "suppcheck/report/notification_json.h"
#include "suppcheck/report/scan_report.h"
#include "suppcheck/scanner_pool.h"
#include "suppcheck/util/models_dir.h"
#include "suppcheck/util/text.h"
#include "web_page.h"

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

void JsonError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  nlohmann::ordered_json j{{"error", {{"code", code}, {"message", message}}}};
  res.set_content(j.dump(), "application/json");
}

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

  // Many request threads each get a malloc arena of their own and keep the memory of the
  // largest photo they handled; a few shared arenas and a trim after each scan keep a
  // long-running server's memory bounded by what is in flight.
  mallopt(M_ARENA_MAX, 2);

  // SIGINT/SIGTERM go to one thread that stops the server; the request threads never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  const size_t maxBytes = static_cast<size_t>(args.maxUploadMb * 1024 * 1024);
  server.set_payload_max_length(maxBytes);
  const size_t threads = workers + static_cast<size_t>(args.maxQueue) + 4;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_read_timeout(static_cast<time_t>(args.timeout), 0);
  server.set_write_timeout(static_cast<time_t>(args.timeout), 0);
  std::atomic<int> active{0};  // scans running or waiting for a scanner
  const int capacity = static_cast<int>(workers) + args.maxQueue;
  const Registry* reg = registry.get();

  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kIndexHtml, "text/html; charset=utf-8");
    res.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    res.set_header("X-Content-Type-Options", "nosniff");
  });
  server.Get("/healthz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(nlohmann::json{{"status", "ok"}, {"workers", workers}, {"busy", active.load()}}.dump(), "application/json");
  });
  server.Get(R"(/api/number/(.*))", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string input = req.matches[1].str();
    const NotificationNumber n = ParseNotificationNumber(input);
    RegistryAnswer answer;
    if (n.valid() && reg) answer = const_cast<Registry*>(reg)->Lookup(n.canonical);
    nlohmann::ordered_json j;
    j["input"] = SanitizeUtf8(input);
    AddNotificationFields(j, n, answer);
    res.set_content(j.dump(), "application/json");
  });
  server.Post("/api/scan", [&](const httplib::Request& req, httplib::Response& res) {
    std::string bytes, name = "upload";
    if (req.is_multipart_form_data()) {
      if (!req.has_file("image")) return JsonError(res, 400, "no_image", "send the photo in the multipart field 'image'");
      const auto file = req.get_file_value("image");
      bytes = file.content;
      if (!file.filename.empty()) name = file.filename;
    } else {
      bytes = req.body;
    }
    if (bytes.empty()) return JsonError(res, 400, "no_image", "the request holds no photo");
    if (auto header = ReadImageHeader(bytes); !header)
      return JsonError(res, 415, "not_an_image", SanitizeUtf8(name) + ": " + header.error().message);
    if (active.fetch_add(1) >= capacity) {
      --active;
      return JsonError(res, 503, "busy", "too many photos are being read; try again in a moment");
    }
    struct Release {
      std::atomic<int>& a;
      ~Release() { --a; }
    } release{active};
    auto scanner = (*pool)->Borrow(std::chrono::milliseconds(static_cast<long>(args.timeout * 1000)));
    if (!scanner) return JsonError(res, 503, "busy", "no reader came free in time; try again in a moment");
    // The upload is decoded from memory: nothing is ever written to disk.
    const ScanResult r = scanner->ScanBytes(bytes, SanitizeUtf8(std::filesystem::path(name).filename().string()));
    res.set_content(ScanResultJson(r).dump(), "application/json");
    malloc_trim(0);
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      return JsonError(res, 413, "too_large", "the upload is larger than the server accepts");
    if (res.status == 404) return JsonError(res, 404, "not_found", "no such page; see GET /");
    JsonError(res, res.status, "http_" + std::to_string(res.status), "request failed");
  });

  int port = args.port;
  if (port == 0) {
    port = server.bind_to_any_port(args.host);
    if (port <= 0) {
      PrintError("cannot listen on " + args.host);
      return kExitUsage;
    }
  } else if (!server.bind_to_port(args.host, port)) {
    PrintError("cannot listen on " + args.host + ":" + std::to_string(port) + " (in use, or not allowed)");
    return kExitUsage;
  }
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  if (!args.common.quiet)
    std::fprintf(stderr, "suppcheck: serving on http://%s:%d/ with %zu readers (Ctrl-C stops)\n", args.host.c_str(), port,
                 workers);
  server.listen_after_bind();
  // Stopped by a signal, or failed: make sure the stopper thread ends too.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
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
  cmd->add_option("--max-upload-mb", args->maxUploadMb, "largest upload accepted; larger get 413 [default: 20]")
      ->check(CLI::Range(0.01, 200.0));
  cmd->add_option("--timeout", args->timeout, "seconds a request may take to arrive or wait for a reader [default: 60]")
      ->check(CLI::Range(1.0, 3600.0));
  AddScannerSetup(*cmd, args->setup);
  AddCommonOptions(*cmd, args->common);
  cmd->footer("GET / the page; POST /api/scan the photo (multipart field 'image', or the raw bytes);\n"
              "GET /api/number/{number}; GET /healthz. Errors are JSON: 413 too large, 415 not an image,\n"
              "503 busy. Uploads are read from memory and never written to disk.");
  cmd->callback([args, &exitCode] { exitCode = RunServe(*args); });
}

}  // namespace suppcheck::cli
