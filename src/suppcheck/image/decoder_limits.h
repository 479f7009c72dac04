#pragma once
// OpenCV's own pixel limit, a second line behind the header check of image_header: if a header
// ever reads smaller than what the decoder sees, the decoder still refuses to allocate more.
//
// OpenCV 4.6 reads OPENCV_IO_MAX_IMAGE_PIXELS once, into a static of libopencv_imgcodecs that is
// initialised when the library is loaded: at the first decode (image/codecs.h loads it then), or
// before main() runs in a program that links it. The program sets it and re-executes itself (as
// for OMP_THREAD_LIMIT, see src/cli/main.cpp), which holds either way.
// tests/unit/decoder_limits_test.cpp checks that OpenCV honours it.

#include <cstdint>

namespace suppcheck {

/// The variable OpenCV reads its pixel limit from.
inline constexpr const char* kDecoderPixelLimitVariable = "OPENCV_IO_MAX_IMAGE_PIXELS";

/// True when the environment already asks OpenCV for a limit of at most `maxPixels`.
bool DecoderPixelLimitInEnvironment(uint64_t maxPixels);

/// Puts `maxPixels` in the environment for OpenCV (effective in a process started after this).
void SetDecoderPixelLimitInEnvironment(uint64_t maxPixels);

}  // namespace suppcheck
