// The multipart/form-data reader of the web API: what browsers and curl send, and broken bodies.

#include <catch2/catch.hpp>

#include "suppcheck/server/multipart.h"

using namespace suppcheck::server;

TEST_CASE("multipart: the boundary from the content type", "[server]") {
  CHECK(MultipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryAbc") == "----WebKitFormBoundaryAbc");
  CHECK(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\"") == "a b;c");
  CHECK(MultipartBoundary("image/jpeg") == "");
  CHECK(MultipartBoundary("multipart/form-data") == "");
}

TEST_CASE("multipart: parts with names, file names and content", "[server]") {
  const std::string body =
      "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
      "--b\r\ncontent-disposition: form-data; name=\"image\"; filename=\"shelf; photo \\\"1\\\".jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n\xFF\xD8\r\n--b-not-yet\r\n--b--\r\n";
  const auto parts = ParseMultipart(body, "b");
  REQUIRE(parts);
  REQUIRE(parts->size() == 2);
  CHECK((*parts)[0].name == "note");
  CHECK((*parts)[0].filename.empty());
  CHECK((*parts)[0].content == "hello");
  CHECK((*parts)[1].name == "image");
  CHECK((*parts)[1].filename == "shelf; photo \"1\".jpg");
  CHECK((*parts)[1].content == "\xFF\xD8\r\n--b-not-yet");
}

TEST_CASE("multipart: broken bodies are refused, never read past their end", "[server]") {
  CHECK_FALSE(ParseMultipart("", "b"));
  CHECK_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", "b"));
  CHECK_FALSE(ParseMultipart("--b\r\nno blank line", "b"));
  CHECK_FALSE(ParseMultipart("--bX", "b"));
  CHECK_FALSE(ParseMultipart("--b\r\n\r\nx", ""));
  std::string many;
  for (int i = 0; i < 100; ++i) many += "--b\r\n\r\nx\r\n";
  CHECK_FALSE(ParseMultipart(many + "--b--", "b"));  // more parts than a form has
  const auto empty = ParseMultipart("--b\r\n\r\n\r\n--b--", "b");
  REQUIRE(empty);
  REQUIRE(empty->size() == 1);
  CHECK(empty->front().content.empty());
}
