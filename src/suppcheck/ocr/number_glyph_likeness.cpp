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
// A digit the second model reads otherwise is kept when its glyph is a twin of the agreed digit
// printed elsewhere on the line: above every likeness of two different digits measured (0.86 in
// session 19, above; at most 0.863 over the 342 valid numbers of the 10 dev label sets and five
// looked-at seeds in session 22), at the likeness of one digit printed twice on clean photos. The serif 4 of label seed 60493
// phone-0022 that the best model reads 1 at every size: 0.995 to the 4 of "54".
constexpr double kTwinOfAgreed = 0.95;

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

// The characters of a glyph reading in order, spaces skipped, and their spelling ('?' for a
// box of more than one character).
struct SpelledGlyphs {
  std::vector<const OcrWord*> chars;
  std::string spelled;
};

SpelledGlyphs Spell(const std::vector<OcrWord>& glyphs) {
  SpelledGlyphs s;
  for (const auto& g : glyphs)
    if (g.text != " " && !g.box.empty()) s.chars.push_back(&g);
  for (const auto* c : s.chars) s.spelled += c->text.size() == 1 ? c->text : std::string("?");
  return s;
}

// Where `spelled` spells `digits` with at most `maxDiffs` digits otherwise (the slash in its
// place), not inside a longer run of digits ("1541/7006" does not spell "541/7006"): the start
// and the one differing index (npos when none), when there is exactly one such place.
std::optional<std::pair<size_t, size_t>> OnePlaceSpelling(const std::string& spelled, const std::string& digits,
                                                          int maxDiffs) {
  size_t at = std::string::npos, differs = std::string::npos;
  int places = 0;
  for (size_t p = 0; p + digits.size() <= spelled.size(); ++p) {
    size_t diff = std::string::npos;
    int n = 0;
    for (size_t i = 0; i < digits.size() && n <= maxDiffs; ++i)
      if (spelled[p + i] != digits[i]) {
        ++n;
        diff = i;
      }
    if (n > maxDiffs || (n == 1 && !(IsAsciiDigit(digits[diff]) && IsAsciiDigit(spelled[p + diff])))) continue;
    if ((p > 0 && IsAsciiDigit(spelled[p - 1])) || (p + digits.size() < spelled.size() && IsAsciiDigit(spelled[p + digits.size()])))
      continue;
    ++places;
    at = p;
    differs = diff;
  }
  if (places != 1) return std::nullopt;
  return std::make_pair(at, differs);
}

// The line's ink, bright, and its mask (Otsu), for dark print on a light ground or the reverse.
void InkAndMask(const cv::Mat& gray, cv::Mat& ink, cv::Mat& mask) {
  cv::threshold(gray, mask, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  ink = 255 - gray;
  if (cv::countNonZero(mask) * 2 > static_cast<int>(mask.total())) {  // light print on a dark ground
    mask = 255 - mask;
    ink = gray.clone();
  }
}

// The likeness of the glyph at `chars[at + doubted]` to the nearest glyph of `digits` (at `at`)
// read as `a` and as `b`, other than itself (-1: none). Glyphs whose widths differ too much
// count as unlike (0 at most). False when the doubted glyph holds no ink.
bool LikenessTo(const cv::Mat& gray, const std::vector<const OcrWord*>& chars, size_t at, const std::string& digits,
                size_t doubted, char a, char b, double& toA, double& toB) {
  cv::Mat ink, mask;
  InkAndMask(gray, ink, mask);
  double aspect = 0;
  const cv::Mat doubt = GlyphPatch(ink, mask, chars[at + doubted]->box, &aspect);
  if (doubt.empty()) return false;
  toA = toB = -1;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i == doubted || (digits[i] != a && digits[i] != b)) continue;
    double w = 0;
    const cv::Mat p = GlyphPatch(ink, mask, chars[at + i]->box, &w);
    if (p.empty()) continue;
    double s = doubt.dot(p);
    if (std::min(w, aspect) < kSameShape * std::max(w, aspect)) s = std::min(s, 0.0);
    double& best = digits[i] == a ? toA : toB;
    best = std::max(best, s);
  }
  return true;
}

// The digits of a canonical number ("NUT/AS 533/283" -> "533/283") and what stands before them.
std::pair<std::string, std::string> SplitCanonical(const std::string& canonical) {
  const size_t space = canonical.rfind(' ');
  if (space == std::string::npos) return {"", canonical};
  return {canonical.substr(0, space), canonical.substr(space + 1)};
}

}  // namespace

std::optional<UnlikeReading> FindUnlikeReadingOfAlikeGlyphs(const cv::Mat& gray, const std::vector<OcrWord>& glyphs,
                                                            const std::string& digits) {
  if (gray.empty() || digits.empty()) return std::nullopt;
  const SpelledGlyphs g = Spell(glyphs);
  // Where this reading spells the digits, one digit read otherwise at most: the only place. The
  // character boxes there are the glyphs of `digits`.
  const auto place = OnePlaceSpelling(g.spelled, digits, 1);
  if (!place) return std::nullopt;
  const auto [at, differs] = *place;
  // Only a digit this reading saw otherwise is in doubt: a glyph that the agreeing reads and
  // this one both read the same way is not questioned (alike digits such as 3 and 8 in a blur
  // are alike enough to make any likeness bar fail correct numbers).
  if (differs == std::string::npos) return std::nullopt;
  const char readAs = digits[differs], other = g.spelled[at + differs];
  UnlikeReading r{std::string(1, readAs), std::string(1, other), -1, -1};
  if (!LikenessTo(gray, g.chars, at, digits, differs, readAs, other, r.ownLikeness, r.likeness)) return std::nullopt;
  if (r.likeness < kLikeAnother || r.likeness < r.ownLikeness + kClearlyMore) return std::nullopt;
  return r;
}

std::optional<DisputedDigit> FindDisputedDigitLikeness(const cv::Mat& gray, const std::vector<OcrWord>& glyphs,
                                                       const std::string& digits, const std::string& otherDigits) {
  if (gray.empty() || digits.empty() || digits.size() != otherDigits.size()) return std::nullopt;
  size_t doubted = std::string::npos;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] == otherDigits[i]) continue;
    if (doubted != std::string::npos || !IsAsciiDigit(digits[i]) || !IsAsciiDigit(otherDigits[i])) return std::nullopt;
    doubted = i;
  }
  if (doubted == std::string::npos) return std::nullopt;
  // The glyph reading must spell the agreed digits exactly, in one place: its boxes are then
  // the agreed number's glyphs.
  const SpelledGlyphs g = Spell(glyphs);
  const auto place = OnePlaceSpelling(g.spelled, digits, 0);
  if (!place) return std::nullopt;
  DisputedDigit d{std::string(1, digits[doubted]), std::string(1, otherDigits[doubted]), -1, -1};
  if (!LikenessTo(gray, g.chars, place->first, digits, doubted, digits[doubted], otherDigits[doubted], d.toAgreed,
                  d.toOther))
    return std::nullopt;
  return d;
}

bool GlyphBacksAgreedDigit(const DisputedDigit& d) {
  return d.toAgreed >= kTwinOfAgreed && d.toAgreed >= d.toOther + kClearlyMore;
}

NumberBandGlyphs ReadNumberBandGlyphs(TesseractEngine& engine, const PreparedImage& image, const Box& band) {
  NumberBandGlyphs g;
  if (band.empty()) return g;
  g.crop = RenderNumberBand(image, band, BandGlyphHeight(band), kGlyphHeight, nullptr);
  if (!g.crop.empty()) g.glyphs = engine.RecognizeGlyphs(g.crop, PageMode::SingleLine, kNumberWhitelist);
  return g;
}

bool GlyphsBackAgreedNumber(const NumberBandGlyphs& band, const NotificationNumber& agreed,
                            const std::string& otherCanonical) {
  if (band.crop.empty() || !agreed.producer || !agreed.product) return false;
  const auto [cats, otherDigits] = SplitCanonical(otherCanonical);
  const auto [agreedCats, digits] = SplitCanonical(agreed.canonical);
  if (cats != agreedCats) return false;
  const auto d = FindDisputedDigitLikeness(band.crop, band.glyphs, digits, otherDigits);
  return d && GlyphBacksAgreedDigit(*d);
}

std::optional<UnlikeReading> CheckNumberGlyphs(const NumberBandGlyphs& band, const NotificationNumber& number) {
  if (band.crop.empty() || !number.producer || !number.product) return std::nullopt;
  return FindUnlikeReadingOfAlikeGlyphs(band.crop, band.glyphs, *number.producer + "/" + *number.product);
}

}  // namespace suppcheck
