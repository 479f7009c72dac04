#include "suppcheck/server/web_api.h"

#include <malloc.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "suppcheck/image/image_loader.h"
#include "suppcheck/notification/notification_number.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/report/notification_json.h"
#include "suppcheck/report/scan_report.h"
#include "suppcheck/scanner_pool.h"
#include "suppcheck/server/multipart.h"
#include "suppcheck/util/text.h"
#include "web_resources.h"

namespace suppcheck::server {

namespace {

enum class Route { kNone, kPage, kScript, kHealth, kNumber, kScan };

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
  if (m.route == Route::kScan ? head.method != "POST" : !isGet) {
    Response r = JsonError(405, "method_not_allowed", SanitizeUtf8(head.method) + " is not allowed here");
    r.headers.emplace_back("Allow", m.route == Route::kScan ? "POST" : "GET, HEAD");
    return {std::move(r), Work::kNone, {}};
  }
  if (m.route == Route::kScan) {
    // Bodies are never inflated: a compressed upload is refused before a byte of it is read.
    const std::string encoding = AsciiLower(Trim(head.contentEncoding));
    if (!encoding.empty() && encoding != "identity")
      return {JsonError(415, "not_an_image", "compressed uploads (Content-Encoding: " + SanitizeUtf8(encoding) +
                                                 ") are not accepted; send the photo as it is"),
              Work::kNone, {}};
    if (head.contentLength && *head.contentLength > options_.maxUploadBytes) return {TooLarge(), Work::kNone, {}};
    // The slot is taken before the upload is read, so that memory is bounded by what is let in.
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
      return Scan(request);
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
  nlohmann::ordered_json j;
  j["input"] = SanitizeUtf8(input);
  AddNotificationFields(j, n, answer);
  return {200, "application/json", j.dump(), {}};
}

Response WebApi::Scan(const Request& request) {
  if (request.body.size() > options_.maxUploadBytes) return TooLarge();
  const std::string* photo = &request.body;
  std::string fromForm, name = "upload";
  if (AsciiLower(Trim(request.head.contentType)).rfind("multipart/form-data", 0) == 0) {
    const auto parts = ParseMultipart(request.body, MultipartBoundary(request.head.contentType));
    const FormPart* image = nullptr;
    if (parts) {
      for (const auto& p : *parts) {
        if (p.name == "image") {
          image = &p;
          break;
        }
      }
    }
    if (!image) return JsonError(400, "no_image", "send the photo in the multipart field 'image'");
    fromForm = std::string(image->content);
    if (!image->filename.empty()) name = image->filename;
    photo = &fromForm;
  }
  if (photo->empty()) return JsonError(400, "no_image", "the request holds no photo");
  if (auto header = ReadImageHeader(*photo); !header)
    return JsonError(415, "not_an_image", SanitizeUtf8(name) + ": " + header.error().message);
  if (!pool_) return Busy("no reader came free in time; try again in a moment");
  const auto waited = std::chrono::steady_clock::now() - request.admitted;
  const auto wait = std::max(std::chrono::milliseconds(0),
                             options_.readerWait - std::chrono::duration_cast<std::chrono::milliseconds>(waited));
  Response response;
  {
    auto scanner = pool_->Borrow(wait);
    if (!scanner) return Busy("no reader came free in time; try again in a moment");
    // The upload is decoded from memory: nothing is ever written to disk.
    const ScanResult r =
        scanner->ScanBytes(*photo, SanitizeUtf8(std::filesystem::path(name).filename().string()));
    response = {200, "application/json", ScanResultJson(r).dump(), {}};
  }
  // A long-running server keeps its memory bounded by what is in flight: give the decoded
  // photo's pages back to the system now (serve also caps the malloc arenas).
  malloc_trim(0);
  return response;
}

}  // namespace suppcheck::server
