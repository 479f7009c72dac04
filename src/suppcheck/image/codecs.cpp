#include "suppcheck/image/codecs.h"

#include <dlfcn.h>

#include <mutex>

namespace suppcheck::codecs {

namespace {

using DecodeFn = cv::Mat (*)(cv::InputArray, int);
using WriteFn = bool (*)(const cv::String&, cv::InputArray, const std::vector<int>&);
using EncodeFn = bool (*)(const cv::String&, cv::InputArray, std::vector<uchar>&, const std::vector<int>&);

struct Library {
  DecodeFn decode = nullptr;
  WriteFn write = nullptr;
  EncodeFn encode = nullptr;
  std::string error;
};

const Library& Loaded() {
  static Library lib;
  static std::once_flag once;
  std::call_once(once, [] {
    // RTLD_GLOBAL, and the symbols from the global scope: an LD_PRELOAD'ed stand-in comes first.
    if (!dlopen(SUPPCHECK_IMGCODECS_SONAME, RTLD_NOW | RTLD_GLOBAL)) {
      const char* e = dlerror();
      lib.error = std::string("cannot load ") + SUPPCHECK_IMGCODECS_SONAME + (e ? std::string(": ") + e : "");
      return;
    }
    lib.decode = reinterpret_cast<DecodeFn>(dlsym(RTLD_DEFAULT, "_ZN2cv8imdecodeERKNS_11_InputArrayEi"));
    lib.write = reinterpret_cast<WriteFn>(dlsym(
        RTLD_DEFAULT,
        "_ZN2cv7imwriteERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEERKNS_11_InputArrayERKSt6vectorIiSaIiEE"));
    lib.encode = reinterpret_cast<EncodeFn>(
        dlsym(RTLD_DEFAULT,
              "_ZN2cv8imencodeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEERKNS_11_InputArrayERSt6vectorIhSaIhEERKSB_"
              "IiSaIiEE"));
    if (!lib.decode || !lib.write || !lib.encode)
      lib.error = std::string(SUPPCHECK_IMGCODECS_SONAME) + " lacks imdecode, imwrite or imencode";
  });
  return lib;
}

template <typename Fn>
Fn Get(Fn Library::*fn, const char* name) {
  const Library& lib = Loaded();
  if (!(lib.*fn)) cv::error(cv::Error::StsError, lib.error, name, __FILE__, __LINE__);
  return lib.*fn;
}

}  // namespace

cv::Mat Decode(const cv::Mat& bytes, int flags) { return Get(&Library::decode, "imdecode")(bytes, flags); }

bool Write(const std::string& path, const cv::Mat& image, const std::vector<int>& params) {
  return Get(&Library::write, "imwrite")(path, image, params);
}

bool Encode(const std::string& ext, const cv::Mat& image, std::vector<uchar>& out, const std::vector<int>& params) {
  return Get(&Library::encode, "imencode")(ext, image, out, params);
}

}  // namespace suppcheck::codecs
