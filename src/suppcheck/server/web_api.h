#pragma once
// The web API of `suppcheck serve` without sockets: which requests are let in (admission and
// limits) and what each route answers. The HTTP layer (http_server.h) only carries bytes.
//
//   GET /            the page          GET /app.js       its script
//   GET /healthz     {"status":"ok"}   GET /api/number/N the `number` JSON (may ask the registry)
//   POST /api/scan   the report JSON of the photo (multipart field "image", or the raw bytes)
//   POST /api/product one report for several photos of one pack (multipart fields "image", in
//                     order; merged as `scan --product`): the page's "add a photo of the same pack"
// Other methods on these paths get 405 with Allow; other paths 404. Errors are JSON.

#include <chrono>
#include <optional>

#include "suppcheck/server/admission.h"
#include "suppcheck/server/http_message.h"

namespace suppcheck {
class ScannerPool;
class Registry;
}  // namespace suppcheck

namespace suppcheck::server {

struct WebApiOptions {
  size_t maxUploadBytes = 20u << 20;  ///< larger uploads get 413 (a product's photos: together)
  int maxScans = 9;    ///< photos being uploaded, waiting or read at once (readers + queue); more get 503
  int maxLookups = 9;  ///< typed numbers being looked up in the registry at once; more get 503
  std::chrono::milliseconds readerWait{60000};  ///< how long a let-in photo may wait for a reader
  size_t maxProductPhotos = 6;  ///< more photos in one product upload (/api/product) get 400 too_many_photos
};

/// What answering a request takes, so that the HTTP layer runs blocking work off its poll thread.
enum class Work {
  kNone,    ///< answered at once (page, script, health, a number not to look up)
  kScan,    ///< reads a photo on a reader of the pool: seconds
  kLookup,  ///< asks the registry: up to its deadline
};

class WebApi {
 public:
  /// `pool` reads the photos (null: every scan is 503); `registry` may be null.
  WebApi(ScannerPool* pool, Registry* registry, WebApiOptions options);

  struct Admitted {
    std::optional<Response> answer;  ///< set: send it now and read no body (405, 404, 413, 415, 503)
    Work work = Work::kNone;
    Admission::Slot slot;            ///< keep until the answer is sent
  };
  /// Decides from the request line and headers alone, before any body is read.
  Admitted Admit(const RequestHead& head);

  /// The answer to a request let in by Admit (scans and lookups block; see Work).
  Response Handle(const Request& request);

  size_t maxUploadBytes() const { return options_.maxUploadBytes; }
  /// 413 too_large.
  static Response TooLarge();

 private:
  /// One photo (/api/scan), or the photos of one product merged (/api/product).
  Response Scan(const Request& request, bool product);
  Response Number(const std::string& input);
  Response Health() const;

  ScannerPool* pool_;
  Registry* registry_;
  WebApiOptions options_;
  Admission scans_;
  Admission lookups_;
};

}  // namespace suppcheck::server
