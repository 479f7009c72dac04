#pragma once
// OpenCV's image codecs (libopencv_imgcodecs), loaded the first time one is used.
//
// Debian's libopencv_imgcodecs brings GDAL and GDCM with it, about 90 shared libraries whose
// loading, symbol binding and initialisers (GDCM builds its DICOM dictionary) took 170 ms of CPU
// time at every start of the program: twice per run, since cli/main.cpp re-executes itself, and
// also for commands that decode no image. Loaded here on first use, they cost it once, in the
// process that decodes. The functions are OpenCV's own (same library, same code), so images
// decode to the same pixels. A decoder interposed with LD_PRELOAD (the crash tests) is still the
// one called: the symbols are looked up in the global scope.

#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>  // the flag constants (cv::IMREAD_COLOR, cv::IMWRITE_...)

namespace suppcheck::codecs {

/// cv::imdecode. Throws cv::Exception as it does, also when the library cannot be loaded.
cv::Mat Decode(const cv::Mat& bytes, int flags);

/// cv::imwrite.
bool Write(const std::string& path, const cv::Mat& image, const std::vector<int>& params = {});

/// cv::imencode.
bool Encode(const std::string& ext, const cv::Mat& image, std::vector<uchar>& out,
            const std::vector<int>& params = {});

}  // namespace suppcheck::codecs
