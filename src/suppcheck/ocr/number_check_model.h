#pragma once
// The second recognition model: Tesseract's English "best" LSTM model, fetched into
// models/tessdata by scripts/fetch-models.sh (models/tessdata/README.md). It reads one thing,
// the band of a notification number the first model's reads agreed on
// (scan/number_passes.cpp), so that a digit that model misreads the same way in every read is
// not reported `valid`. Optional: without it a scan checks the number with one model only.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/ocr/number_line_reads.h"
#include "suppcheck/ocr/tesseract_engine.h"

namespace suppcheck {

/// The model's Tesseract name: the file is <modelsDir>/tessdata/eng_best.traineddata.
inline constexpr const char* kNumberCheckLanguage = "eng_best";

/// Where the model file belongs for the models folder `modelsDir`.
std::filesystem::path NumberCheckModelFile(const std::filesystem::path& modelsDir);

/// Whether that file is there (a regular file).
bool NumberCheckModelInstalled(const std::filesystem::path& modelsDir);

/// The engine for the model of `modelsDir`; null when the file is not there or does not load.
std::unique_ptr<TesseractEngine> LoadNumberCheckModel(const std::filesystem::path& modelsDir);

/// What the second model reads in `band` instead of `agreed` (the number the first model's reads
/// agreed on, `first` the finding they started from), when it clearly reads another number:
/// two of its reads, at different sizes, each a clean valid number other than `agreed`.
/// Nothing when it reads `agreed`, no number, or a number whose product a space split or a '%'
/// ended.
std::optional<std::string> SecondModelReadsOtherwise(TesseractEngine& checker, const PreparedImage& image,
                                                     const Box& band, const Vocabulary& vocab,
                                                     const NumberFinding& first, const std::string& agreed,
                                                     const CropSink& sink = {});

}  // namespace suppcheck
