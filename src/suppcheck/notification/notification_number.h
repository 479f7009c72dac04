#pragma once
// Belgian food-supplement notification numbers ("NUT 123/45", "PL/AS 12/3", "NUT/AS162/597").
//
// The FPS Public Health gives every notified supplement a number made of one or more
// categories (NUT = nutrients, PL = plants, AS = other substances), a producer part and a
// product part of 1 to 4 digits each (domain.md §1.2). This file is the one place that
// decides whether a string is such a number: the `number` command feeds it what a person
// typed, the label scanner feeds it what OCR read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suppcheck {

enum class Category { Nut, Pl, As };

/// "NUT", "PL" or "AS".
std::string_view CategoryName(Category c);

enum class NumberStatus {
  Missing,  ///< nothing that looks like a notification number
  Invalid,  ///< meant as a number (a category or a notification label) but its format is wrong
  Valid,    ///< a well-formed number; `canonical` holds it
  /// Number-like text is on the photo (a category, a notification label, digits in the X/Y
  /// shape next to them) but the reads of it did not agree: the person should photograph
  /// that line closer. Only the label scanner gives it; a typed number is never unreadable.
  Unreadable,
  /// Nothing found, but the photo did not show the legal text where the number stands (a front):
  /// the number may be elsewhere on the pack. Set from the coverage (extract/coverage.h), never
  /// by the parser.
  NotSeen,
};

/// "missing", "invalid", "valid", "unreadable" or "not_seen".
std::string_view NumberStatusName(NumberStatus s);

/// What a problem of a number is about. The scanner weighs OCR reads by it (a read that lost
/// only the slash is no evidence of a wrong number; a label with nothing after it is a number
/// the photo lost); the sentences in `problems` are for people and may be reworded.
enum class NumberProblemKind {
  Category,      ///< no category, an unknown or a repeated one
  CategoryJoin,  ///< categories joined by a space or a dash, or such a mark before the digits
  DigitParts,    ///< producer/product missing, badly separated, too long or not digits
  TrailingText,  ///< text after the number
  NothingGiven,  ///< empty input
  LabelOnly,     ///< a notification label was read with no number after it (scanner)
  Uncertain,     ///< OCR reads did not settle on one number, or none was read (scanner)
  Conflict,      ///< photos of one product show different numbers
};

struct NotificationNumber {
  NumberStatus status = NumberStatus::Missing;
  /// Canonical form, only when valid: categories in the order NUT, PL, AS joined by '/',
  /// one space, producer digits, '/', product digits, exactly as printed.
  std::string canonical;
  /// The characters as given (typed, or read by OCR), for a person to compare.
  std::string text;
  /// The known categories that were read, in canonical order.
  std::vector<Category> categories;
  /// Producer and product parts as read (digits, or whatever stood there when invalid).
  std::optional<std::string> producer;
  std::optional<std::string> product;
  /// Why an invalid number is invalid, one plain sentence per problem.
  std::vector<std::string> problems;
  /// The kind of each entry of `problems`, in the same order (set through AddProblem).
  std::vector<NumberProblemKind> problemKinds;

  void AddProblem(NumberProblemKind kind, std::string sentence) {
    problems.push_back(std::move(sentence));
    problemKinds.push_back(kind);
  }
  /// Replaces all problems by this one.
  void SetProblem(NumberProblemKind kind, std::string sentence) {
    problems.clear();
    problemKinds.clear();
    AddProblem(kind, std::move(sentence));
  }
  bool HasProblem(NumberProblemKind kind) const {
    for (NumberProblemKind k : problemKinds)
      if (k == kind) return true;
    return false;
  }

  bool valid() const { return status == NumberStatus::Valid; }
  /// Nothing was read as a number (missing or not seen).
  bool absent() const { return status == NumberStatus::Missing || status == NumberStatus::NotSeen; }
};

/// Reads one notification number. Lenient about spelling (case, spaces, spaces around
/// slashes, no space before the digits, Unicode spaces and slashes) and never repairing:
/// a digit count outside 1-4, an unknown or repeated category, letters among the digits,
/// a missing part or text left over make it Invalid, with every problem listed.
/// The result is never Missing: an empty input is Invalid ("nothing was given").
NotificationNumber ParseNotificationNumber(std::string_view text);

/// The canonical form of `text` when it is a valid number, otherwise an empty string.
/// Same rules as ParseNotificationNumber; used to match registry rows.
std::string CanonicalNotificationNumber(std::string_view text);

}  // namespace suppcheck
