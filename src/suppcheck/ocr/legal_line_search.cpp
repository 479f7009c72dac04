#include "suppcheck/ocr/legal_line_search.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/image/ink_row_fit.h"
#include "suppcheck/image/region_render.h"

namespace suppcheck {

namespace {

// Bands searched at most: each costs one single-line read.
constexpr size_t kMaxBands = 8;

// The words of the legal text (models/vocabulary.json `legal_line_words`), folded, matched as
// whole words, prefixes (4+ letters) or endings (6+ letters).
bool HasWord(const std::string& f, std::string_view word) {
  for (size_t at = f.find(word); at != std::string::npos; at = f.find(word, at + 1)) {
    // Long words may end a longer one ("Kerkstraat"); short ones stand alone ("NV", "Tel").
    const bool startOk = at == 0 || !std::isalpha(static_cast<unsigned char>(f[at - 1])) || word.size() >= 6;
    const size_t end = at + word.size();
    const bool endOk = end >= f.size() || !std::isalpha(static_cast<unsigned char>(f[end])) || word.size() >= 4;
    if (startOk && endOk) return true;
  }
  return false;
}

// The dark pixels of `gray` after Otsu's split; sets `lightPrint` when they are most of it (light
// print on a dark ground).
cv::Mat OtsuDark(const cv::Mat& gray, bool& lightPrint) {
  cv::Mat dark;
  cv::threshold(gray, dark, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  lightPrint = cv::countNonZero(dark) * 2 > dark.rows * dark.cols;
  return dark;
}

// Light print on a dark ground (most of the crop dark after Otsu's split) is turned dark on
// light: a single-line read of a white number on a dark label returns nothing or fragments,
// where the same crop inverted reads (seed 25417 hard-0026, 'NUT 362 / 509' in a white box).
void DarkOnLight(cv::Mat& crop) {
  if (crop.type() != CV_8UC1) return;
  bool lightPrint = false;
  OtsuDark(crop, lightPrint);
  if (lightPrint) cv::bitwise_not(crop, crop);
}

// Whether `text` has a digit, a slash and a digit, spaces aside ("9/6", "149 / 6").
bool HasDigitsAroundSlash(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '/') continue;
    size_t a = i, b = i + 1;
    while (a > 0 && text[a - 1] == ' ') --a;
    while (b < text.size() && text[b] == ' ') ++b;
    if (a > 0 && std::isdigit(static_cast<unsigned char>(text[a - 1])) && b < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[b])))
      return true;
  }
  return false;
}

// Whether the page pass already read all the ink in `band`: every dark pixel of it lies in the
// box of a confident line one row high (the row itself, or the descenders and ascenders of the
// rows above and below reaching into a band between them). Reading such a band again gives that
// line again, or garbage; at 0.3-1.4 s a read (a line some 2000 pixels long once enlarged), the
// bands around the legal text of a label without a number cost 1-8 s (seed 74219 clean-0002: 4
// reads, 5.6 s, every one of rows read before). A row the page pass dropped, merged with
// another (a line two rows high is no proof) or left partly unread (a number after the address,
// beyond a gap) has ink outside such boxes, and is read. So has a line that may be the number
// garbled: digits around a slash, in a line not recognised as an address or a lot line ("Non.
// muria9/6 41" for "Notif.: NUT149/6", seed 60493 hard-0033).
bool BandAlreadyRead(const cv::Mat& gray, const Box& band, const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  const cv::Rect r = cv::Rect(band.x, band.y, band.w, band.h) & cv::Rect(0, 0, gray.cols, gray.rows);
  if (r.width < 8 || r.height < 8) return true;
  bool lightPrint = false;
  cv::Mat ink = OtsuDark(gray(r), lightPrint);
  if (lightPrint) cv::bitwise_not(ink, ink);
  const int glyph = std::max(4, band.h * 2 / 3);  // a band is a glyph and a half high
  constexpr float kConfident = 75;
  for (const TextLine& line : lines) {
    const Box& b = line.box;
    if (b.empty() || b.VerticalOverlap(band) == 0) continue;
    if (b.h > 3 * MedianWordHeight(line) / 2 || line.MeanConfidenceOf(0, line.text.size()) < kConfident) continue;
    if (HasDigitsAroundSlash(line.text) && !IsLegalTextLine(line.text, vocab)) continue;
    const int pad = std::max(2, glyph / 6);
    const cv::Rect read = cv::Rect(b.x - glyph / 2 - r.x, b.y - pad - r.y, b.w + glyph, b.h + 2 * pad) &
                          cv::Rect(0, 0, r.width, r.height);
    if (!read.empty()) ink(read).setTo(0);
  }
  cv::Mat columns;
  cv::reduce(ink, columns, 0, cv::REDUCE_SUM, CV_32S);
  int unread = 0;
  for (int x = 0; x < r.width; ++x) unread += columns.at<int>(0, x) >= 2 * 255;
  return unread <= glyph;
}

}  // namespace

bool IsLegalTextLine(const std::string& text, const Vocabulary& vocab) {
  const std::string f = FoldForMatching(text).text;
  for (const auto& w : vocab.legalAddressWords)
    if (HasWord(f, w)) return true;
  for (const auto& w : vocab.legalLotWords)
    if (HasWord(f, w)) return true;
  return false;
}

std::vector<Box> BandsNearLegalLines(const std::vector<TextLine>& lines, const cv::Size& limit, const Vocabulary& vocab) {
  std::vector<Box> bands;
  for (const auto& line : lines) {
    if (line.box.empty() || !IsLegalTextLine(line.text, vocab)) continue;
    const int h = std::max(6, MedianWordHeight(line));
    const int x0 = std::max(0, line.box.x - h), x1 = std::min(limit.width, line.box.right() + 8 * h);
    std::vector<int> tops;
    // A line box more than two glyphs high holds rows the page-level pass merged ("NUT 7/198"
    // tight under the address came back as "ae 198) Kerkstraat ..."): every row inside it first,
    // one glyph apart so that one of the bands sits on each row whatever the leading.
    if (line.box.h > 2 * h)
      for (int y = line.box.y + h - h / 6; y + h / 2 < line.box.bottom(); y += h / 2) tops.push_back(y);
    // Then below: the number most often follows the address; then above.
    tops.push_back(line.box.bottom() - h / 6);
    tops.push_back(line.box.y - h - h / 2 + h / 6);
    for (int y : tops) {
      const int y0 = std::clamp(y, 0, limit.height), y1 = std::clamp(y + h + h / 2, 0, limit.height);
      if (y1 - y0 >= 6 && x1 - x0 >= 6) bands.push_back({x0, y0, x1 - x0, y1 - y0});
    }
    if (bands.size() >= kMaxBands) break;
  }
  return bands;
}

std::optional<TextLine> FindDroppedNumberLine(TesseractEngine& engine, const PreparedImage& image,
                                              const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  std::vector<Box> bands = BandsNearLegalLines(lines, image.gray.size(), vocab);
  // Then the same bands fitted to the row of text with the most ink in them: where the page pass
  // merged the number's row with the address above it (motion blur joined their words: "Non.
  // muria9/6 41, 9000 Gent" for "Notif.: NUT149/6" under "VitaPlus NV, Kerkstraat 41, 9000
  // Gent", seed 60493 hard-0033), the word heights are those of two rows and every band holds a
  // slice of the address; the fitted band holds the number's row alone and reads. Only bands the
  // fit changed, once each: they cost a read only when no number was found otherwise.
  const size_t unfitted = bands.size();
  for (size_t i = 0; i < unfitted; ++i) {
    const Box band = bands[i];  // a copy: the vector grows below
    int x1 = band.right(), y0 = band.y, y1 = band.bottom();
    FitBandToInkRow(image.gray, band, x1, y0, y1);
    const Box fitted{band.x, y0, x1 - band.x, y1 - y0};
    if (fitted.w < 8 || fitted.h < 8 || std::abs(fitted.h - band.h) * 5 < band.h) continue;
    const auto same = [&](const Box& b) { return std::abs(b.y - fitted.y) * 5 < fitted.h && std::abs(b.h - fitted.h) * 5 < fitted.h &&
                                                 b.x == fitted.x; };
    if (std::none_of(bands.begin(), bands.end(), same)) bands.push_back(fitted);
  }
  std::erase_if(bands, [&](const Box& band) { return BandAlreadyRead(image.gray, band, lines, vocab); });
  auto found = ReadNumberLineInBands(engine, image, bands, vocab);
  if (!found) return std::nullopt;
  return std::move(found->line);
}

std::optional<BandLine> ReadNumberLineInBands(TesseractEngine& engine, const PreparedImage& image,
                                              const std::vector<Box>& bands, const Vocabulary& vocab) {
  for (const Box& band : bands) {
    const double f = std::clamp(64.0 / band.h, 0.5, 4.0);  // the band is 1.5 glyphs high: glyphs near 40 px
    cv::Mat crop = RenderRegion(image, band, f);
    if (crop.empty()) continue;
    DarkOnLight(crop);
    const int border = 12;
    cv::copyMakeBorder(crop, crop, border, border, border, border, cv::BORDER_REPLICATE);
    std::vector<OcrWord> words = engine.Recognize(crop, PageMode::SingleLine);
    for (auto& w : words) {
      w.box = FromRendered(w.box, band, f, border);
      w.lineId = 0;
    }
    auto built = BuildLines(words);
    if (built.size() != 1) continue;
    const auto found = FindNumberCandidates(built, vocab);
    if (!found.empty() && found.front().categoryAnchored) return BandLine{built.front(), band};
  }
  return std::nullopt;
}

}  // namespace suppcheck
