#pragma once
// The number's band cut level out of a working image whose lines slope through it. A side panel
// turned a quarter and photographed in perspective keeps its lines a few degrees off level even
// after the turn: the band cut round the number line then holds the ends of the lines above and
// below, and the re-reads disagree where a person reads the number at once (label seed 71523
// phone-0017: "PL 51/564" in a band sloping 7 degrees, unreadable). The band's surroundings are
// cut out and turned level, and the band is fitted again to its row of ink.

#include <optional>

#include "suppcheck/image/label_image.h"
#include "suppcheck/image/working_region.h"
#include "suppcheck/util/box.h"

namespace suppcheck {

/// A band cut level: the cut-out it lies in (turned level, with its way back to `image`) and the
/// band in the cut-out's pixels.
struct LevelledBand {
  WorkingRegion region;
  Box band;
  double degrees = 0;  ///< how far the rows sloped (positive: rising to the right)
};

/// `band` of `image` cut level, the rows' slope measured on the band and a line above and below
/// it; nothing when the rows slope less than kLeastBandSlopeDegrees (the band is as level as a
/// re-cut would make it) or the band is empty.
std::optional<LevelledBand> LevelNumberBand(const PreparedImage& image, const Box& band);

/// Below this slope, in degrees, the band is left as cut: the band's glyphs (a third of its
/// height margin above and below) stay clear of the neighbouring lines over a band's length.
inline constexpr double kLeastBandSlopeDegrees = 1.5;

}  // namespace suppcheck
