#pragma once
// Which nutrient name on a line owns an amount: the nearest name before it at its parenthesis
// depth or shallower ("Zink (als zinkgluconaat) 10 mg"), or in amount-first text ("400 µg
// foliumzuur, 10 mg zink") the name right after it, through the owner connectors of the
// vocabulary ("400 µg de acide folique"). And whether a form is only a qualifier of the
// nutrient's own name ("Zinc (as zinc gluconate) 15 mg": the amount is zinc, not the compound).

#include <cstddef>

#include "suppcheck/extract/nutrient_line_read.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

/// The name or form right after amount `q` ("10 mg zink"); null when none or when that name heads
/// a row of its own ("Vanadium 10 mcg").
const NutrientNameMatch* NameAfter(const LineRead& lr, const Quantity& q, const Vocabulary& vocab);

/// The name that owns amount `qi` of the line, null when none.
const NutrientNameMatch* OwnerOf(const LineRead& lr, size_t qi, const Vocabulary& vocab);

/// The nutrient's own name that `form` qualifies through "(", " as ", "sous forme"...; null when
/// the form stands alone (its amount is then the compound's mass).
const NutrientNameMatch* NameQualifiedBy(const LineRead& lr, const NutrientNameMatch& form, const Vocabulary& vocab);

}  // namespace suppcheck
