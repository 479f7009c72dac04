#include "suppcheck/version.h"

#include <curl/curl.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <memory>
#include <opencv2/core/version.hpp>

#include "suppcheck/ocr/number_check_model.h"
#include "suppcheck/util/models_dir.h"

namespace suppcheck {

const char* Version() { return SUPPCHECK_VERSION; }

std::string VersionReport() {
  std::string out = std::string("suppcheck ") + Version() + "\n";
  out += std::string("tesseract ") + tesseract::TessBaseAPI::Version() + "\n";
  char* lept = getLeptonicaVersion();
  out += std::string(lept ? lept : "leptonica ?") + "\n";
  lept_free(lept);
  out += std::string("opencv ") + CV_VERSION + "\n";
  out += std::string("libcurl ") + curl_version_info(CURLVERSION_NOW)->version + "\n";
  // Whether scans check the number with the second model (ocr/number_check_model.h).
  const auto models = ResolveModelsDir("");
  if (models && NumberCheckModelInstalled(*models))
    out += "number check model: " + NumberCheckModelFile(*models).string() + "\n";
  else
    out += "number check model: not installed (scripts/fetch-models.sh); numbers are checked by one model only\n";
  return out;
}

}  // namespace suppcheck
