// The library's web server in-process: the WebApi behind a real HttpServer on 127.0.0.1 (a free
// port), asked by a real HTTP client, with a real photo read by a real pool of readers. The
// command `serve` only parses options and wires these two together.

#include "support/test_paths.h"
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"
#include "suppcheck/scanner_pool.h"
#include "suppcheck/server/http_server.h"
#include "suppcheck/server/web_api.h"

using namespace suppcheck;
using namespace suppcheck::server;
using nlohmann::json;

namespace {

// One warm reader, as `serve --workers 1` has.
std::unique_ptr<ScannerPool> OneReader() {
  auto models = Models::Load(suppcheck::test::SourceModelsDir());
  REQUIRE(models);
  auto pool = ScannerPool::Create(1, *models, ScannerOptions{}, nullptr);
  REQUIRE(pool);
  return std::move(*pool);
}

std::unique_ptr<HttpServer> StartOnFreePort(WebApi& api) {
  HttpServerOptions o;
  o.port = 0;
  auto server = HttpServer::Start(api, o);
  REQUIRE(server);
  REQUIRE((*server)->port() > 0);
  return std::move(*server);
}

}  // namespace

TEST_CASE("http server: routes, errors and a typed number over real HTTP", "[server]") {
  WebApiOptions limits;
  limits.maxUploadBytes = 1000;
  WebApi api(nullptr, nullptr, limits);
  auto server = StartOnFreePort(api);
  httplib::Client client("127.0.0.1", server->port());

  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->get_header_value("Content-Type") == "application/json");
  CHECK(json::parse(health->body)["status"] == "ok");

  auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<script src=\"app.js\"></script>") != std::string::npos);

  auto number = client.Get("/api/number/nut%2Fas162%2F597");
  REQUIRE(number);
  CHECK(json::parse(number->body)["number"] == "NUT/AS 162/597");

  auto missing = client.Get("/nothing-here");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(json::parse(missing->body)["error"]["code"] == "not_found");

  auto wrongMethod = client.Delete("/api/scan");
  REQUIRE(wrongMethod);
  CHECK(wrongMethod->status == 405);
  CHECK(wrongMethod->get_header_value("Allow") == "POST");

  // Not a photo: refused by its first bytes (the body is under the upload limit).
  auto text = client.Post("/api/scan", std::string(200, 'x'), "image/jpeg");
  REQUIRE(text);
  CHECK(text->status == 415);
  CHECK(json::parse(text->body)["error"]["code"] == "not_an_image");

  // Larger than the limit: 413 from the declared length, before the body is read.
  auto large = client.Post("/api/scan", std::string(1001, '\xFF'), "image/jpeg");
  REQUIRE(large);
  CHECK(large->status == 413);
  CHECK(json::parse(large->body)["error"]["code"] == "too_large");

  // Stopped: nothing answers on the port any more.
  const int port = server->port();
  server->Stop();
  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(std::chrono::seconds(2));
  CHECK_FALSE(after.Get("/healthz"));
}

TEST_CASE("http server: a photo read by a real reader, sent as multipart over HTTP", "[server]") {
  auto pool = OneReader();
  WebApi api(pool.get(), nullptr, {});
  auto server = StartOnFreePort(api);
  httplib::Client client("127.0.0.1", server->port());
  client.set_read_timeout(std::chrono::seconds(120));

  httplib::MultipartFormDataItems form = {{"image", suppcheck::test::ReadFile(suppcheck::test::SourceDir() + "/samples/sample-phone-0006.jpg"), "shelf photo.jpg", "image/jpeg"}};
  auto r = client.Post("/api/scan", form);
  REQUIRE(r);
  CHECK(r->status == 200);
  const json j = json::parse(r->body);
  CHECK(j["file"] == "shelf photo.jpg");
  CHECK(j["ok"] == true);
  CHECK(j["notification"]["number"] == "NUT 67/9");
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(json::parse(health->body)["workers"] == 1);
  CHECK(json::parse(health->body)["busy"] == 0);
}
