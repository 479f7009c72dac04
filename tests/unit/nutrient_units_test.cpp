// Units and forms as data: IU conversions, µg DFE, retinol equivalents, and compound mass to the
// element, each checked against a value worked out by hand; the compound molar masses in
// models/nutrients.json recomputed from their formulas.

#include <catch2/catch.hpp>

#include <cctype>

#include "support/nutrient_limits.h"
#include "suppcheck/assess/nutrient_units.h"

using namespace suppcheck;
using Catch::Detail::Approx;

namespace {

const NutrientLimits& Limits() { return test::TestNutrientLimits(); }

/// Molar mass of a formula such as "Ca3(C6H5O7)2·4H2O" from the atomic masses in the data.
double MolarMass(const std::string& formula) {
  const std::string dot = "\xC2\xB7";  // ·
  double total = 0;
  size_t start = 0;
  while (start <= formula.size()) {
    const size_t end = std::min(formula.find(dot, start), formula.size());
    std::string part = formula.substr(start, end - start);
    size_t i = 0;
    int mult = 0;
    while (i < part.size() && std::isdigit(static_cast<unsigned char>(part[i]))) mult = mult * 10 + (part[i++] - '0');
    if (mult == 0) mult = 1;
    std::vector<double> stack{0.0};
    auto count = [&](size_t& k) {
      int n = 0;
      while (k < part.size() && std::isdigit(static_cast<unsigned char>(part[k]))) n = n * 10 + (part[k++] - '0');
      return n == 0 ? 1 : n;
    };
    while (i < part.size()) {
      if (part[i] == '(') {
        stack.push_back(0);
        ++i;
      } else if (part[i] == ')') {
        ++i;
        const double inner = stack.back() * count(i);
        stack.pop_back();
        stack.back() += inner;
      } else {
        std::string el(1, part[i++]);
        if (i < part.size() && std::islower(static_cast<unsigned char>(part[i]))) el += part[i++];
        const auto m = Limits().AtomicMass(el);
        if (!m) throw std::runtime_error("no atomic mass for " + el);
        stack.back() += *m * count(i);
      }
    }
    total += mult * stack.front();
    if (end == formula.size()) break;
    start = end + dot.size();
  }
  return total;
}

}  // namespace

TEST_CASE("mass units: mcg and µg are the same", "[assess][units]") {
  CHECK(CanonicalMassUnit("mcg") == "\xC2\xB5g");
  CHECK(CanonicalMassUnit("\xCE\xBCg") == "\xC2\xB5g");  // Greek mu
  CHECK(CanonicalMassUnit("MG") == "mg");
  CHECK(CanonicalMassUnit("IU").empty());
  CHECK(*ConvertMass(680, "mcg", "mg") == Approx(0.68));
  CHECK(*ConvertMass(1.5, "g", "mg") == Approx(1500));
  CHECK_FALSE(ConvertMass(5, "IU", "mg"));
}

TEST_CASE("IU: vitamin D divided by 40, vitamin E by form", "[assess][units]") {
  CHECK(*VitaminDMicrogramsFromIU(Limits(), 1000) == Approx(25));
  CHECK(*VitaminDMicrogramsFromIU(Limits(), 4000) == Approx(100));
  const auto natural = *VitaminEMilligramsFromIU(Limits(), 100, "rrr_alpha_tocopherol");
  CHECK(natural.first == Approx(67));
  CHECK(natural.second == Approx(67));
  const auto synthetic = *VitaminEMilligramsFromIU(Limits(), 100, "all_rac_alpha_tocopheryl_acetate");
  CHECK(synthetic.first == Approx(45));
  const auto unknown = *VitaminEMilligramsFromIU(Limits(), 100, "");
  CHECK(unknown.first == Approx(45));
  CHECK(unknown.second == Approx(67));
}

TEST_CASE("folate DFE and vitamin A retinol equivalents", "[assess][units]") {
  // The US panel of ../shared/data/real prints "680 mcg DFE (400 mcg folic acid)".
  CHECK(*FolicAcidFromDfe(Limits(), 680) == Approx(400));
  CHECK(*RetinolEquivalentsFromIU(Limits(), 10000) == Approx(3000));
  CHECK(*RetinolEquivalentsFromBetaCarotene(Limits(), 6000) == Approx(1000));
}

TEST_CASE("compound mass to element, fractions from molar masses", "[assess][units]") {
  // Worked by hand: Zn 65.38 / C12H22O14Zn 455.68; Fe 55.845 / Fe(C2H4NO2)2 203.96;
  // Se 78.971 / Na2SeO3 172.94; I 126.904 / KI 166.00.
  CHECK(*ElementFraction(Limits(), "zinc", "zinc_gluconate") == Approx(0.1435).epsilon(0.001));
  CHECK(*ElementFromCompoundMass(Limits(), "zinc", "zinc_gluconate", 70) == Approx(10.04).epsilon(0.001));
  CHECK(*ElementFraction(Limits(), "iron", "ferrous_bisglycinate") == Approx(0.2738).epsilon(0.001));
  CHECK(*ElementFraction(Limits(), "selenium", "sodium_selenite") == Approx(0.4566).epsilon(0.001));
  CHECK(*ElementFraction(Limits(), "iodine", "potassium_iodide") == Approx(0.7645).epsilon(0.001));
  CHECK_FALSE(ElementFraction(Limits(), "zinc", "zinc_unobtainate"));
  CHECK_FALSE(ElementFraction(Limits(), "selenium", "selenium_yeast"));  // declared, not computed
}

TEST_CASE("every compound's molar mass matches its formula", "[assess][units]") {
  int compounds = 0;
  for (const Nutrient& n : Limits().All())
    for (const NutrientForm& f : n.forms) {
      if (!f.compound) continue;
      INFO(n.id << " " << f.id << " " << f.compound->formula);
      CHECK(MolarMass(f.compound->formula) == Approx(f.compound->molarMass).margin(0.01));
      const double fraction = *ElementFraction(Limits(), n.id, f.id);
      CHECK(fraction > 0);
      CHECK(fraction < 1);
      ++compounds;
    }
  CHECK(compounds >= 30);
}
