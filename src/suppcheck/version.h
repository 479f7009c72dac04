#pragma once

#include <string>

namespace suppcheck {

/// "0.1.0"
const char* Version();
/// Multi-line text for --version: suppcheck, Tesseract, Leptonica, OpenCV and libcurl versions.
std::string VersionReport();

}  // namespace suppcheck
