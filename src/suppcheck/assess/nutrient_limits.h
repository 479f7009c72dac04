#pragma once
// The limits of every vitamin and mineral, read from models/nutrients.json: the health limit
// (EFSA upper level or safe level, per age band) and the Belgian legal maximum per daily
// portion, kept apart; the EU reference intake; mandatory warnings; the forms and compounds a
// label names. Every value keeps its source and whether it was confirmed against it.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "suppcheck/util/expected.h"

namespace suppcheck {

struct LimitSource {
  std::string id;
  std::string title;
  std::string ref;      ///< journal reference, decree, ...
  std::string doi;
  std::string checked;  ///< what of it was read, and where
  std::optional<int> year;
  /// "EFSA 2023, EFSA Journal 2023;21(5):8006, doi 10.2903/j.efsa.2023.8006" style, for a report.
  std::string Cite() const;
};

/// One age band of one health limit.
struct BandLimit {
  enum class Type { Value, Range, NoneSet };
  Type type = Type::Value;
  double value = 0;          ///< Type::Value
  double low = 0, high = 0;  ///< Type::Range: only the span is known
  bool confirmed = true;
  std::string note;          ///< why unconfirmed, or why none is set
};

/// A health limit: a UL, a safe level, or "none set" for the nutrient (kind None).
struct HealthLimit {
  enum class Kind { UpperLevel, SafeLevel, None };
  Kind kind = Kind::None;
  std::string appliesTo;             ///< "total_intake" | "supplements_only" | "added_forms" | "" (kind None)
  std::string sourceId;
  std::vector<std::string> forms;    ///< the forms it is about; empty = every form
  std::string note;
  std::map<std::string, BandLimit> bands;  ///< "1-3" ... "adult", "pregnancy", "lactation"
};

struct LegalLimit {
  std::optional<double> value;  ///< none: no Belgian maximum (removed, or not a listed nutrient)
  std::string unit;
  std::string country = "BE";
  std::string sourceId;
  bool confirmed = false;
  std::string reason;           ///< why unconfirmed, or why there is none
};

struct MandatoryWarning {
  std::string id;
  double above = 0;                 ///< the warning is required above this amount a day
  std::string unit;
  std::vector<std::string> forms;   ///< only for these forms; empty = every form
  std::string sourceId;
  bool confirmed = false;
  std::string reason;
  std::string message;
};

/// A compound whose mass a label may print instead of the element's (zinc gluconate ...).
struct Compound {
  std::string formula;
  double molarMass = 0;  ///< g/mol, computed from the formula with the atomic masses in the file
  std::string element;   ///< "Zn"
  int elementAtoms = 1;
};

struct NutrientForm {
  std::string id;
  std::map<std::string, std::vector<std::string>> names;  ///< "nl", "fr", "de", "en"
  std::optional<Compound> compound;
  std::string iuForm;  ///< vitamin E: "rrr" | "all_rac" (which IU factor applies)
};

struct Nutrient {
  std::string id;    ///< spec/report.md id: "vitamin_b6"
  std::string name;  ///< "vitamin B6"
  std::string unit;  ///< "mg" | "µg"
  std::map<std::string, std::vector<std::string>> names;
  std::optional<double> referenceIntake;  ///< EU NRV, same unit
  std::vector<double> usDailyValues;      ///< what a US "% DV" is of (2016, then 1968), same unit
  std::vector<HealthLimit> upperLevels;   ///< usually one; niacin has one per form
  LegalLimit legalMax;
  std::vector<NutrientForm> forms;
  std::vector<MandatoryWarning> warnings;

  const NutrientForm* FindForm(std::string_view formId) const;
};

class NutrientLimits {
 public:
  /// Reads and checks models/nutrients.json; the error names the file and the entry at fault.
  static Expected<NutrientLimits> Load(const std::filesystem::path& modelsDir);
  /// The same from text (file is only for the messages).
  static Expected<NutrientLimits> Parse(const std::string& text, const std::string& file);

  const Nutrient* Find(std::string_view id) const;
  const LimitSource* Source(std::string_view id) const;
  const std::vector<Nutrient>& All() const { return nutrients_; }
  std::optional<double> AtomicMass(std::string_view element) const;
  /// A conversion factor of the "conversions" block: ("vitamin_d_iu", "ug_per_iu") ...
  std::optional<double> Factor(std::string_view conversion, std::string_view key) const;

 private:
  std::vector<Nutrient> nutrients_;
  std::map<std::string, LimitSource, std::less<>> sources_;
  std::map<std::string, double, std::less<>> atomicMasses_;
  std::map<std::string, double, std::less<>> factors_;  ///< "conversion/key"
};

}  // namespace suppcheck
