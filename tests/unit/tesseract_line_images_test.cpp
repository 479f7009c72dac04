// Tesseract's line images kept uncompressed (ocr/tesseract_line_images.h): this program's
// pixWriteMem is the one the libraries call, and leptonica still writes PNG for anyone else.

#include <catch2/catch.hpp>

#include <cstring>

#include <leptonica/allheaders.h>

#include "suppcheck/ocr/tesseract_line_images.h"

using namespace suppcheck;

TEST_CASE("the program's pixWriteMem is the one Tesseract resolves", "[ocr]") {
  CHECK(LineImagesStayUncompressed());
}

TEST_CASE("a PNG asked for outside Tesseract is still a PNG, and reads back to the same pixels", "[ocr]") {
  PIX* pix = pixCreate(40, 20, 8);
  pixSetAllArbitrary(pix, 200);
  pixSetPixel(pix, 3, 4, 17);
  l_uint8* data = nullptr;
  size_t size = 0;
  REQUIRE(pixWriteMem(&data, &size, pix, IFF_PNG) == 0);
  REQUIRE(size > 8);
  CHECK(std::memcmp(data + 1, "PNG", 3) == 0);
  PIX* back = pixReadMem(data, size);
  REQUIRE(back != nullptr);
  l_int32 same = 0;
  pixEqual(pix, back, &same);
  CHECK(same == 1);
  pixDestroy(&back);
  lept_free(data);
  pixDestroy(&pix);
}
