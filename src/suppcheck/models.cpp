#include "suppcheck/models.h"

namespace suppcheck {

Expected<std::shared_ptr<const Models>> Models::Load(const std::filesystem::path& dir) {
  auto vocab = Vocabulary::Load(dir);
  if (!vocab) return vocab.error();
  auto rules = Rules::Load(dir);
  if (!rules) return rules.error();
  auto nutrients = NutrientLimits::Load(dir);
  if (!nutrients) return nutrients.error();
  auto names = NutrientNameIndex::Load(dir, *nutrients);
  if (!names) return names.error();
  auto m = std::make_shared<Models>();
  m->dir = dir;
  m->nutrients = std::move(*nutrients);
  m->nutrientNames = std::move(*names);
  m->vocabulary = std::move(*vocab);
  m->rules = std::move(*rules);
  return std::shared_ptr<const Models>(std::move(m));
}

}  // namespace suppcheck
