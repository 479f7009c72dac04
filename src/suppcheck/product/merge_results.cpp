#include "suppcheck/product/merge_results.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "suppcheck/extract/dose_checks.h"
#include "suppcheck/scan/nutrient_table_reread.h"
#include "suppcheck/util/edit_distance.h"

namespace suppcheck {

namespace {

// Two amounts read on different photos are the same when they differ by less than OCR and
// rounding do (a table's "187,5 mg" and a front's "188 mg").
bool Same(double a, double b) { return std::abs(a - b) <= 0.02 * std::max(std::abs(a), std::abs(b)) + 1e-9; }

std::string Amount(double v, const char* unit) { return NumberText(v) + unit; }

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// One value per photo that read it; the distinct ones, with the photo each came from.
struct Reading {
  double value;
  std::string file;
};

std::vector<Reading> Distinct(const std::vector<Reading>& all) {
  std::vector<Reading> out;
  for (const auto& r : all)
    if (std::none_of(out.begin(), out.end(), [&](const Reading& o) { return Same(o.value, r.value); })) out.push_back(r);
  return out;
}

std::string Describe(const std::vector<Reading>& readings, const char* unit) {
  std::string s;
  for (size_t i = 0; i < readings.size(); ++i) {
    s += i == 0 ? "" : i + 1 == readings.size() ? " and " : ", ";
    s += Amount(readings[i].value, unit) + " (" + BaseName(readings[i].file) + ")";
  }
  return s;
}

// The digits of a number as read ("7532/3933"), or empty when either part is not all digits.
std::string DigitsOf(const NotificationNumber& n) {
  const auto digits = [](const std::optional<std::string>& s) {
    return s && !s->empty() && std::all_of(s->begin(), s->end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  };
  return digits(n.producer) && digits(n.product) ? *n.producer + "/" + *n.product : std::string();
}

// A number read without digits on both sides of the slash ("AS 6161/", "PL/AS") that may still
// be `valid`'s: its categories are the last of `valid`'s (a read that lost the first ones), and
// the producer's digits, when read, are at most one OCR slip from `valid`'s.
bool MayBePartOf(const NotificationNumber& part, const NotificationNumber& valid) {
  const auto& a = part.categories;
  const auto& b = valid.categories;
  if (a.size() > b.size() || !std::equal(a.rbegin(), a.rend(), b.rbegin())) return false;
  return !part.producer || part.producer->empty() || !valid.producer || EditDistance(*part.producer, *valid.producer) <= 1;
}

// A number line on `p` read without confidence or in a wrong format (categories or a label
// before it) that shows another number than every well-formed one of the other photos: its
// digits on both sides of the slash more than one OCR slip away, or, without those digits, other
// categories or another producer (not a read that began inside the categories). Taking the
// well-formed one would resolve the conflict silently.
bool ShowsAnotherNumber(const ScanResult& p, const std::vector<const ScanResult*>& validOn) {
  const NumberFinding& f = p.number;
  if (f.number.valid() || f.number.absent() || !(f.labelled || f.categoryAnchored)) return false;
  const std::string digits = DigitsOf(f.number);
  if (digits.empty())
    return f.categoryAnchored && !f.startCut && !f.number.categories.empty() &&
           std::none_of(validOn.begin(), validOn.end(),
                        [&](const ScanResult* o) { return MayBePartOf(f.number, o->number.number); });
  return std::all_of(validOn.begin(), validOn.end(), [&](const ScanResult* o) {
    return EditDistance(digits, DigitsOf(o->number.number)) > 1;
  });
}

// A number line read with digits on both sides of the slash but not well-formed or not with
// confidence ("NUT 7532/3933" at a low confidence, "AS 12/3/4"): what a photo shows, even when no
// photo read a number for sure.
bool ReadWithDigits(const NumberFinding& f) {
  return !f.number.valid() && !f.number.absent() && (f.labelled || f.categoryAnchored) && !DigitsOf(f.number).empty();
}

// How a number read without a well-formed result is named among the numbers the photos show.
std::string NotSureName(const ScanResult& p) {
  return p.number.number.text + " (" + BaseName(p.file) +
         (p.number.number.status == NumberStatus::Unreadable ? ", not read with confidence)" : ", not a well-formed number)");
}

// The photo a line of the merged text came from: evidence holds the line's text and box.
std::string FileOfEvidence(const Evidence& e, const std::vector<TextLine>& lines, const std::vector<std::string>& lineFile) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text != e.text) continue;
    const Box& b = lines[i].box;
    if (e.box.empty() || b.empty() ||
        (e.box.x >= b.x && e.box.y >= b.y && e.box.right() <= b.right() && e.box.bottom() <= b.bottom()))
      return lineFile[i];
  }
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].text.find(e.text) != std::string::npos || e.text.find(lines[i].text) != std::string::npos)
      return lineFile[i];
  return lineFile.empty() ? std::string() : lineFile.front();
}

// Every vitamin and mineral: the lines of all photos and their nutrient tables read together
// (a table on the back, the directions on the side), each evidence naming its photo. Two photos
// that read different amounts of one nutrient leave it unknown, with both amounts said. True
// when some nutrient's photos disagree.
bool MergeNutrients(ScanResult& r, const std::vector<const ScanResult*>& read, const std::vector<std::string>& lineFile,
                    const Models& models, const std::string& profile) {
  std::vector<TextLine> all = r.lines;
  std::vector<std::string> allFile = lineFile;
  for (const auto* p : read)
    for (const auto& line : p->tableLines) {
      all.push_back(line);
      allFile.push_back(p->file);
      r.tableLines.push_back(line);
    }
  std::vector<NutrientFacts> facts =
      ExtractNutrients(all, models.nutrientNames, models.nutrients, models.vocabulary, models.rules.Limits());
  bool disagree = false;
  for (auto& f : facts) {
    // As for magnesium: two amounts per unit, or two a day (a table's per-day column on one
    // photo, another on the other), are two doses.
    std::vector<Reading> perUnit, perDay;
    for (const auto* p : read)
      for (const auto& n : p->nutrients) {
        if (n.facts.id != f.id) continue;
        if (n.facts.perUnit) perUnit.push_back({*n.facts.perUnit, p->file});
        if (n.facts.perDay) perDay.push_back({*n.facts.perDay, p->file});
      }
    perUnit = Distinct(perUnit);
    perDay = Distinct(perDay);
    if (perUnit.size() > 1 || perDay.size() > 1) {
      disagree = true;
      std::string what;
      if (perUnit.size() > 1) what = Describe(perUnit, (" " + f.unit + " per unit").c_str());
      if (perDay.size() > 1) what += (what.empty() ? "" : "; ") + Describe(perDay, (" " + f.unit + " a day").c_str());
      f.problems.push_back("the photos disagree: " + what);
      f.perUnit.reset();
      f.perDay.reset();
      f.perDayRange.reset();
      f.basis = DoseSource::kUnknown;
    }
    for (auto& e : f.evidence) e.file = FileOfEvidence(e, all, allFile);
  }
  UseMagnesiumReading(facts, r.magnesium);
  const auto who = ProfileFromId(profile);
  r.nutrients = AssessNutrients(std::move(facts), models.nutrients, who ? *who : AgeProfile{});
  return disagree;
}

// The number: from the photo that shows it. Two photos with two different well-formed
// numbers: which one the product carries cannot be told from the photos. Returns the numbers
// shown when they disagree ("NUT 12/3 (front.jpg) and NUT 12/8 (side.jpg)"), else "".
std::string MergeNumber(ScanResult& r, const std::vector<const ScanResult*>& read) {
  const ScanResult* numberPhoto = nullptr;
  std::vector<const ScanResult*> validOn;
  for (const auto* p : read) {
    if (p->number.number.absent()) continue;
    if (!numberPhoto || BetterNumberFinding(p->number, numberPhoto->number)) numberPhoto = p;
    if (p->number.number.valid() &&
        std::none_of(validOn.begin(), validOn.end(),
                     [&](const ScanResult* o) { return o->number.number.canonical == p->number.number.canonical; }))
      validOn.push_back(p);
  }
  // Every number the photos show: the well-formed ones, and the ones read without confidence
  // whose digits are plainly others ("NUT 7532/3933 (side.jpg, not read with confidence)").
  std::vector<std::string> numbersShown;
  for (const auto* p : validOn) numbersShown.push_back(p->number.number.canonical + " (" + BaseName(p->file) + ")");
  if (!validOn.empty()) {
    for (const auto* p : read)
      if (ShowsAnotherNumber(*p, validOn)) numbersShown.push_back(NotSureName(*p));
  } else {
    // No photo read a number for sure, but two read number lines whose digits are plainly
    // others (more than one OCR slip apart): two numbers shown, the product carries which one
    // cannot be told either. One of them reported unreadable would hide the other.
    std::vector<std::string> digitsShown;
    for (const auto* p : read) {
      if (!ReadWithDigits(p->number)) continue;
      const std::string digits = DigitsOf(p->number.number);
      if (std::any_of(digitsShown.begin(), digitsShown.end(), [&](const std::string& d) { return EditDistance(d, digits) <= 1; }))
        continue;
      digitsShown.push_back(digits);
      numbersShown.push_back(NotSureName(*p));
    }
    if (numbersShown.size() < 2) numbersShown.clear();
  }
  std::string numberList;  // "NUT 12/3 (front.jpg) and NUT 12/8 (side.jpg)" when they disagree
  if (numberPhoto) {
    r.number = numberPhoto->number;
    if (r.number.file.empty()) r.number.file = numberPhoto->file;
    r.registry = numberPhoto->registry;
    if (numbersShown.size() > 1) {
      for (size_t i = 0; i < numbersShown.size(); ++i)
        numberList += (i == 0 ? "" : i + 1 == numbersShown.size() ? " and " : ", ") + numbersShown[i];
      NotificationNumber& n = r.number.number;
      n.status = NumberStatus::Invalid;
      n.canonical.clear();
      n.SetProblem(NumberProblemKind::Conflict, "the photos show different numbers: " + numberList);
      r.registry = RegistryAnswer{};
    }
  }
  return numberList;
}

// Magnesium: the lines of all photos read together, so that a table on one photo and the
// directions on another make one dose; each photo's lines as its own dose was read, with its
// nutrient table's header read again above the rows ("Per daily dose (1 sachet)": products seed
// 27644 clean-0010, whose directions read "Take | sachet daily", lost the units a day that the
// back photo alone had). Each photo's own reading checks for contradictions. Returns what the
// photos disagree on ("magnesium a day 300 mg (a.jpg) and 600 mg (b.jpg)"), the dose then left
// unknown.
std::vector<std::string> MergeMagnesium(ScanResult& r, const std::vector<const ScanResult*>& read, const Models& models) {
  // Each photo's lines with its table's header read again above the rows; with `rows`, its
  // table's block and column readings after them too.
  const auto linesOfPhotos = [&read](bool rows, std::vector<std::string>& lineFile) {
    std::vector<TextLine> lines;
    for (const auto* p : read) {
      NutrientTableReading table;
      const auto headerEnd = p->tableLines.begin() + static_cast<long>(std::min(p->tableHeaderLines, p->tableLines.size()));
      table.header.assign(p->tableLines.begin(), headerEnd);
      if (rows) table.rows.assign(headerEnd, p->tableLines.end());
      for (auto& line : WithTableReading(p->lines, table)) {
        lines.push_back(std::move(line));
        lineFile.push_back(p->file);
      }
    }
    return lines;
  };
  std::vector<std::string> lineFile;
  std::vector<TextLine> lines = linesOfPhotos(false, lineFile);
  r.magnesium = ExtractMagnesium(lines, models.vocabulary, models.rules.Limits());
  // No dose from the lines: the tables' rows as their block reading got them, as a photo alone
  // reads its dose (scan/nutrient_table_reread.h, ConcludeWithTableRows). The whole-label pass
  // misread a row ('Magnesium 11875 mg "1375 mg 100 %'), the dose did not add up and was left
  // unknown, where the block reading has "Magnesium 187.5 mg 375 mg 100 %" (products seed 58111
  // phone-0024: the label alone, read as a product of one photo, lost the dose its scan has).
  if (!r.magnesium.mgPerUnit && !r.magnesium.mgPerDay) {
    std::vector<std::string> withRowsFile;
    std::vector<TextLine> withRows = linesOfPhotos(true, withRowsFile);
    MagnesiumFacts m = ExtractMagnesium(withRows, models.vocabulary, models.rules.Limits());
    if (m.mgPerUnit || m.mgPerDay) {
      r.magnesium = std::move(m);
      lines = std::move(withRows);
      lineFile = std::move(withRowsFile);
    }
  }
  for (const auto* p : read) {
    // A photo may have seen magnesium or a salt through a re-read that the merged text keeps,
    // but a salt or the presence read on one photo is never lost.
    r.magnesium.present |= p->magnesium.present;
    for (const auto& s : p->magnesium.salts)
      if (std::find(r.magnesium.salts.begin(), r.magnesium.salts.end(), s) == r.magnesium.salts.end())
        r.magnesium.salts.push_back(s);
  }
  for (auto& e : r.magnesium.evidence) e.file = FileOfEvidence(e, lines, lineFile);

  std::vector<Reading> perUnit, perDay, units;
  for (const auto* p : read) {
    if (p->magnesium.mgPerUnit) perUnit.push_back({*p->magnesium.mgPerUnit, p->file});
    if (p->magnesium.mgPerDay) perDay.push_back({*p->magnesium.mgPerDay, p->file});
    if (p->magnesium.unitsPerDay) units.push_back({*p->magnesium.unitsPerDay, p->file});
  }
  std::vector<std::string> disagreements;
  perUnit = Distinct(perUnit);
  perDay = Distinct(perDay);
  units = Distinct(units);
  if (perUnit.size() > 1) disagreements.push_back("magnesium per unit " + Describe(perUnit, " mg"));
  if (perDay.size() > 1) disagreements.push_back("magnesium a day " + Describe(perDay, " mg"));
  if (units.size() > 1) disagreements.push_back("units a day " + Describe(units, ""));
  if (!disagreements.empty()) {
    // Never pick one: the dose is unknown, and the range shows how far the photos are apart.
    MagnesiumFacts& m = r.magnesium;
    if (perDay.size() > 1) {
      const auto [lo, hi] = std::minmax_element(perDay.begin(), perDay.end(),
                                                [](const Reading& a, const Reading& b) { return a.value < b.value; });
      m.mgPerDayRange = std::pair{lo->value, hi->value};
    } else {
      m.mgPerDayRange.reset();
    }
    if (perUnit.size() > 1) m.mgPerUnit.reset();
    if (units.size() > 1) m.unitsPerDay.reset();
    m.mgPerDay.reset();
    m.basis = DoseSource::kUnknown;
    m.riMismatch.reset();
  }
  return disagreements;
}

// The assessment says when the photos disagree: on the number (`numberList`), a nutrient, or
// the magnesium dose (`disagreements`).
void SayPhotosDisagree(Assessment& a, const std::string& numberList, bool nutrientsDisagree,
                       const std::vector<std::string>& disagreements) {
  if (!numberList.empty()) {
    // The format check's wording does not fit: the format is right, the photos disagree.
    for (auto& f : a.flags)
      if (f == "number_invalid") f = "photos_disagree";
    for (auto& msg : a.messages)
      if (msg.rfind("The notification number '", 0) == 0)
        msg = "The photos show different notification numbers (" + numberList + "): which one the product carries cannot be told. Check the pack, or photograph the number again.";
  }
  const auto flagOnce = [&a] {
    if (std::find(a.flags.begin(), a.flags.end(), "photos_disagree") == a.flags.end()) a.flags.push_back("photos_disagree");
  };
  if (nutrientsDisagree) flagOnce();
  if (!disagreements.empty()) {
    flagOnce();
    std::string what;
    for (const auto& d : disagreements) what += (what.empty() ? "" : "; ") + d;
    a.messages.push_back("The photos disagree on the dose: " + what +
                         ". The dose is left unknown: check the pack, or photograph the table again.");
  }
}

// How the photos were read: the first one's settings, the time of all.
void MergeOcrInfo(ScanResult& r, const std::vector<const ScanResult*>& read) {
  for (const auto* p : read) {
    if (!p->ocr) continue;
    if (!r.ocr) {
      r.ocr = p->ocr;
      r.ocr->ms = 0;
    }
    r.ocr->ms += p->ocr->ms;
  }
}

}  // namespace

ScanResult MergeProductResults(const std::vector<ScanResult>& photos, const Models& models, const std::string& profile) {
  ScanResult r;
  std::vector<const ScanResult*> read;
  for (const auto& p : photos) {
    r.files.push_back(p.file);
    if (p.ok) read.push_back(&p);
  }
  if (photos.empty()) {
    r.error = MakeError("io_error", "a product needs at least one photo");
    return r;
  }
  r.file = photos.front().file;
  if (read.empty()) {
    r.error = photos.front().error;
    if (photos.size() > 1) r.error.message = "none of the " + std::to_string(photos.size()) + " photos could be read; " + r.error.message;
    return r;
  }
  r.ok = true;
  for (const auto* p : read) r.coverage |= p->coverage;

  const std::string numberList = MergeNumber(r, read);
  ApplyCoverageToNumber(r.number, r.coverage);
  std::vector<std::string> lineFile;
  for (const auto* p : read)
    for (const auto& line : p->lines) {
      r.lines.push_back(line);
      lineFile.push_back(p->file);
    }
  const std::vector<std::string> disagreements = MergeMagnesium(r, read, models);
  r.assessment = Assess(r.number, r.registry, r.magnesium, r.coverage, models.rules, profile);
  const bool nutrientsDisagree = MergeNutrients(r, read, lineFile, models, profile);
  SayPhotosDisagree(r.assessment, numberList, nutrientsDisagree, disagreements);
  for (const auto& p : photos)
    if (!p.ok) r.assessment.messages.push_back("The photo " + BaseName(p.file) + " could not be read: " + p.error.message);
  MergeOcrInfo(r, read);
  return r;
}

ScanResult EvidenceOnFile(const ScanResult& product, const std::string& file) {
  ScanResult r = product;
  const auto onFile = [&](const std::string& f) { return f == file || (f.empty() && file == product.file); };
  if (!onFile(r.number.file)) r.number.box = Box{};
  r.magnesium.evidence.erase(std::remove_if(r.magnesium.evidence.begin(), r.magnesium.evidence.end(),
                                            [&](const Evidence& e) { return !onFile(e.file); }),
                             r.magnesium.evidence.end());
  for (auto& n : r.nutrients)
    n.facts.evidence.erase(std::remove_if(n.facts.evidence.begin(), n.facts.evidence.end(),
                                          [&](const Evidence& e) { return !onFile(e.file); }),
                           n.facts.evidence.end());
  return r;
}

}  // namespace suppcheck
