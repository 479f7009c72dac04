#include "suppcheck/extract/table_columns.h"

#include <algorithm>
#include <cstdlib>

namespace suppcheck {

namespace {

// The header phrase horizontally nearest to the amount's box.
const BasisPhrase* NearestColumn(const AnalysedLine& header, const TextLine& headerLine, const Box& amountBox) {
  const BasisPhrase* nearest = nullptr;
  int bestDx = 1 << 30;
  for (const auto& hp : header.phrases) {
    const auto [hb, he] = header.ft.OriginalRange(hp.begin, hp.end);
    const Box pb = headerLine.BoxOf(hb, he);
    const int dx = std::abs((pb.x + pb.w / 2) - (amountBox.x + amountBox.w / 2));
    if (!pb.empty() && dx < bestDx) {
      bestDx = dx;
      nearest = &hp;
    }
  }
  return nearest;
}

}  // namespace

std::optional<BasisPhrase> HeaderPhraseOver(const NutrientAmount& a, size_t rank, const std::vector<AnalysedLine>& info,
                                            const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  const size_t i = static_cast<size_t>(a.line);
  const AnalysedLine& row = info[i];
  for (size_t up = 1; up <= 8 && up <= i; ++up) {
    const AnalysedLine& h = info[i - up];
    if (!h.ownedQuantities.empty()) break;
    if (h.phrases.empty() || !h.quantities.empty() || LooksLikeDirections(h.ft.text, vocab)) continue;
    const bool geometry = !lines[i].box.empty() && !lines[i - up].box.empty();
    if (geometry && h.phrases.size() >= 2) {
      if (const BasisPhrase* nearest = NearestColumn(h, lines[i - up], lines[i].BoxOf(a.begin, a.end))) return *nearest;
    } else if (h.phrases.size() >= 2 && row.ownedQuantities.size() >= 2) {
      return h.phrases[std::min(rank, h.phrases.size() - 1)];
    } else {
      return h.phrases.back();
    }
  }
  return std::nullopt;
}

}  // namespace suppcheck
