#pragma once
// Units and forms as data: mass units (µg = mcg = ug), IU to µg for vitamin D and to mg for
// vitamin E (by form), µg DFE and folic acid, retinol equivalents, and a compound's mass to the
// element's (zinc gluconate to zinc). The factors come from models/nutrients.json.

#include <string>
#include <string_view>
#include <utility>

#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

/// "mg" | "µg" | "g" for the spellings a label uses (mcg, ug, μg with the Greek mu, µg, MG ...);
/// empty for anything else (IU, %).
std::string CanonicalMassUnit(std::string_view unit);

/// `value` in `from` expressed in `to` (both mass units as above). An error for other units.
Expected<double> ConvertMass(double value, std::string_view from, std::string_view to);

/// Vitamin D: µg from IU (1 µg = 40 IU).
Expected<double> VitaminDMicrogramsFromIU(const NutrientLimits& limits, double iu);

/// Vitamin E: mg α-tocopherol from IU. `formId` is a vitamin E form of the data (natural RRR or
/// synthetic all-rac, free or ester); empty or unknown gives the range of the two factors.
Expected<std::pair<double, double>> VitaminEMilligramsFromIU(const NutrientLimits& limits, double iu,
                                                            std::string_view formId);

/// Folic acid µg from µg DFE (1 µg folic acid = 1.7 µg DFE).
Expected<double> FolicAcidFromDfe(const NutrientLimits& limits, double ugDfe);

/// Retinol equivalents (µg RE) from IU of vitamin A (retinol), and from µg of β-carotene.
Expected<double> RetinolEquivalentsFromIU(const NutrientLimits& limits, double iu);
Expected<double> RetinolEquivalentsFromBetaCarotene(const NutrientLimits& limits, double ugBetaCarotene);

/// The mass fraction of the element in a compound form (zinc gluconate: 0.1435), computed from
/// the compound's molar mass and the element's atomic mass in the data.
Expected<double> ElementFraction(const NutrientLimits& limits, std::string_view nutrientId, std::string_view compoundId);

/// The element's mass in `compoundMass` of the compound (same unit as given).
Expected<double> ElementFromCompoundMass(const NutrientLimits& limits, std::string_view nutrientId,
                                         std::string_view compoundId, double compoundMass);

}  // namespace suppcheck
