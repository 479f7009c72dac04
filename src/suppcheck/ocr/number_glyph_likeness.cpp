#include "suppcheck/ocr/number_glyph_likeness.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "suppcheck/ocr/number_line_reads.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// The glyph height the band is rendered at for the comparison: enough pixels for a glyph's
// shape, the size the number re-reads use.
constexpr double kGlyphHeight = 48;
// Glyphs are compared at this size, after each is cut to its own ink.
const cv::Size kPatch{20, 30};
// Two glyphs whose widths differ more than this are not the same glyph (a 1 beside a 7).
constexpr double kSameShape = 0.7;
// The doubted glyph must look like a glyph of the other reading's digit at least this much
// (correlation of the ink patches), and more than like any glyph of its own digit by this much.
// On the 204 numbers read right on the dev label sets (session 19), glyphs of two different
// digits on one line correlated at most 0.86 (a blurred 5 and 3); glyphs of one digit 0.6-1.0,
// 0.97 and more on clean photos. The misread 3 of 57419 phone-0036: 0.99 to the 3s, 0.60 to the 5.
constexpr double kLikeAnother = 0.9;
constexpr double kClearlyMore = 0.15;

// A digit's glyph cut to its ink: ink bright, zero mean, unit length. Empty when its box holds
// no ink.
cv::Mat GlyphPatch(const cv::Mat& ink, const cv::Mat& mask, const Box& b, double* aspect) {
  const cv::Rect r = cv::Rect(b.x, b.y, b.w, b.h) & cv::Rect(0, 0, ink.cols, ink.rows);
  if (r.width < 2 || r.height < 2) return {};
  cv::Mat m = mask(r);
  std::vector<cv::Point> pts;
  cv::findNonZero(m, pts);
  if (pts.size() < 6) return {};
  const cv::Rect tight = cv::boundingRect(pts) + r.tl();
  if (tight.width < 2 || tight.height < 4) return {};
  *aspect = static_cast<double>(tight.width) / tight.height;
  cv::Mat p;
  cv::resize(ink(tight), p, kPatch, 0, 0, cv::INTER_AREA);
  p.convertTo(p, CV_32F);
  cv::GaussianBlur(p, p, {3, 3}, 0);
  p -= cv::mean(p)[0];
  const double n = cv::norm(p);
  if (n <= 0) return {};
  return p / n;
}

}  // namespace

std::optional<UnlikeReading> FindUnlikeReadingOfAlikeGlyphs(const cv::Mat& gray, const std::vector<OcrWord>& glyphs,
                                                            const std::string& digits) {
  if (gray.empty() || digits.empty()) return std::nullopt;
  // The characters of the reading in order, spaces skipped.
  std::vector<const OcrWord*> chars;
  for (const auto& g : glyphs)
    if (g.text != " " && !g.box.empty()) chars.push_back(&g);
  std::string spelled;
  for (const auto* c : chars) spelled += c->text.size() == 1 ? c->text : std::string("?");
  // Where this reading spells the digits, one digit read otherwise at most (the slash in its
  // place): the only place. The character boxes there are the glyphs of `digits`.
  size_t at = std::string::npos, differs = std::string::npos;
  int places = 0;
  for (size_t p = 0; p + digits.size() <= spelled.size(); ++p) {
    size_t diff = std::string::npos;
    int n = 0;
    for (size_t i = 0; i < digits.size() && n <= 1; ++i)
      if (spelled[p + i] != digits[i]) {
        ++n;
        diff = i;
      }
    if (n > 1 || (n == 1 && !(IsAsciiDigit(digits[diff]) && IsAsciiDigit(spelled[p + diff])))) continue;
    // Not inside a longer run of digits: "1541/7006" does not spell "541/7006".
    if ((p > 0 && IsAsciiDigit(spelled[p - 1])) || (p + digits.size() < spelled.size() && IsAsciiDigit(spelled[p + digits.size()])))
      continue;
    ++places;
    at = p;
    differs = diff;
  }
  if (places != 1) return std::nullopt;
  // Only a digit this reading saw otherwise is in doubt: a glyph that the agreeing reads and
  // this one both read the same way is not questioned (alike digits such as 3 and 8 in a blur
  // are alike enough to make any likeness bar fail correct numbers).
  if (differs == std::string::npos) return std::nullopt;

  cv::Mat mask;
  cv::threshold(gray, mask, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat ink = 255 - gray;
  if (cv::countNonZero(mask) * 2 > static_cast<int>(mask.total())) {  // light print on a dark ground
    mask = 255 - mask;
    ink = gray.clone();
  }
  double aspect = 0;
  const cv::Mat doubt = GlyphPatch(ink, mask, chars[at + differs]->box, &aspect);
  if (doubt.empty()) return std::nullopt;
  const char readAs = digits[differs], other = spelled[at + differs];
  UnlikeReading r{std::string(1, readAs), std::string(1, other), -1, -1};
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i == differs || (digits[i] != readAs && digits[i] != other)) continue;
    double a = 0;
    const cv::Mat p = GlyphPatch(ink, mask, chars[at + i]->box, &a);
    if (p.empty()) continue;
    double s = doubt.dot(p);
    if (std::min(a, aspect) < kSameShape * std::max(a, aspect)) s = std::min(s, 0.0);
    double& best = digits[i] == readAs ? r.ownLikeness : r.likeness;
    best = std::max(best, s);
  }
  if (r.likeness < kLikeAnother || r.likeness < r.ownLikeness + kClearlyMore) return std::nullopt;
  return r;
}

std::optional<UnlikeReading> CheckNumberGlyphs(TesseractEngine& engine, const PreparedImage& image, const Box& band,
                                               const NotificationNumber& number) {
  if (band.empty() || !number.producer || !number.product) return std::nullopt;
  const cv::Mat crop = RenderNumberBand(image, band, BandGlyphHeight(band), kGlyphHeight, nullptr);
  if (crop.empty()) return std::nullopt;
  const auto glyphs = engine.RecognizeGlyphs(crop, PageMode::SingleLine, kNumberWhitelist);
  return FindUnlikeReadingOfAlikeGlyphs(crop, glyphs, *number.producer + "/" + *number.product);
}

}  // namespace suppcheck
