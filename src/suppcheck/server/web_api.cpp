#include "suppcheck/server/web_api.h"

#include <malloc.h>

#include <nlohmann/json.hpp>

#include "suppcheck/notification/notification_number.h"
#include "suppcheck/product/merge_results.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/report/number_report.h"
#include "suppcheck/report/scan_report.h"
#include "suppcheck/scanner_pool.h"
#include "suppcheck/server/uploads.h"
#include "suppcheck/util/text.h"
#include "web_resources.h"

namespace suppcheck::server {

namespace {

enum class Route { kNone, kPage, kScript, kHealth, kNumber, kScan, kProduct };

struct Match {
  Route route = Route::kNone;
  std::string rest;  ///< what follows /api/number/
};

Match MatchRoute(const std::string& encodedPath) {
  const std::string path = PercentDecode(encodedPath);
  const std::string numberPrefix = "/api/number/";
  if (path == "/") return {Route::kPage, ""};
  if (path == "/app.js") return {Route::kScript, ""};
  if (path == "/healthz") return {Route::kHealth, ""};
  if (path == "/api/scan") return {Route::kScan, ""};
  if (path == "/api/product") return {Route::kProduct, ""};
  if (path.rfind(numberPrefix, 0) == 0) return {Route::kNumber, path.substr(numberPrefix.size())};
  return {};
}

Response Busy(const std::string& message) { return JsonError(503, "busy", message); }

}  // namespace

WebApi::WebApi(ScannerPool* pool, Registry* registry, WebApiOptions options)
    : pool_(pool), registry_(registry), options_(options), scans_(options.maxScans), lookups_(options.maxLookups) {}

Response WebApi::TooLarge() { return JsonError(413, "too_large", "the upload is larger than the server accepts"); }

WebApi::Admitted WebApi::Admit(const RequestHead& head) {
  const Match m = MatchRoute(head.path);
  if (m.route == Route::kNone) return {JsonError(404, "not_found", "no such page; see GET /"), Work::kNone, {}};
  const bool isGet = head.method == "GET" || head.method == "HEAD";
  const bool upload = m.route == Route::kScan || m.route == Route::kProduct;
  if (upload ? head.method != "POST" : !isGet) {
    Response r = JsonError(405, "method_not_allowed", SanitizeUtf8(head.method) + " is not allowed here");
    r.headers.emplace_back("Allow", upload ? "POST" : "GET, HEAD");
    return {std::move(r), Work::kNone, {}};
  }
  if (upload) {
    // Bodies are never inflated: a compressed upload is refused before a byte of it is read.
    const std::string encoding = AsciiLower(Trim(head.contentEncoding));
    if (!encoding.empty() && encoding != "identity")
      return {JsonError(415, "not_an_image", "compressed uploads (Content-Encoding: " + SanitizeUtf8(encoding) +
                                                 ") are not accepted; send the photo as it is"),
              Work::kNone, {}};
    if (head.contentLength && *head.contentLength > options_.maxUploadBytes) return {TooLarge(), Work::kNone, {}};
    // The slot is taken before the upload is read, so that memory is bounded by what is let in
    // (a product's photos come in one upload, under the same limit, and take one slot).
    Admission::Slot slot = scans_.TryEnter();
    if (!slot) return {Busy("too many photos are being read; try again in a moment"), Work::kNone, {}};
    return {std::nullopt, Work::kScan, std::move(slot)};
  }
  if (m.route == Route::kNumber && registry_ && ParseNotificationNumber(m.rest).valid()) {
    Admission::Slot slot = lookups_.TryEnter();
    if (!slot) return {Busy("too many numbers are being looked up; try again in a moment"), Work::kNone, {}};
    return {std::nullopt, Work::kLookup, std::move(slot)};
  }
  return {std::nullopt, Work::kNone, {}};
}

Response WebApi::Handle(const Request& request) {
  const Match m = MatchRoute(request.head.path);
  switch (m.route) {
    case Route::kPage:
      return {200, "text/html; charset=utf-8", kIndexHtml, {}};
    case Route::kScript:
      return {200, "text/javascript; charset=utf-8", kAppJs, {}};
    case Route::kHealth:
      return Health();
    case Route::kNumber:
      return Number(m.rest);
    case Route::kScan:
      return Scan(request, false);
    case Route::kProduct:
      return Scan(request, true);
    case Route::kNone:
      break;
  }
  return JsonError(404, "not_found", "no such page; see GET /");
}

Response WebApi::Health() const {
  const size_t workers = pool_ ? pool_->size() : 0;
  return {200, "application/json",
          nlohmann::json{{"status", "ok"}, {"workers", workers}, {"busy", scans_.inFlight()}}.dump(), {}};
}

Response WebApi::Number(const std::string& input) {
  const NotificationNumber n = ParseNotificationNumber(input);
  RegistryAnswer answer;
  if (n.valid() && registry_) answer = registry_->Lookup(n.canonical);
  return {200, "application/json", NumberResultJson(input, n, answer).dump(), {}};
}

Response WebApi::Scan(const Request& request, bool product) {
  if (request.body.size() > options_.maxUploadBytes) return TooLarge();
  auto uploads = ReadUploads(request, product ? options_.maxProductPhotos : 1);
  if (auto* refused = std::get_if<Response>(&uploads)) return std::move(*refused);
  const auto& photos = std::get<std::vector<Upload>>(uploads);
  if (!pool_) return Busy("no reader came free in time; try again in a moment");
  const auto waited = std::chrono::steady_clock::now() - request.admitted;
  const auto wait = std::max(std::chrono::milliseconds(0),
                             options_.readerWait - std::chrono::duration_cast<std::chrono::milliseconds>(waited));
  Response response;
  {
    auto scanner = pool_->Borrow(wait);
    if (!scanner) return Busy("no reader came free in time; try again in a moment");
    // The uploads are decoded from memory: nothing is ever written to disk. The photos of one
    // product are read one after the other on the same reader and merged as `scan --product`.
    std::vector<ScanResult> results;
    for (const auto& p : photos) results.push_back(scanner->ScanBytes(std::string(p.content), p.name));
    const ScanResult r =
        product ? MergeProductResults(results, pool_->models(), pool_->profile()) : std::move(results.front());
    response = {200, "application/json", ScanResultJson(r).dump(), {}};
  }
  // A long-running server keeps its memory bounded by what is in flight: give the decoded
  // photo's pages back to the system now (serve also caps the malloc arenas).
  malloc_trim(0);
  return response;
}

}  // namespace suppcheck::server
