#pragma once
// Finds the notification number in OCR'd lines. The shapes it looks for are anchored on a
// category block (NUT, PL, AS joined by '/') or on a notification label
// ("Notificatienummer", "N° de notification", "Notifizierungsnummer", ...); a digit pattern
// alone is never taken, so lot numbers, dates, phone numbers, postcodes and barcodes cannot
// become a notification number. OCR confusions are undone only where a digit or one of the
// NUT/PL/AS letters must stand (O/0, I/l/1, S/5, B/8, Z/2); the candidate then goes through
// the same parser as a typed number.

#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/notification/notification_number.h"

namespace suppcheck {

struct NumberFinding {
  NotificationNumber number;  ///< Missing when nothing was found
  double confidence = 0;      ///< 0..1: OCR confidence of the words, lowered for repaired characters
  int line = -1;              ///< index into the lines given
  size_t begin = 0, end = 0;  ///< byte range of the match in that line's text
  Box box;                    ///< words under the match (empty without OCR geometry)
  bool labelled = false;      ///< a notification label stands right before it
  bool categoryAnchored = false;
  bool repaired = false;      ///< an OCR confusion was undone
  /// The text right before it (spaces skipped) is a slash ("UT/PL 8420/5" read from
  /// "NUT/PL 8420/5", "/ AS 455/12" at the edge of a turned panel): the read began inside the
  /// categories, so it may lack some; it says nothing about which ones.
  bool startCut = false;
  /// Digits a space after the product part, then nothing but the line's end or a bar
  /// ("NUT/PL 5349/931 13|" read from "NUT/PL 5349/93113"): OCR may have split the product's
  /// digits, so the read says neither "931" nor "93113" for sure. Empty when none.
  std::string digitsAfter;
  /// A '%' glued to the product's digits ("NUT/PL 208/452%" read from "NUT/PL 208/45296": a
  /// blurred "96" is read as a per cent sign, seed 41759 hard-0027): the read says nothing sure
  /// about how the product part ends.
  bool endGarbled = false;
  /// The inside of a frame printed round it (working pixels): its re-reads stay inside, away from
  /// the frame and whatever stands beside it. Empty when it has none.
  Box frame;
  /// No number found, and a frame printed next to the lot or the producer's address whose inside
  /// gave none (working pixels): the number may be in it, so its absence is not shown. Empty
  /// otherwise.
  Box unreadFrame;
  /// A number wrapped after its start: "Notification number: NUT" over "6184/9". These are the
  /// words of the start, at the end of the line above `line` (which holds the rest); re-reads of
  /// `line` put them before what they read. Empty for a number on one line.
  TextLine wrapStart;
  std::string file;           ///< the photo it was read on, for a product of several photos (empty: the result's file)
};

/// Every candidate, best first.
std::vector<NumberFinding> FindNumberCandidates(const std::vector<TextLine>& lines, const Vocabulary& vocab);

/// The best candidate, or a Missing finding.
NumberFinding FindNotificationNumber(const std::vector<TextLine>& lines, const Vocabulary& vocab);

/// A short line with a "digits/digits" group that is not a lot, date or phone line (no word of
/// `vocab.numberLineDecoys`): worth re-reading when no clean number was found (a category lost
/// to OCR, as in "84/2749" for "AS 46/2740").
bool MayHoldNumber(const std::string& lineText, const Vocabulary& vocab);

/// A short line that begins with a category printed in capitals (NUT, PL, AS, as the finder
/// reads them) and holds more than letters, but no number the finder takes: the start of a
/// notification number whose digits OCR garbled ("NUTS]" read from a blurred "NUT/AS36/2" at
/// confidence 5, label seed 36527 hard-0030), worth re-reading like MayHoldNumber's lines.
bool MayStartNumber(const std::string& lineText, const Vocabulary& vocab);

/// A whole line that is only a short word in capitals and digits/digits ("WT81/79" for
/// "NUT81/79"): a notification number whose categories OCR garbled, not a lot, date or telephone
/// line (vocabulary number_line_decoys). A box's frame read after it as "]", "|", ")" or "}" is
/// allowed.
bool NumberShapedLine(const std::string& lineText, const Vocabulary& vocab);

/// A whole line that is a category in capitals and a run of digits ("= NUT49488" for a squeezed
/// "NUT494/88"): a notification number whose slash OCR lost, which the finder cannot split into
/// producer and product. Evidence that the label prints a number, not a number.
bool SlashLostNumberLine(const std::string& lineText, const Vocabulary& vocab);

/// A short line with the word labelling the number ("Notificatie:", "Notif.", a stem of
/// `vocab.notificationWordStems` starting a word) and, after it, a digit or two capitals
/// ("Notificatie: NUTSISS420" for a blurred, turned "NUT913/9420", label seed 60511 hard-0009):
/// the line where the label prints its number, read without a number the finder takes.
bool NotificationWordLine(const std::string& lineText, const Vocabulary& vocab);

/// Orders candidates: valid before invalid, labelled first, then confidence.
bool BetterNumberFinding(const NumberFinding& a, const NumberFinding& b);

}  // namespace suppcheck
