// The web API of `serve` in-process, without sockets: routes, admission and limits, and a real
// photo through a real pool of readers.

#include "support/test_paths.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <fstream>
#include <mutex>

#include "suppcheck/registry/registry.h"
#include "suppcheck/scanner_pool.h"
#include "suppcheck/server/web_api.h"

using namespace suppcheck;
using namespace suppcheck::server;
using nlohmann::json;

namespace {

RequestHead Head(std::string method, std::string path, std::string contentType = "") {
  return RequestHead{std::move(method), std::move(path), std::move(contentType), "", std::nullopt};
}

// Admit, then Handle as the HTTP layer does.
Response Serve(WebApi& api, Request request) {
  WebApi::Admitted a = api.Admit(request.head);
  if (a.answer) return *a.answer;
  return api.Handle(request);
}

Response Get(WebApi& api, const std::string& path) { return Serve(api, Request{Head("GET", path), {}, {}}); }

std::string Header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(suppcheck::test::SourceDir()) + "/samples/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Part {
  std::string field, filename, content;
};

std::string Multipart(const std::vector<Part>& parts) {
  std::string body;
  for (const auto& p : parts)
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + p.field + "\"; filename=\"" + p.filename +
            "\"\r\nContent-Type: image/jpeg\r\n\r\n" + p.content + "\r\n";
  return body + "--XyZ--\r\n";
}

std::string Multipart(const std::string& field, const std::string& filename, const std::string& content) {
  return Multipart({{field, filename, content}});
}

// The first bytes of a GIF: an image format suppcheck does not read.
const std::string kGif = std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13) + std::string(20, '\0');

// A registry that holds every lookup until it is opened.
class GateRegistry : public Registry {
 public:
  RegistryAnswer Lookup(const std::string&) override {
    std::unique_lock lock(mu_);
    ++waiting;
    cv_.notify_all();
    cv_.wait(lock, [&] { return open_; });
    RegistryAnswer a;
    a.status = RegistryStatus::Listed;
    a.source = "gate";
    return a;
  }
  std::string Describe() const override { return "gate"; }
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  void WaitFor(int n) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return waiting >= n; });
  }
  int waiting = 0;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

}  // namespace

TEST_CASE("web api: the page, its script, health, a typed number", "[server]") {
  WebApi api(nullptr, nullptr, {});
  const Response page = Get(api, "/");
  CHECK(page.status == 200);
  CHECK(page.contentType == "text/html; charset=utf-8");
  CHECK(page.body.find("<script src=\"app.js\"></script>") != std::string::npos);
  CHECK(page.body.find("<script>") == std::string::npos);
  const Response script = Get(api, "/app.js");
  CHECK(script.status == 200);
  CHECK(script.contentType == "text/javascript; charset=utf-8");
  CHECK(script.body.find("\"use strict\";") != std::string::npos);
  const Response health = Get(api, "/healthz");
  CHECK(health.body == R"({"busy":0,"status":"ok","workers":0})");
  const json n = json::parse(Get(api, "/api/number/nut%2Fas162%2F597").body);
  CHECK(n["input"] == "nut/as162/597");
  CHECK(n["status"] == "valid");
  CHECK(n["number"] == "NUT/AS 162/597");
  CHECK(n["registry"]["status"] == "not_checked");
  // A NUL and invalid UTF-8 in a typed number reach the parser as bytes, and valid JSON comes back.
  const json odd = json::parse(Get(api, "/api/number/NUT%00%FF12").body);
  CHECK(odd["input"] == std::string("NUT\0\xEF\xBF\xBD" "12", 9));
  CHECK(odd["status"] == "invalid");
}

TEST_CASE("web api: 404, 405 with Allow, and JSON errors", "[server]") {
  WebApi api(nullptr, nullptr, {});
  const Response missing = Get(api, "/nothing-here");
  CHECK(missing.status == 404);
  CHECK(json::parse(missing.body)["error"]["code"] == "not_found");
  CHECK(Serve(api, Request{Head("DELETE", "/nothing"), {}, {}}).status == 404);
  const Response put = Serve(api, Request{Head("PUT", "/api/scan"), {}, {}});
  CHECK(put.status == 405);
  CHECK(Header(put, "Allow") == "POST");
  CHECK(json::parse(put.body)["error"]["code"] == "method_not_allowed");
  const Response post = Serve(api, Request{Head("POST", "/healthz"), {}, {}});
  CHECK(post.status == 405);
  CHECK(Header(post, "Allow") == "GET, HEAD");
  CHECK(Serve(api, Request{Head("HEAD", "/"), {}, {}}).status == 200);
}

TEST_CASE("web api: uploads are refused from their headers when too large or compressed", "[server]") {
  WebApiOptions o;
  o.maxUploadBytes = 1000;
  WebApi api(nullptr, nullptr, o);
  RequestHead big = Head("POST", "/api/scan", "image/jpeg");
  big.contentLength = 1001;
  const WebApi::Admitted tooLarge = api.Admit(big);
  REQUIRE(tooLarge.answer);
  CHECK(tooLarge.answer->status == 413);
  CHECK(json::parse(tooLarge.answer->body)["error"]["code"] == "too_large");
  RequestHead gzip = Head("POST", "/api/scan", "image/jpeg");
  gzip.contentEncoding = "gzip";
  const WebApi::Admitted compressed = api.Admit(gzip);
  REQUIRE(compressed.answer);
  CHECK(compressed.answer->status == 415);
  // A chunked upload declares no length: its body is held to the limit when it is handled.
  CHECK(Serve(api, Request{Head("POST", "/api/scan", "image/jpeg"), std::string(1001, '\xFF'), {}}).status == 413);
}

TEST_CASE("web api: scans and lookups are let in up to their limits, then 503", "[server]") {
  GateRegistry registry;
  WebApiOptions o;
  o.maxScans = 2;
  o.maxLookups = 1;
  WebApi api(nullptr, &registry, o);
  const RequestHead scan = Head("POST", "/api/scan", "image/jpeg");
  WebApi::Admitted first = api.Admit(scan), second = api.Admit(scan);
  CHECK(first.work == Work::kScan);
  CHECK(second.work == Work::kScan);
  const WebApi::Admitted third = api.Admit(scan);
  REQUIRE(third.answer);
  CHECK(third.answer->status == 503);
  CHECK(json::parse(Get(api, "/healthz").body)["busy"] == 2);
  first = {};  // done: its slot is free again
  CHECK(api.Admit(scan).work == Work::kScan);

  const RequestHead lookup = Head("GET", "/api/number/NUT%2067%2F9");
  WebApi::Admitted held = api.Admit(lookup);
  CHECK(held.work == Work::kLookup);
  std::thread worker([&] { CHECK(json::parse(api.Handle(Request{lookup, {}, {}}).body)["registry"]["status"] == "listed"); });
  registry.WaitFor(1);
  const WebApi::Admitted excess = api.Admit(lookup);
  REQUIRE(excess.answer);
  CHECK(excess.answer->status == 503);
  // A number in the wrong format is never looked up: it is answered at once, whatever the load.
  CHECK(api.Admit(Head("GET", "/api/number/NUT%2012345%2F6")).work == Work::kNone);
  registry.Open();
  worker.join();
}

TEST_CASE("web api: a photo as multipart or raw bytes through a real reader", "[server]") {
  auto models = Models::Load(suppcheck::test::SourceModelsDir());
  REQUIRE(models);
  auto pool = ScannerPool::Create(1, *models, ScannerOptions{}, nullptr);
  REQUIRE(pool);
  WebApi api(pool->get(), nullptr, {});
  const std::string photo = ReadSample("sample-phone-0006.jpg");
  const RequestHead form = Head("POST", "/api/scan", "multipart/form-data; boundary=XyZ");
  const Response r = Serve(api, Request{form, Multipart("image", "shelf photo.jpg", photo), {}});
  CHECK(r.status == 200);
  const json j = json::parse(r.body);
  CHECK(j["file"] == "shelf photo.jpg");
  CHECK(j["notification"]["number"] == "NUT 67/9");
  CHECK(j["assessment"]["level"] == "above_noael");
  const Response raw = Serve(api, Request{Head("POST", "/api/scan", "image/jpeg"), photo, {}});
  CHECK(json::parse(raw.body)["magnesium"]["mg_per_day"] == 750.0);
  CHECK(json::parse(raw.body)["file"] == "upload");

  const Response noField = Serve(api, Request{form, Multipart("photo", "x.jpg", photo), {}});
  CHECK(noField.status == 400);
  CHECK(json::parse(noField.body)["error"]["code"] == "no_image");
  const Response pdf = Serve(api, Request{form, Multipart("image", "doc.pdf", "%PDF-1.4 a document"), {}});
  CHECK(pdf.status == 415);
  CHECK(json::parse(pdf.body)["error"]["message"].get<std::string>().rfind("doc.pdf: ", 0) == 0);
  CHECK(Serve(api, Request{Head("POST", "/api/scan", "image/jpeg"), "", {}}).status == 400);
}

TEST_CASE("web api: a product's photos are refused by count, size and format, as a photo is", "[server]") {
  WebApiOptions o;
  o.maxUploadBytes = 4000;
  o.maxProductPhotos = 3;
  WebApi api(nullptr, nullptr, o);
  const RequestHead form = Head("POST", "/api/product", "multipart/form-data; boundary=XyZ");
  CHECK(api.Admit(form).work == Work::kScan);
  const std::string jpeg = "\xFF\xD8\xFF\xE0 not much of a photo";
  const Response four = Serve(api, Request{form, Multipart({{"image", "1.jpg", jpeg}, {"image", "2.jpg", jpeg},
                                                            {"image", "3.jpg", jpeg}, {"image", "4.jpg", jpeg}}), {}});
  CHECK(four.status == 400);
  CHECK(json::parse(four.body)["error"]["code"] == "too_many_photos");
  CHECK(json::parse(four.body)["error"]["message"] == "at most 3 photos of one product are read together");
  // The limit holds for all the photos together: a product is one upload.
  const Response big = Serve(api, Request{form, Multipart({{"image", "1.jpg", std::string(2100, 'a')},
                                                           {"image", "2.jpg", std::string(2100, 'a')}}), {}});
  CHECK(big.status == 413);
  // One bad photo among good ones refuses the request, naming it, before any reader is taken.
  WebApi roomy(nullptr, nullptr, {});
  const Response gif = Serve(roomy, Request{form, Multipart({{"image", "front.jpg", ReadSample("sample-phone-0006.jpg")},
                                                             {"image", "side.gif", kGif}}), {}});
  CHECK(gif.status == 415);
  CHECK(json::parse(gif.body)["error"]["code"] == "unsupported_format");
  CHECK(json::parse(gif.body)["error"]["message"].get<std::string>().rfind("side.gif: ", 0) == 0);
  const Response none = Serve(api, Request{form, Multipart("photo", "x.jpg", jpeg), {}});
  CHECK(none.status == 400);
  CHECK(json::parse(none.body)["error"]["code"] == "no_image");
  const Response get = Get(api, "/api/product");
  CHECK(get.status == 405);
  CHECK(Header(get, "Allow") == "POST");
}

TEST_CASE("web api: a GIF is unsupported_format (415), as batch calls it", "[server]") {
  WebApi api(nullptr, nullptr, {});
  const Response raw = Serve(api, Request{Head("POST", "/api/scan", "image/gif"), kGif, {}});
  CHECK(raw.status == 415);
  CHECK(json::parse(raw.body)["error"]["code"] == "unsupported_format");
  const RequestHead form = Head("POST", "/api/scan", "multipart/form-data; boundary=XyZ");
  const Response named = Serve(api, Request{form, Multipart("image", "anim.gif", kGif), {}});
  CHECK(named.status == 415);
  CHECK(json::parse(named.body)["error"]["code"] == "unsupported_format");
  CHECK(json::parse(named.body)["error"]["message"].get<std::string>().rfind("anim.gif: ", 0) == 0);
  // Not an image at all stays not_an_image.
  const Response text = Serve(api, Request{Head("POST", "/api/scan", "text/plain"), "just some words, no photo", {}});
  CHECK(text.status == 415);
  CHECK(json::parse(text.body)["error"]["code"] == "not_an_image");
}

TEST_CASE("web api: the photos of one pack make one product through a real reader", "[server]") {
  auto models = Models::Load(suppcheck::test::SourceModelsDir());
  REQUIRE(models);
  auto pool = ScannerPool::Create(1, *models, ScannerOptions{}, nullptr);
  REQUIRE(pool);
  WebApi api(pool->get(), nullptr, {});
  const RequestHead form = Head("POST", "/api/product", "multipart/form-data; boundary=XyZ");
  const std::string dir = "products/product-clean-0005/";
  // A phone names every photo "image.jpg": the product's files are told apart all the same.
  const Response r = Serve(api, Request{form, Multipart({{"image", "image.jpg", ReadSample(dir + "1-front.jpg")},
                                                         {"image", "image.jpg", ReadSample(dir + "2-back.jpg")},
                                                         {"image", "image.jpg", ReadSample(dir + "3-side.jpg")}}), {}});
  REQUIRE(r.status == 200);
  const json j = json::parse(r.body);
  CHECK(j["file"] == "image.jpg");
  CHECK(j["files"] == json::array({"image.jpg", "2-image.jpg", "3-image.jpg"}));
  CHECK(j["notification"]["status"] == "valid");
  CHECK(j["notification"]["number"] == "NUT/PL/AS 6586/3319");
  CHECK(j["notification"]["file"] == "3-image.jpg");
  CHECK(j["magnesium"]["mg_per_day"] == 360.0);
  CHECK(j["assessment"]["level"] == "above_noael");
  CHECK(j["coverage"]["to_photograph"].empty());
  for (const auto& e : j["magnesium"]["evidence"]) CHECK(e["file"] == "2-image.jpg");

  // The sides of two different products: two numbers, never one picked.
  const Response conflict =
      Serve(api, Request{form, Multipart({{"image", "a.jpg", ReadSample(dir + "3-side.jpg")},
                                          {"image", "b.jpg", ReadSample("products/product-clean-0007/3-side.jpg")}}), {}});
  REQUIRE(conflict.status == 200);
  const json c = json::parse(conflict.body);
  CHECK(c["notification"]["number"].is_null());
  const auto flags = c["assessment"]["flags"];
  CHECK(std::find(flags.begin(), flags.end(), "photos_disagree") != flags.end());
}

TEST_CASE("web api: every answer can carry nosniff and a CSP that allows no inline script", "[server]") {
  bool nosniff = false;
  std::string csp;
  for (const auto& [k, v] : SecurityHeaders()) {
    if (k == "X-Content-Type-Options") nosniff = v == "nosniff";
    if (k == "Content-Security-Policy") csp = v;
  }
  CHECK(nosniff);
  CHECK(csp.find("script-src 'self';") != std::string::npos);
  CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
}
