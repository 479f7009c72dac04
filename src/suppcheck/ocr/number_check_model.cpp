#include "suppcheck/ocr/number_check_model.h"

#include <cctype>
#include <string>
#include <system_error>

namespace suppcheck {

std::filesystem::path NumberCheckModelFile(const std::filesystem::path& modelsDir) {
  return modelsDir / "tessdata" / (std::string(kNumberCheckLanguage) + ".traineddata");
}

bool NumberCheckModelInstalled(const std::filesystem::path& modelsDir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(NumberCheckModelFile(modelsDir), ec);
}

std::unique_ptr<TesseractEngine> LoadNumberCheckModel(const std::filesystem::path& modelsDir) {
  // Checked first: Tesseract prints its own error on stderr for a missing file.
  if (!NumberCheckModelInstalled(modelsDir)) return nullptr;
  auto engine = TesseractEngine::Create(NumberCheckModelFile(modelsDir).parent_path().string(), kNumberCheckLanguage);
  if (!engine) return nullptr;
  return std::move(*engine);
}

namespace {

// The sizes the second model reads the band at, in order: the second and third only when the first
// read another number. Measured on 343 numbers the fast model's reads agreed on (the 10 dev label
// sets and five looked-at seeds; 2 of them wrong, both read right by the best model at every size):
// one read at 20, 24, 28, 32 or 40 px stood against 7, 5, 6, 6 and 10 right numbers (larger
// renderings make it repeat a digit, "7860/5221" for a clean "7860/521"); two of the three reads
// at 20, 24 and 28 px against 3. The remaining ones are the best model's own steady misreads (a
// serif 4 read 1 at every size: kept since session 22 by its glyph's twin on the line,
// ocr/number_glyph_likeness.h).
constexpr double kCheckGlyphHeights[] = {20, 24, 28};

// `longer` is `shorter` with one digit written once more beside itself ("NUT 2522/8209" and
// "NUT 252/8209"): the best model's LSTM repeats a digit at some sizes (5 numbers of the dev sets
// and samples, 3 of them clean prints) and merges a digit printed twice at others (products seed
// 81429 phone-0015: "AS 3686/66" for a sharp "AS 3686/666"), so such a read says nothing against
// the agreed number. (A fast read that gained or lost a repeated digit is not caught this way;
// none of the fast model's wrong numbers measured so far was one.)
bool OneDigitRepeatedMore(const std::string& longer, const std::string& shorter) {
  if (longer.size() != shorter.size() + 1) return false;
  for (size_t i = 1; i < longer.size(); ++i) {
    if (longer[i] != longer[i - 1] || !std::isdigit(static_cast<unsigned char>(longer[i]))) continue;
    if (longer.compare(0, i, shorter, 0, i) == 0 && longer.compare(i + 1, std::string::npos, shorter, i) == 0)
      return true;
  }
  return false;
}

// A read that clearly says another number: valid, whole (not split by a space, not ended by a '%',
// not cut at its start), not `agreed` and not `agreed` with a digit repeated once more or less.
bool ReadsOtherwise(const NumberFinding& read, const std::string& agreed) {
  const std::string& other = read.number.canonical;
  return read.number.valid() && read.digitsAfter.empty() && !read.endGarbled && !read.startCut && other != agreed &&
         !OneDigitRepeatedMore(other, agreed) && !OneDigitRepeatedMore(agreed, other);
}

}  // namespace

std::optional<std::string> SecondModelReadsOtherwise(TesseractEngine& checker, const PreparedImage& image,
                                                     const Box& band, const Vocabulary& vocab,
                                                     const NumberFinding& first, const std::string& agreed,
                                                     const CropSink& sink) {
  int against = 0;
  std::string other;
  for (const double h : kCheckGlyphHeights) {
    const NumberFinding read = CheckReadNumberBand(checker, image, band, vocab, first, h, sink);
    if (ReadsOtherwise(read, agreed)) {
      ++against;
      if (other.empty()) other = read.number.canonical;
    }
    if (against == 0 || against >= 2) break;  // it agrees (or says nothing), or it has settled
  }
  if (against >= 2) return other;
  return std::nullopt;
}

}  // namespace suppcheck
