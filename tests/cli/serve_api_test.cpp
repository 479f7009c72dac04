// `suppcheck serve` over real HTTP on 127.0.0.1: the real binary, a free port, real uploads.

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "support/serve_process.h"
#include "support/suppcheck_binary.h"

using namespace suppcheck::test;
using nlohmann::json;

namespace {

using Server = ServeProcess;

httplib::MultipartFormDataItems Upload(const std::string& content, const std::string& name = "label.jpg") {
  return {{"image", content, name, "image/jpeg"}};
}

}  // namespace

TEST_CASE("serve: the page, health, a typed number", "[serve]") {
  Server server({"--workers", "1"});
  auto c = server.Client();
  auto page = c.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  CHECK(page->body.find("<select id=\"lang\"") != std::string::npos);
  CHECK(page->body.find("capture=\"environment\"") != std::string::npos);
  CHECK(page->body.find("https://") == std::string::npos);  // no CDN, nothing external
  auto health = c.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  auto number = c.Get("/api/number/nut%2Fas162%2F597");
  REQUIRE(number);
  const json n = json::parse(number->body);
  CHECK(n["status"] == "valid");
  CHECK(n["number"] == "NUT/AS 162/597");
  CHECK(json::parse(c.Get("/api/number/NUT%2012345%2F6")->body)["status"] == "invalid");
  CHECK(server.Stop() == 0);  // Ctrl-C stops it cleanly
}

TEST_CASE("serve: a photo as multipart or raw bytes gives the report JSON", "[serve]") {
  Server server({"--workers", "1"});
  auto c = server.Client();
  const std::string photo = ReadFile(Sample("sample-phone-0006.jpg"));
  auto res = c.Post("/api/scan", Upload(photo, "shelf photo.jpg"));
  REQUIRE(res);
  CHECK(res->status == 200);
  json j = json::parse(res->body);
  CHECK(j["ok"] == true);
  CHECK(j["file"] == "shelf photo.jpg");
  CHECK(j["notification"]["number"] == "NUT 67/9");
  CHECK(j["notification"]["box"].size() == 4);
  CHECK(j["assessment"]["level"] == "above_noael");
  res = c.Post("/api/scan", photo, "image/jpeg");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json::parse(res->body)["magnesium"]["mg_per_day"] == 750.0);
}

TEST_CASE("serve: limits answer with clear JSON errors", "[serve]") {
  Server server({"--workers", "1", "--max-upload-mb", "1"});
  auto c = server.Client();
  auto notImage = c.Post("/api/scan", Upload("%PDF-1.4 a document", "doc.pdf"));
  REQUIRE(notImage);
  CHECK(notImage->status == 415);
  CHECK(json::parse(notImage->body)["error"]["code"] == "not_an_image");
  auto tooLarge = c.Post("/api/scan", std::string(3 << 20, '\xFF'), "image/jpeg");
  REQUIRE(tooLarge);
  CHECK(tooLarge->status == 413);
  CHECK(json::parse(tooLarge->body)["error"]["code"] == "too_large");
  auto noField = c.Post("/api/scan", httplib::MultipartFormDataItems{{"photo", "x", "x.jpg", "image/jpeg"}});
  REQUIRE(noField);
  CHECK(noField->status == 400);
  auto missing = c.Get("/nothing-here");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(json::parse(missing->body)["error"]["code"] == "not_found");
}

TEST_CASE("serve: more photos than readers and queue get 503, and the server stays up", "[serve]") {
  Server server({"--workers", "1", "--max-queue", "0"});
  const std::string photo = ReadFile(Sample("sample-phone-0004.jpg"));
  std::vector<std::future<int>> answers;
  for (int i = 0; i < 4; ++i)
    answers.push_back(std::async(std::launch::async, [&] {
      auto c = server.Client();
      auto r = c.Post("/api/scan", Upload(photo));
      return r ? r->status : -1;
    }));
  int ok = 0, busy = 0;
  for (auto& a : answers) {
    const int status = a.get();
    ok += status == 200;
    busy += status == 503;
  }
  CHECK(ok >= 1);
  CHECK(busy >= 1);
  CHECK(ok + busy == 4);
  auto health = server.Client().Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}
