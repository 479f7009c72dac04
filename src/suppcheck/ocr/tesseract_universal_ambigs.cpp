#include "suppcheck/ocr/tesseract_universal_ambigs.h"

#include <dlfcn.h>

#include <atomic>

// Tesseract's class, declared as far as its mangled name needs it (its header is not installed).
// The symbol is _ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_.
namespace tesseract {
class UNICHARSET;
class UnicharAmbigs {
 public:
  void LoadUniversal(const UNICHARSET& encoderSet, UNICHARSET* unicharset);
};
}  // namespace tesseract

namespace {

constexpr const char* kLoadUniversalSymbol = "_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_";

// Tesseract's own LoadUniversal, the next definition after this program's; a member function is
// called with its object as the first argument (Itanium C++ ABI).
using LoadUniversalFn = void (*)(tesseract::UnicharAmbigs*, const tesseract::UNICHARSET&, tesseract::UNICHARSET*);
LoadUniversalFn TesseractLoadUniversal() {
  static const auto fn = reinterpret_cast<LoadUniversalFn>(dlsym(RTLD_NEXT, kLoadUniversalSymbol));
  return fn;
}

thread_local int skipDepth = 0;
std::atomic<long> skipped{0};

}  // namespace

void tesseract::UnicharAmbigs::LoadUniversal(const UNICHARSET& encoderSet, UNICHARSET* unicharset) {
  if (skipDepth > 0) {
    ++skipped;
    return;
  }
  if (const LoadUniversalFn own = TesseractLoadUniversal()) own(this, encoderSet, unicharset);
}

namespace suppcheck {

SkipUniversalAmbigs::SkipUniversalAmbigs() { ++skipDepth; }
SkipUniversalAmbigs::~SkipUniversalAmbigs() { --skipDepth; }

bool UniversalAmbigsInterposed() {
  // The symbol Tesseract resolves is the first in the global scope: this program's when exported.
  // Tesseract's own is the next one after it.
  const void* global = dlsym(RTLD_DEFAULT, kLoadUniversalSymbol);
  return global != nullptr && global != reinterpret_cast<const void*>(TesseractLoadUniversal());
}

long UniversalAmbigsSkipped() { return skipped.load(); }

}  // namespace suppcheck
