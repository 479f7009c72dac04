#include "suppcheck/assess/age_profile.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace suppcheck {

namespace {

struct Band {
  const char* id;
  double from;  ///< inclusive, years
  double to;    ///< exclusive; 0 = no end
  const char* children;
};

// EFSA's bands for children and adolescents (ages in completed years).
constexpr Band kBands[] = {
    {"1-3", 1, 4, "children aged 1 to 3"},       {"4-6", 4, 7, "children aged 4 to 6"},
    {"7-10", 7, 11, "children aged 7 to 10"},    {"11-14", 11, 15, "adolescents aged 11 to 14"},
    {"15-17", 15, 18, "adolescents aged 15 to 17"}, {"adult", 18, 0, "adults"},
};

// Oldest age accepted: anything above is a typing error, not a person.
constexpr double kMaxAge = 130;
// Youngest age at which --age combines with pregnant or lactating.
constexpr double kMinAgeForStage = 11;

std::string Years(double y) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << y;
  return s.str();
}

}  // namespace

const std::vector<std::string>& AgeBandIds() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& b : kBands) v.emplace_back(b.id);
    return v;
  }();
  return ids;
}

namespace {

// The --profile names, in the order --help lists them, and the ages each one covers (for --age
// given with it). child-4-10 spans the EFSA bands 4-6 and 7-10 and uses 4-6, whose limits are the
// lower ones, so no child of 4 to 10 gets a limit too high. The names are code, not models/ data:
// ../shared/spec/cli.md fixes them and scripts pass them; every limit they select lives in
// models/rules.json and models/nutrients.json.
struct NamedProfile {
  const char* name;
  const char* band;
  LifeStage stage;
  double ageFrom, ageTo;  // years, from <= age < to; 0 to 0 for the stages (any age from 11)
};
constexpr NamedProfile kNamedProfiles[] = {
    {"adult", "adult", LifeStage::None, 18, 1e9},
    {"child-4-10", "4-6", LifeStage::None, 4, 11},
    {"child-1-3", "1-3", LifeStage::None, 1, 4},
    {"pregnant", "adult", LifeStage::Pregnant, 0, 0},
    {"lactating", "adult", LifeStage::Lactating, 0, 0},
};

const NamedProfile* FindNamedProfile(const std::string& name) {
  for (const auto& p : kNamedProfiles)
    if (name == p.name) return &p;
  return nullptr;
}

}  // namespace

const std::vector<std::string>& ProfileNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& p : kNamedProfiles) v.emplace_back(p.name);
    return v;
  }();
  return names;
}

std::string ProfileNamesJoined(const std::string& separator) {
  std::string out;
  for (const auto& name : ProfileNames()) out += (out.empty() ? "" : separator) + name;
  return out;
}

bool NamedAgeGroupFits(const std::string& name, double years) {
  const NamedProfile* p = FindNamedProfile(name);
  return p && p->stage == LifeStage::None && years >= p->ageFrom && years < p->ageTo;
}

std::string AgeProfile::Label() const {
  std::string who;
  for (const auto& b : kBands)
    if (band == b.id) who = b.children;
  if (stage == LifeStage::None) return who.empty() ? "adults" : who;
  std::string label = stage == LifeStage::Pregnant ? "pregnant women" : "breastfeeding women";
  if (band != "adult" && ageYears) label += " aged " + Years(std::floor(*ageYears));
  return label;
}

Expected<std::string> AgeBandFor(double years) {
  if (!std::isfinite(years) || years < 0)
    return MakeError("bad_age", "age " + Years(years) + " is not a possible age in years");
  if (years < 1)
    return MakeError("bad_age", "age " + Years(years) +
                                    ": no EFSA band below 1 year (EFSA's limits for infants are not in this tool)");
  if (years > kMaxAge) return MakeError("bad_age", "age " + Years(years) + " is not a possible age in years");
  for (const auto& b : kBands)
    if (years >= b.from && (b.to == 0 || years < b.to)) return std::string(b.id);
  return std::string("adult");
}

Expected<double> ParseAgeYears(const std::string& text) {
  std::string t = text;
  for (char& c : t)
    if (c == ',') c = '.';  // "2,5" as written in Dutch, French and German
  const char* begin = t.c_str();
  char* end = nullptr;
  const double v = t.empty() ? NAN : std::strtod(begin, &end);
  const bool whole = end && *end == '\0' && end != begin;
  const bool digitsOnly = t.find_first_not_of("0123456789.-+") == std::string::npos;
  if (!whole || !digitsOnly || !std::isfinite(v))
    return MakeError("bad_age", "--age '" + text + "' is not a number of years (for example --age 4 or --age 2.5)");
  if (v < 0) return MakeError("bad_age", "--age '" + text + "' is negative; give the age in years");
  if (v < 1) return MakeError("bad_age", "--age '" + text + "': no EFSA band below 1 year");
  if (v > kMaxAge) return MakeError("bad_age", "--age '" + text + "' is not a possible age in years");
  return v;
}

Expected<AgeProfile> ProfileFromName(const std::string& name) {
  const NamedProfile* named = FindNamedProfile(name);
  if (!named)
    return MakeError("bad_profile", "unknown profile '" + name + "' (known: " + ProfileNamesJoined(", ") +
                                        "; or --age YEARS)");
  AgeProfile p;
  p.rulesProfileId = name;
  p.band = named->band;
  p.stage = named->stage;
  return p;
}

Expected<AgeProfile> ProfileFromId(const std::string& id) {
  if (id.rfind("age-", 0) == 0) {
    const std::string band = id.substr(4);
    for (const auto& b : kBands)
      if (band == b.id && band != "adult") {
        AgeProfile p;
        p.band = band;
        p.rulesProfileId = id;
        return p;
      }
  }
  return ProfileFromName(id);
}

Expected<AgeProfile> ProfileFromAge(double years, LifeStage stage) {
  auto band = AgeBandFor(years);
  if (!band) return band.error();
  if (stage != LifeStage::None && years < kMinAgeForStage)
    return MakeError("bad_age", "--age " + Years(years) + " with " +
                                    (stage == LifeStage::Pregnant ? "pregnant" : "lactating") +
                                    ": give the age of the woman (" + Years(kMinAgeForStage) + " or more)");
  AgeProfile p;
  p.band = *band;
  p.stage = stage;
  p.ageYears = years;
  if (stage == LifeStage::Pregnant)
    p.rulesProfileId = "pregnant";
  else if (stage == LifeStage::Lactating)
    p.rulesProfileId = "lactating";
  else
    p.rulesProfileId = p.band == "adult" ? "adult" : "age-" + p.band;
  return p;
}

}  // namespace suppcheck
