#pragma once
// One more check a careful reader makes on a notification number that every re-read agreed on:
// the same printed digit looks the same each time it occurs. Re-reads at other scales and
// binarisations can all agree on a wrong digit when the blur that misleads them is in the
// photo itself: "NUT/AS 533/283" on a blurred back panel read "533/285" by the page pass and
// by every re-read (products seed 57419 phone-0036), while its last glyph is, pixel for pixel,
// the 3 printed twice before it. When one digit's glyph is much more like a glyph read as
// another digit than like any read as itself, the reading is not confident: the number is
// `unreadable`, never a wrong `valid`.

#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/image/label_image.h"
#include "suppcheck/notification/notification_number.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/util/box.h"
#include "suppcheck/util/ocr_word.h"

namespace suppcheck {

/// A digit whose glyph looks like another digit's: which, and how alike (correlation 0..1).
struct UnlikeReading {
  std::string readAs;      ///< the digit as read ("5")
  std::string looksLike;   ///< the digit it looks like ("3")
  double likeness = 0;     ///< to the nearest glyph read as `looksLike`
  double ownLikeness = 0;  ///< to the nearest other glyph read as `readAs` (-1: none)
};

/// `glyphs` is one more reading of `gray` (RecognizeGlyphs) and `digits` the producer and
/// product parts the other reads agreed on ("533/285"). Where this reading spells them with one
/// digit otherwise ("533/283"), that glyph is compared with the glyphs read as either digit
/// elsewhere in `digits`: something when it looks clearly more like the other reading's digit.
/// Nothing when this reading spells them the same, or differs in more than one place, or the
/// other digit is printed nowhere else: then the glyphs say nothing.
std::optional<UnlikeReading> FindUnlikeReadingOfAlikeGlyphs(const cv::Mat& gray, const std::vector<OcrWord>& glyphs,
                                                            const std::string& digits);

/// One more reading of the number line with character boxes: the band rendered at the glyph size
/// the comparisons use, and the glyphs the first model reads there. Read once per verified
/// number and shared by both glyph checks below (each used to render and read the band itself).
struct NumberBandGlyphs {
  cv::Mat crop;                 ///< the band (PreparedImage pixels) rendered; empty when it cannot be
  std::vector<OcrWord> glyphs;  ///< in `crop`'s pixels
};

/// Renders `band` (the number line, PreparedImage pixels) and reads it with character boxes.
NumberBandGlyphs ReadNumberBandGlyphs(TesseractEngine& engine, const PreparedImage& image, const Box& band);

/// Checks `number` (valid) with FindUnlikeReadingOfAlikeGlyphs on the band's glyph reading.
std::optional<UnlikeReading> CheckNumberGlyphs(const NumberBandGlyphs& band, const NotificationNumber& number);

/// The one digit two recognition models read differently, and how its glyph looks beside the
/// line's other glyphs read as either digit (correlation 0..1, -1: no other glyph of that digit).
struct DisputedDigit {
  std::string agreed;    ///< the digit the first model's reads agreed on ("4")
  std::string other;     ///< the digit the second model read there ("1")
  double toAgreed = -1;  ///< likeness to the nearest other glyph read as `agreed`
  double toOther = -1;   ///< likeness to the nearest glyph read as `other`
};

/// `digits` ("4007/54") the producer and product parts the first model's reads agreed on,
/// `otherDigits` ("1007/54") the second model's: one digit otherwise, same length. Measured on
/// `glyphs` (a reading of `gray` with character boxes) where it spells `digits` exactly, in one
/// place; nothing otherwise.
std::optional<DisputedDigit> FindDisputedDigitLikeness(const cv::Mat& gray, const std::vector<OcrWord>& glyphs,
                                                       const std::string& digits, const std::string& otherDigits);

/// Whether the disputed glyph clearly is the agreed digit: a twin of that digit printed elsewhere
/// on the line, and clearly more like it than like the other model's digit. Being unlike the other
/// digit alone is no evidence (a defocused 3 matched the 3 beside it at 0.28).
bool GlyphBacksAgreedDigit(const DisputedDigit& d);

/// Whether, on the band's glyph reading (the first model's), the glyph of the one digit `agreed`
/// (valid) and `otherCanonical` (the second model's number) differ in backs the agreed digit
/// (GlyphBacksAgreedDigit). False when they differ otherwise.
bool GlyphsBackAgreedNumber(const NumberBandGlyphs& band, const NotificationNumber& agreed,
                            const std::string& otherCanonical);

}  // namespace suppcheck
