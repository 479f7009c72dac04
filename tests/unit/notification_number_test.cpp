// The notification-number parser: what a person types, read leniently, never repaired.

#include <catch2/catch.hpp>

#include "suppcheck/notification/notification_number.h"

using namespace suppcheck;

namespace {

struct ValidCase {
  const char* input;
  const char* canonical;
  const char* producer;
  const char* product;
};

struct InvalidCase {
  const char* input;
  const char* problem;  // a fragment that one of the problems must contain
};

}  // namespace

TEST_CASE("valid numbers in every documented and lenient spelling", "[notification]") {
  const ValidCase cases[] = {
      {"NUT 123/45", "NUT 123/45", "123", "45"},
      {"PL/AS 12/3", "PL/AS 12/3", "12", "3"},
      {"NUT/PL/AS 1234/5678", "NUT/PL/AS 1234/5678", "1234", "5678"},
      {"NUT/AS162/597", "NUT/AS 162/597", "162", "597"},  // be-sup's spelling: no space
      {"nut/as162/597", "NUT/AS 162/597", "162", "597"},
      {"NUT / PL 1234/56", "NUT/PL 1234/56", "1234", "56"},
      {"NUT/PL 1234 / 56", "NUT/PL 1234/56", "1234", "56"},
      {"  Pl/as 12 / 3  ", "PL/AS 12/3", "12", "3"},
      {"AS 1/1", "AS 1/1", "1", "1"},
      {"NUT 0012/0034", "NUT 0012/0034", "0012", "0034"},  // digits kept as printed
      {"AS/PL/NUT 88/1234", "NUT/PL/AS 88/1234", "88", "1234"},  // order made canonical
      {"NUT\xC2\xA0" "476/12", "NUT 476/12", "476", "12"},         // no-break space
      {"NUT 476\xE2\x81\x84" "12", "NUT 476/12", "476", "12"},     // fraction slash
      {"NUT\t476/12", "NUT 476/12", "476", "12"},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    const NotificationNumber n = ParseNotificationNumber(c.input);
    CHECK(n.status == NumberStatus::Valid);
    CHECK(n.canonical == c.canonical);
    CHECK(n.producer.value_or("") == c.producer);
    CHECK(n.product.value_or("") == c.product);
    CHECK(n.problems.empty());
  }
}

TEST_CASE("near misses are invalid with the reason in plain words", "[notification]") {
  const InvalidCase cases[] = {
      {"NUT 12345/1", "the producer part has 5 digits; at most 4 are allowed"},
      {"NUT 1/12345", "the product part has 5 digits; at most 4 are allowed"},
      {"NUT 12A/45", "the producer part '12A' contains letters"},
      {"NUT 12/4O", "the product part '4O' contains letters"},  // letter O is never read as zero here
      {"NUTS 12/3", "'NUTS' is not a category"},
      {"XY 12/3", "'XY' is not a category"},
      {"NUT/NUT 1/2", "the category NUT is given twice"},
      {"PL/AS/PL 1/2", "the category PL is given twice"},
      {"NUT 123", "the product part is missing"},
      {"NUT 123/", "the product part is missing after '/'"},
      {"NUT /45", "the producer part is missing"},
      {"NUT", "the producer and product digits are missing"},
      {"123/45", "no category (NUT, PL or AS)"},
      {"NUT PL 12/3", "categories must be joined by '/'"},
      {"NUT-PL 12/3", "not by '-'"},
      {"NUT 12-3", "producer and product must be separated by '/', not by '-'"},
      {"NUT 12 3", "not by a space"},
      {"NUT 12/34/56", "unexpected text after the number"},
      {"NUT 12/34 extra", "unexpected text after the number: 'extra'"},
      {"", "nothing was given"},
      {"   ", "nothing was given"},
      {"NUT/ 12/3", "between the categories and the digits"},
      {"NUT5\xE2\x80\x82", "the product part is missing"},  // found by number_fuzz: a trailing en space
  };
  for (const auto& c : cases) {
    INFO("input: '" << c.input << "'");
    const NotificationNumber n = ParseNotificationNumber(c.input);
    CHECK(n.status == NumberStatus::Invalid);
    CHECK(n.canonical.empty());
    bool found = false;
    for (const auto& p : n.problems) found |= p.find(c.problem) != std::string::npos;
    if (!found)
      for (const auto& p : n.problems) UNSCOPED_INFO("problem: " << p);
    CHECK(found);
  }
}

TEST_CASE("every problem is reported, not only the first", "[notification]") {
  const NotificationNumber n = ParseNotificationNumber("NUT/XX 12345/6A");
  REQUIRE(n.status == NumberStatus::Invalid);
  REQUIRE(n.problems.size() == 3);
  CHECK(n.problems[0] == "'XX' is not a category; the categories are NUT, PL and AS");
  CHECK(n.problems[1] == "the producer part has 5 digits; at most 4 are allowed");
  CHECK(n.problems[2] == "the product part '6A' contains letters; it must be 1 to 4 digits");
  CHECK(n.producer.value() == "12345");
  CHECK(n.categories == std::vector<Category>{Category::Nut});
}

TEST_CASE("a number is not read out of a sentence by the typed-number parser", "[notification]") {
  // Typed input must be the number alone; finding numbers inside text is the scanner's job.
  const NotificationNumber n = ParseNotificationNumber("Notificatienummer: NUT 123/45");
  CHECK(n.status == NumberStatus::Invalid);
}

TEST_CASE("canonical form helper agrees with the parser", "[notification]") {
  CHECK(CanonicalNotificationNumber("nut/pl1234/56") == "NUT/PL 1234/56");
  CHECK(CanonicalNotificationNumber("NUT 12345/6").empty());
  CHECK(CanonicalNotificationNumber("garbage").empty());
}

TEST_CASE("text is kept as given and never contains repaired characters", "[notification]") {
  const NotificationNumber n = ParseNotificationNumber("  nut/as162/597 ");
  CHECK(n.text == "nut/as162/597");
  CHECK(n.canonical == "NUT/AS 162/597");
}

// The scanner decides on problem kinds, not on the wording of the sentences: each sentence has
// its kind, in the same order.
TEST_CASE("every problem of an invalid number carries its kind", "[notification]") {
  const std::pair<const char*, NumberProblemKind> cases[] = {
      {"XYZ 12/3", NumberProblemKind::Category},      {"NUT NUT 12/3", NumberProblemKind::Category},
      {"12/3", NumberProblemKind::Category},          {"NUT PL 12/3", NumberProblemKind::CategoryJoin},
      {"NUT-PL 12/3", NumberProblemKind::CategoryJoin}, {"NUT 12345/6", NumberProblemKind::DigitParts},
      {"AS 409542", NumberProblemKind::DigitParts},   {"NUT 12/3 extra", NumberProblemKind::TrailingText},
      {"", NumberProblemKind::NothingGiven},
  };
  for (const auto& [input, kind] : cases) {
    INFO(input);
    const NotificationNumber n = ParseNotificationNumber(input);
    CHECK(n.status == NumberStatus::Invalid);
    CHECK(n.problemKinds.size() == n.problems.size());
    CHECK(n.HasProblem(kind));
  }
  // "AS 409542" lost its slash and nothing else: no category problem, which is what lets the
  // scanner treat such a read as a lost slash rather than evidence of a wrong number.
  CHECK_FALSE(ParseNotificationNumber("AS 409542").HasProblem(NumberProblemKind::Category));
  CHECK(ParseNotificationNumber("NUT 12/3").problemKinds.empty());
}
