// A stand-in for a decoder bug, for the batch crash tests (issue 13): LD_PRELOAD'ed into the real
// binary, it replaces cv::imdecode and dies with SIGSEGV on any image holding the marker below
// (e.g. in a JPEG comment); every other image goes to the real cv::imdecode.

#include <dlfcn.h>

#include <csignal>
#include <string_view>

#include <opencv2/imgcodecs.hpp>

namespace cv {

Mat imdecode(InputArray buf, int flags) {
  const Mat bytes = buf.getMat();
  const std::string_view data(reinterpret_cast<const char*>(bytes.data), bytes.total() * bytes.elemSize());
  if (data.find("SUPPCHECK-TEST-CRASH") != std::string_view::npos) std::raise(SIGSEGV);
  using Real = Mat (*)(InputArray, int);
  static const auto real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "_ZN2cv8imdecodeERKNS_11_InputArrayEi"));
  return real(buf, flags);
}

}  // namespace cv
