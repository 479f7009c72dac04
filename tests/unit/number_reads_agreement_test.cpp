// Several reads of a number line must agree before a number is valid or invalid; otherwise
// the line is unreadable. Reads here are what the finder makes of OCR texts of one line.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/extract/number_reads_agreement.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

NumberFinding Read(const std::string& text) { return FindNotificationNumber(LinesFromText(text), TestModels().vocabulary); }

NumberAgreement Agree(std::initializer_list<const char*> texts) {
  std::vector<NumberFinding> reads;
  for (const char* t : texts) reads.push_back(Read(t));
  return AgreeOnNumber(reads);
}

}  // namespace

TEST_CASE("reads that agree make a valid number", "[extract][number][agreement]") {
  const auto a = Agree({"Notificatienummer: NUT/PL 1234/56", "NUT/PL 1234/56", "NUT / PL 1234/56"});
  CHECK(a.finding.number.status == NumberStatus::Valid);
  CHECK(a.finding.number.canonical == "NUT/PL 1234/56");
  CHECK(a.votes == 3);
  CHECK(AgreementSettled(a));
  // One read that found nothing does not undo two that agree.
  CHECK(Agree({"NUT 476/12", "", "NUT 476/12"}).finding.number.status == NumberStatus::Valid);
}

TEST_CASE("a lone read never makes a number valid", "[extract][number][agreement]") {
  const auto a = Agree({"NUT 476/12"});
  CHECK(a.finding.number.status == NumberStatus::Unreadable);
  CHECK(a.finding.number.canonical.empty());
  CHECK(a.finding.number.text == "NUT 476/12");
  CHECK(Agree({"NUT 476/12", "", "blurred"}).finding.number.status == NumberStatus::Unreadable);
}

TEST_CASE("a digit added or dropped in one read makes the line unreadable", "[extract][number][agreement]") {
  // The three misreads of ocr-practice.md §7: 183 -> 1863, 342 -> 34, 622/8 -> 6/8.
  CHECK(Agree({"NUT 2201/1863", "NUT 2201/183"}).finding.number.status == NumberStatus::Unreadable);
  CHECK(Agree({"NUT 3828/34", "NUT 3828/342", "NUT 3828/34"}).finding.number.status == NumberStatus::Unreadable);
  const auto a = Agree({"NUT 6/8", "NUT 622/8", "NUT 622/8"});
  CHECK(a.finding.number.status == NumberStatus::Unreadable);
  CHECK(a.finding.number.problems.front().find("disagree") != std::string::npos);
  CHECK_FALSE(AgreementSettled(a));
  // A clear majority outvotes one stray read.
  CHECK(Agree({"NUT 622/8", "NUT 622/8", "NUT 6/8", "NUT 622/8"}).finding.number.canonical == "NUT 622/8");
}

TEST_CASE("a wrong category read the same way twice is invalid, as in the number command", "[extract][number][agreement]") {
  const NumberFinding one = Read("NUT/PX 5381/33");
  CHECK(one.number.status == NumberStatus::Invalid);
  CHECK(one.number.problems.front() == "'PX' is not a category; the categories are NUT, PL and AS");
  const auto a = Agree({"Notificatienummer: NUT/PX 5381/33", "NUT/PX 5381/33", "NUT/PL 5381/33"});
  CHECK(a.finding.number.status == NumberStatus::Unreadable);  // 2 against 1: not clear enough
  CHECK(Agree({"NUT/PX 5381/33", "NUT / PX 5381/33", "NUT/PX 5381/33"}).finding.number.status == NumberStatus::Invalid);
  CHECK(Agree({"NUT 12345/6", "NUT 12345/6"}).finding.number.status == NumberStatus::Invalid);
}

TEST_CASE("a label whose number no read found is unreadable, not invalid", "[extract][number][agreement]") {
  CHECK(Agree({"Notificatienummer:", "Notificatienummer:", ""}).finding.number.status == NumberStatus::Unreadable);
  CHECK(Agree({}).finding.number.status == NumberStatus::Missing);
  CHECK(Agree({"", "Lot 2306/114"}).finding.number.status == NumberStatus::Missing);
}

TEST_CASE("a read that begins inside the categories backs the whole number but is none itself", "[extract][number][agreement]") {
  // Product-clean-0025 of seed 7311: the boxed "NUT/PL 8420/5" came back as "|N UT/PL 8420/5 |"
  // from several re-reads, which alone made "PL 8420/5" valid.
  const NumberFinding cut = Read("|N UT/PL 8420/5 |");
  CHECK(cut.startCut);
  CHECK(cut.number.canonical == "PL 8420/5");
  CHECK_FALSE(Read("| NUT/PL 8420/5 |").startCut);
  const auto onlyCut = Agree({"|N UT/PL 8420/5 |", "IN UT/PL 8420/5 |", "[IN UT/PL 8420/5 |"});
  CHECK(onlyCut.finding.number.status == NumberStatus::Unreadable);
  CHECK(onlyCut.finding.number.canonical.empty());
  CHECK(onlyCut.finding.number.problems.front().find("cut off") != std::string::npos);
  // With whole reads beside them, the cut reads back the whole number they end.
  const auto mixed = Agree({"| NUT/PL 8420/5 |", "|N UT/PL 8420/5 |", "|NUT/PL 8420/5", "IN UT/PL 8420/5 |"});
  CHECK(mixed.finding.number.status == NumberStatus::Valid);
  CHECK(mixed.finding.number.canonical == "NUT/PL 8420/5");
  CHECK(mixed.votes == 4);
  // A cut read never backs a whole read with other digits.
  CHECK(Agree({"NUT/PL 8420/6", "|N UT/PL 8420/5 |", "IN UT/PL 8420/5 |"}).finding.number.status == NumberStatus::Unreadable);
}

TEST_CASE("reads that all lost the slash between producer and product are not an invalid number", "[extract][number][agreement]") {
  // hard-0016 (seed 70701): "Notif.: AS 409/542" white on colour with motion blur; every read
  // gave "AS 409542". Printed numbers always have the slash: the number was not read.
  const auto a = Agree({"Notif.: AS 409542", "AS 409542", "AS409542"});
  CHECK(a.finding.number.status == NumberStatus::Unreadable);
  CHECK(a.finding.number.problems.front().find("slash") != std::string::npos);
  // Other digit-count errors read the same way every time stay invalid, slash and all.
  CHECK(Agree({"NUT 12345/12", "NUT 12345/12", "NUT 12345/12"}).finding.number.status == NumberStatus::Invalid);
  // So does a wrong category, even without the slash.
  CHECK(Agree({"NUT/PX 409542", "NUT/PX 409542", "NUT/PX 409542"}).finding.number.status == NumberStatus::Invalid);
}

TEST_CASE("a number whose product part was lost after the slash is unreadable, not invalid", "[extract][number][agreement]") {
  // Seed 93001 clean-0010: a turned side panel cut by the photo's top edge, every read "NUT 3 /".
  // The number command calls that text invalid; on a photo the digits are off the image.
  const auto a = Agree({"Notification number: NUT 3 /", "NUT 3 /", "NUT 3/"});
  CHECK(a.finding.number.status == NumberStatus::Unreadable);
  REQUIRE_FALSE(a.finding.number.problems.empty());
  CHECK(a.finding.number.problems.front().find("after the slash") != std::string::npos);
  // A wrong category stays invalid even without the product part.
  CHECK(Agree({"NUT/PX 3/", "NUT/PX 3/", "NUT/PX 3/"}).finding.number.status == NumberStatus::Invalid);
}

TEST_CASE("a product part split by a space in some reads is joined only where other reads back it", "[extract][number][agreement]") {
  // Seed 48213 clean-0011 (products), the side panel: the page read and two re-reads gave
  // "NUT/PL 5349/93113", four re-reads split the wide serif digits "931 13".
  const NumberFinding split = Read("r: NUT/PL 5349/931 13|");
  CHECK(split.digitsAfter == "13");
  CHECK(split.number.canonical == "NUT/PL 5349/931");
  const auto a = Agree({"|Notifizierungsnummer: NUT/PL 5349/93113", "r: NUT/PL 5349/93113|", "r: NUT/PL 5349/931 13]",
                        "r: NUT/PL 5349/931 13|", "r: NUT/PL 5349/931 13|", "cr: NUT/PL 5349/931 13|", "r: NUT/PL 5349/93113|"});
  CHECK(a.finding.number.status == NumberStatus::Invalid);
  CHECK(a.finding.number.product == "93113");
  // Split reads alone say neither number: five of them never make "5349/931" valid.
  const auto b = Agree({"NUT/PL 5349/931 13", "NUT/PL 5349/931 13", "NUT/PL 5349/931 13|", "NUT/PL 5349/931 13", "NUT/PL 5349/931 13"});
  CHECK(b.finding.number.status == NumberStatus::Unreadable);
  // Nor do they let two agreeing misreads win: they stand against them.
  CHECK(Agree({"NUT 12/3 4", "NUT 12/3 4", "NUT 12/3 4", "NUT 12/39", "NUT 12/39"}).finding.number.status ==
        NumberStatus::Unreadable);
  // Digits followed by a word, a slash or a decimal sign are something else.
  CHECK(Read("NUT 1234/56 2 tabletten").digitsAfter.empty());
  CHECK(Read("NUT 1234/56 12/2028").digitsAfter.empty());
  CHECK(Read("NUT 1234/56 1,5").digitsAfter.empty());
  CHECK(Agree({"NUT 1234/56 2 tabletten", "NUT 1234/56", "NUT 1234/56"}).finding.number.canonical == "NUT 1234/56");
}

TEST_CASE("a per cent sign glued to the product's digits is no end of the number", "[extract][number][agreement]") {
  // Seed 41759 hard-0027: "NUT/PL 208/45296" (invalid: five product digits), its blurred "96" read
  // as "%" by the page read and two re-reads, which agreed on a valid "NUT/PL 208/452".
  const NumberFinding garbled = Read("Notificatienummer: NUT/PL 208/452%");
  CHECK(garbled.endGarbled);
  CHECK_FALSE(Read("NUT/PL 208/452").endGarbled);
  const auto a = Agree({"Notificatienummer: NUT/PL 208/452%", "r: NUT/PL 208/452%", "r: NUT/PL 208/452%"});
  CHECK(a.finding.number.status == NumberStatus::Unreadable);
  REQUIRE(a.finding.number.problems.size() == 1);
  CHECK(a.finding.number.problems.front().find("per cent sign") != std::string::npos);
  // They also stand against two whitelisted reads that lost the '%' ("208/452") or read one 9.
  CHECK(Agree({"NUT/PL 208/452%", "NUT/PL 208/452%", "NUT/PL 208/452%", "NUT/PL 208/452", "NUT/PL 208/452"})
            .finding.number.status == NumberStatus::Unreadable);
}
