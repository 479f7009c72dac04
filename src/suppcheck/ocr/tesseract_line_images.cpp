#include "suppcheck/ocr/tesseract_line_images.h"

#include <dlfcn.h>

#include <cstring>

#include <leptonica/allheaders.h>

namespace {

using PixWriteMemFn = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);

// Leptonica's own pixWriteMem, the next definition after this program's.
PixWriteMemFn LeptonicaPixWriteMem() {
  static const auto fn = reinterpret_cast<PixWriteMemFn>(dlsym(RTLD_NEXT, "pixWriteMem"));
  return fn;
}

// Whether `address` lies in libtesseract: only its line images are kept uncompressed; a caller
// that asks leptonica for PNG bytes to keep gets PNG.
bool InTesseract(const void* address) {
  Dl_info info{};
  return dladdr(address, &info) != 0 && info.dli_fname != nullptr && std::strstr(info.dli_fname, "libtesseract") != nullptr;
}

}  // namespace

extern "C" l_ok pixWriteMem(l_uint8** pdata, size_t* psize, PIX* pix, l_int32 format) {
  if (format == IFF_PNG && InTesseract(__builtin_return_address(0))) return pixWriteMemSpix(pdata, psize, pix);
  const PixWriteMemFn leptonica = LeptonicaPixWriteMem();
  return leptonica != nullptr ? leptonica(pdata, psize, pix, format) : 1;
}

namespace suppcheck {

bool LineImagesStayUncompressed() {
  // The symbol Tesseract resolves is the first in the global scope: this program's when exported.
  const void* global = dlsym(RTLD_DEFAULT, "pixWriteMem");
  return global != nullptr && global == reinterpret_cast<const void*>(&pixWriteMem);
}

}  // namespace suppcheck
