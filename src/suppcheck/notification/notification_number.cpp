#include "suppcheck/notification/notification_number.h"

#include <algorithm>
#include <array>

#include "suppcheck/util/text.h"

namespace suppcheck {

std::string_view CategoryName(Category c) {
  switch (c) {
    case Category::Nut: return "NUT";
    case Category::Pl: return "PL";
    case Category::As: return "AS";
  }
  return "?";
}

std::string_view NumberStatusName(NumberStatus s) {
  switch (s) {
    case NumberStatus::Missing: return "missing";
    case NumberStatus::NotSeen: return "not_seen";
    case NumberStatus::Invalid: return "invalid";
    case NumberStatus::Valid: return "valid";
    case NumberStatus::Unreadable: return "unreadable";
  }
  return "?";
}

namespace {

constexpr size_t kMaxDigits = 4;

std::optional<Category> CategoryFromWord(std::string_view upper) {
  if (upper == "NUT") return Category::Nut;
  if (upper == "PL") return Category::Pl;
  if (upper == "AS") return Category::As;
  return std::nullopt;
}

bool IsAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

// A cursor over the folded input. `text` keeps the spelling for messages, `upper` is used
// for comparisons; both have the same length.
class Reader {
 public:
  explicit Reader(std::string folded) : text_(std::move(folded)), upper_(AsciiUpper(text_)) {}

  void SkipSpaces() {
    while (pos_ < text_.size() && IsAsciiSpace(text_[pos_])) ++pos_;
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : upper_[pos_]; }
  // Peeks past spaces without moving.
  char PeekAfterSpaces() const {
    size_t p = pos_;
    while (p < text_.size() && IsAsciiSpace(text_[p])) ++p;
    return p < text_.size() ? upper_[p] : '\0';
  }
  void Advance() { ++pos_; }

  // Maximal run of ASCII letters (upper-cased).
  std::string_view Letters() { return Run([](char c) { return IsAsciiAlpha(c); }); }
  // Maximal run of ASCII letters and digits, spelled as given.
  std::string_view AlnumAsGiven() {
    const size_t start = pos_;
    Run(IsAlnum);
    return std::string_view(text_).substr(start, pos_ - start);
  }
  // Everything from here to the end, spelled as given.
  std::string_view RestAsGiven() const { return Trim(std::string_view(text_).substr(pos_)); }

 private:
  template <class Pred>
  std::string_view Run(Pred pred) {
    const size_t start = pos_;
    while (pos_ < text_.size() && pred(upper_[pos_])) ++pos_;
    return std::string_view(upper_).substr(start, pos_ - start);
  }

  std::string text_;
  std::string upper_;
  size_t pos_ = 0;
};

// Checks one of the two digit parts and records what is wrong with it.
void CheckDigitPart(std::string_view part, std::string_view name, NotificationNumber& out) {
  const bool allDigits = std::all_of(part.begin(), part.end(), IsAsciiDigit);
  if (!allDigits) {
    out.AddProblem(NumberProblemKind::DigitParts, "the " + std::string(name) + " part " + Quote(part) +
                                                      " contains letters; it must be 1 to 4 digits");
  } else if (part.size() > kMaxDigits) {
    out.AddProblem(NumberProblemKind::DigitParts, "the " + std::string(name) + " part has " +
                                                      std::to_string(part.size()) + " digits; at most 4 are allowed");
  }
}

// Step 1, the category block: words joined by '/', e.g. "NUT/PL/AS", into out.categories.
// Returns whether a '/' followed the last category instead of a space ("NUT/162/597" or
// "NUT /45"), which step 2 decides on once the digits are read.
bool ReadCategories(Reader& r, NotificationNumber& out) {
  std::array<bool, 3> seen{};
  bool slashBeforeDigits = false;
  bool anyCategoryWord = false;
  while (IsAsciiAlpha(r.Peek())) {
    anyCategoryWord = true;
    const std::string word(r.Letters());
    if (auto c = CategoryFromWord(word)) {
      const auto idx = static_cast<size_t>(*c);
      if (seen[idx])
        out.AddProblem(NumberProblemKind::Category, "the category " + word + " is given twice");
      seen[idx] = true;
    } else {
      out.AddProblem(NumberProblemKind::Category, Quote(word) + " is not a category; the categories are NUT, PL and AS");
    }
    // What joins this word to the next one?
    const char next = r.PeekAfterSpaces();
    if (next == '/') {
      r.SkipSpaces();
      r.Advance();
      r.SkipSpaces();
      if (!IsAsciiAlpha(r.Peek())) {
        slashBeforeDigits = true;
        break;
      }
    } else if (IsAsciiAlpha(next)) {
      r.SkipSpaces();
      out.AddProblem(NumberProblemKind::CategoryJoin, "categories must be joined by '/' (as in NUT/PL), not by a space");
    } else if (next == '-' || next == '_' || next == '.') {
      r.SkipSpaces();
      r.Advance();
      r.SkipSpaces();
      if (IsAsciiAlpha(r.Peek())) {
        out.AddProblem(NumberProblemKind::CategoryJoin, std::string("categories must be joined by '/' (as in NUT/PL), not by '") + next + "'");
      } else {
        out.AddProblem(NumberProblemKind::CategoryJoin, std::string("unexpected '") + next + "' between the categories and the digits");
        break;
      }
    } else {
      break;
    }
  }
  for (Category c : {Category::Nut, Category::Pl, Category::As})
    if (seen[static_cast<size_t>(c)]) out.categories.push_back(c);
  if (!anyCategoryWord)
    out.AddProblem(NumberProblemKind::Category, "no category (NUT, PL or AS) comes before the digits");
  return slashBeforeDigits;
}

// Step 2, producer '/' product: up to two groups of letters/digits and what separates them.
void ReadDigitParts(Reader& r, bool slashBeforeDigits, NotificationNumber& out) {
  r.SkipSpaces();
  const std::string_view first = r.AlnumAsGiven();
  char sep = '\0';  // '\0' when nothing follows the first group
  const char next = r.PeekAfterSpaces();
  if (next == '/' || next == '-' || next == '_' || next == '.' || next == '\\' || next == '|') {
    r.SkipSpaces();
    r.Advance();
    r.SkipSpaces();
    sep = next;
  } else if (!first.empty() && IsAlnum(next)) {
    r.SkipSpaces();
    sep = ' ';
  }
  const std::string_view second = sep ? r.AlnumAsGiven() : std::string_view();

  std::string_view producer = first, product = second;
  if (slashBeforeDigits && !first.empty() && sep == '\0') {
    // "NUT /45": the only digit group follows the slash, so it is the product.
    out.AddProblem(NumberProblemKind::DigitParts, "the producer part is missing before '/'");
    producer = {};
    product = first;
  } else if (slashBeforeDigits && !first.empty()) {
    out.AddProblem(NumberProblemKind::DigitParts, "a '/' stands between the categories and the digits; expected a space");
  }
  if (producer.empty() && product.empty()) {
    if (r.AtEnd() && sep == '\0')
      out.AddProblem(NumberProblemKind::DigitParts, "the producer and product digits are missing (expected e.g. 'NUT 123/45')");
    else if (sep == '/')
      out.AddProblem(NumberProblemKind::DigitParts, "the producer part is missing before '/'");
    else
      out.AddProblem(NumberProblemKind::DigitParts, "expected the producer digits, found " + Quote(r.RestAsGiven()));
  } else if (producer.empty() && !slashBeforeDigits) {
    out.AddProblem(NumberProblemKind::DigitParts, "the producer part is missing before '/'");
  }
  if (!first.empty() && !slashBeforeDigits) {
    if (sep == '\0' && r.PeekAfterSpaces() == '\0')  // trailing spaces (a folded U+2002) are not a product
      out.AddProblem(NumberProblemKind::DigitParts, "the product part is missing; expected producer/product, e.g. 'NUT 123/45'");
    else if (sep == ' ')
      out.AddProblem(NumberProblemKind::DigitParts, "producer and product must be separated by '/', not by a space");
    else if (sep != '\0' && sep != '/')
      out.AddProblem(NumberProblemKind::DigitParts, std::string("producer and product must be separated by '/', not by '") + sep + "'");
    if (sep != '\0' && second.empty()) out.AddProblem(NumberProblemKind::DigitParts, "the product part is missing after '/'");
  }
  if (!producer.empty()) {
    out.producer = std::string(producer);
    CheckDigitPart(producer, "producer", out);
  }
  if (!product.empty()) {
    out.product = std::string(product);
    CheckDigitPart(product, "product", out);
  }
}

// "NUT/PL 123/45" from a valid number's parts.
std::string CanonicalText(const NotificationNumber& n) {
  std::string canonical;
  for (Category c : n.categories) {
    if (!canonical.empty()) canonical += '/';
    canonical += CategoryName(c);
  }
  canonical += ' ';
  canonical += *n.producer;
  canonical += '/';
  canonical += *n.product;
  return canonical;
}

}  // namespace

NotificationNumber ParseNotificationNumber(std::string_view input) {
  NotificationNumber out;
  out.text = std::string(Trim(input));
  out.status = NumberStatus::Invalid;

  Reader r(FoldLookAlikes(out.text));
  r.SkipSpaces();
  if (r.AtEnd()) {
    out.AddProblem(NumberProblemKind::NothingGiven, "nothing was given; a notification number looks like 'NUT 123/45'");
    return out;
  }
  const bool slashBeforeDigits = ReadCategories(r, out);
  ReadDigitParts(r, slashBeforeDigits, out);

  // Step 3: nothing may follow.
  r.SkipSpaces();
  if (!r.AtEnd() && (out.producer || out.product)) {
    out.AddProblem(NumberProblemKind::TrailingText, "unexpected text after the number: " + Quote(r.RestAsGiven()));
  }

  // Both parts must have been read for a number to be valid, whatever the paths above missed.
  if (out.problems.empty() && (!out.producer || !out.product))
    out.AddProblem(NumberProblemKind::DigitParts, "the producer/product digits are incomplete (expected e.g. 'NUT 123/45')");
  if (out.problems.empty()) {
    out.status = NumberStatus::Valid;
    out.canonical = CanonicalText(out);
  }
  return out;
}

std::string CanonicalNotificationNumber(std::string_view text) {
  NotificationNumber n = ParseNotificationNumber(text);
  return n.valid() ? std::move(n.canonical) : std::string();
}

}  // namespace suppcheck
