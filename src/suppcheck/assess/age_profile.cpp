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

const std::vector<std::string>& ProfileNames() {
  static const std::vector<std::string> names = {"adult", "child-4-10", "child-1-3", "pregnant", "lactating"};
  return names;
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
  AgeProfile p;
  p.rulesProfileId = name;
  if (name == "adult") {
    p.band = "adult";
  } else if (name == "child-4-10") {
    p.band = "4-6";
  } else if (name == "child-1-3") {
    p.band = "1-3";
  } else if (name == "pregnant") {
    p.stage = LifeStage::Pregnant;
  } else if (name == "lactating") {
    p.stage = LifeStage::Lactating;
  } else {
    return MakeError("bad_profile", "unknown profile '" + name +
                                        "' (known: adult, child-4-10, child-1-3, pregnant, lactating; or --age YEARS)");
  }
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
