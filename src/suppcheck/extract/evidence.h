#pragma once
// A value's evidence: the line of the label it was read from, as a person would read it, and
// its box on the photo.

#include <string>

#include "suppcheck/util/box.h"

namespace suppcheck {

struct Evidence {
  std::string text;
  Box box;  ///< empty without OCR geometry
  std::string role;  ///< "dose", "salt", "units_per_day" (for annotation labels)
  std::string file = {};  ///< the photo the box belongs to, for a product of several photos (empty: the result's file)
};

}  // namespace suppcheck
