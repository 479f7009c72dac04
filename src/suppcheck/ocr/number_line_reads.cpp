#include "suppcheck/ocr/number_line_reads.h"

#include <algorithm>
#include <optional>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/ink_row_fit.h"
#include "suppcheck/image/region_render.h"

namespace suppcheck {

namespace {

// One way of reading the band. `height` is the glyph height the crop is scaled to.
struct Variant {
  const char* name;
  double height;
  enum Ink { Gray, Otsu, Adaptive, Sharpened } ink;
  PageMode mode;
  bool whitelist;
  bool loose;  // a taller crop that is not clipped at the neighbouring lines
};

// Ordered so that the first two are as different as possible from each other and from the
// page-level read; the later ones are asked only when the first disagree.
constexpr Variant kVariants[] = {
    {"gray48-psm7", 48, Variant::Gray, PageMode::SingleLine, false, false},
    {"otsu36-psm13", 36, Variant::Otsu, PageMode::RawLine, false, false},
    {"gray64-psm7-wl", 64, Variant::Gray, PageMode::SingleLine, true, false},
    {"adaptive44-psm7-wl", 44, Variant::Adaptive, PageMode::SingleLine, true, false},
    {"sharp56-psm13", 56, Variant::Sharpened, PageMode::RawLine, false, false},
    {"gray40-psm7-loose", 40, Variant::Gray, PageMode::SingleLine, false, true},
};

// The typical word height on the finding's line: the finding's own box may span two lines when
// the page-level pass merged touching lines.
int GlyphHeight(const TextLine& line, const Box& base) {
  std::vector<int> hs;
  for (const auto& w : line.words)
    if (!w.box.empty()) hs.push_back(w.box.h);
  if (hs.empty()) return std::max(8, base.h);
  std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
  const int median = hs[hs.size() / 2];
  return std::max(8, base.empty() ? median : std::min(base.h, 2 * median));
}

cv::Mat Ink(const cv::Mat& gray, Variant::Ink ink, double glyph) {
  cv::Mat out;
  switch (ink) {
    case Variant::Gray: return gray;
    case Variant::Otsu: cv::threshold(gray, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU); return out;
    case Variant::Adaptive: {
      const int block = (static_cast<int>(glyph * 1.5) / 2) * 2 + 1;
      cv::adaptiveThreshold(gray, out, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, std::max(3, block), 12);
      return out;
    }
    case Variant::Sharpened: {
      cv::Mat blur;
      cv::GaussianBlur(gray, blur, {}, std::max(1.0, glyph / 24));
      cv::addWeighted(gray, 1.8, blur, -0.8, 0, out);
      return out;
    }
  }
  return gray;
}


}  // namespace

Box NumberLineBand(const std::vector<TextLine>& lines, const NumberFinding& finding, const cv::Mat& gray) {
  const cv::Size limit = gray.size();
  if (finding.line < 0 || static_cast<size_t>(finding.line) >= lines.size()) return {};
  // A framed number is read inside its frame: the frame's edges and the columns beside it are
  // no part of the line (a barcode beside the box read as 'WII').
  if (!finding.frame.empty()) return finding.frame;
  const TextLine& line = lines[static_cast<size_t>(finding.line)];
  Box base = finding.box.empty() ? line.box : finding.box;
  if (base.empty()) return {};
  const int h = GlyphHeight(line, base);
  if (base.h > 2 * h) base = {base.x, base.bottom() - h - h / 4, base.w, h + h / 4};  // merged lines: the number's row
  int x0 = base.x - h, x1 = base.right() + 4 * h;
  // A reading cut at its start (a slash, garbled categories or a category behind a bracket
  // before it) is read again with what precedes it in its column, up to a dozen glyphs: the
  // re-reads must see the categories the first reading lost, or their agreement is agreement on
  // a part ("PL/AS 74/3966" for "NUT/PL/AS 74/3966", "PL/AS 507/218" for "NUT/PL/AS 507/218").
  if (finding.startCut && finding.begin > 0 && finding.begin <= line.text.size()) {
    for (const auto& [from, to] : ColumnRanges(line)) {
      if (from >= finding.begin || to < finding.begin) continue;
      const Box before = line.BoxOf(from, finding.begin);
      if (!before.empty() && before.x < x0) x0 = std::max(before.x - h / 2, base.x - 12 * h);
      break;
    }
  }
  // To the right end of the text block: the page-level pass may have dropped the end of the line.
  for (const auto& other : lines)
    if (!other.box.empty() && other.box.x < base.right() + 2 * h && std::abs(other.box.centerY() - base.centerY()) < 8 * h)
      x1 = std::max(x1, std::min(other.box.right(), base.right() + 30 * h));
  int y0 = base.y - h / 3, y1 = base.bottom() + h / 3;
  // Stop at the lines above and below that share these columns.
  for (size_t i = 0; i < lines.size(); ++i) {
    const Box& o = lines[i].box;
    if (static_cast<int>(i) == finding.line || o.empty() || o.right() < x0 || o.x > x1) continue;
    if (o.VerticalOverlap(base) > base.h / 2) continue;
    if (o.centerY() < base.centerY()) y0 = std::max(y0, std::min(o.bottom(), base.y - 1));
    else y1 = std::min(y1, std::max(o.y, base.bottom() + 1));
  }
  x0 = std::clamp(x0, 0, limit.width);
  x1 = std::clamp(x1, 0, limit.width);
  y0 = std::clamp(y0, 0, limit.height);
  y1 = std::clamp(y1, 0, limit.height);
  FitBandToInkRow(gray, base, x1, y0, y1);
  if (x1 - x0 < 4 || y1 - y0 < 4) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

double BandGlyphHeight(const Box& band) { return std::max(6, band.h * 3 / 5); }

cv::Mat RenderNumberBand(const PreparedImage& image, const Box& region, double bandGlyph, double glyphHeight,
                         double* scale, const std::function<cv::Mat(const cv::Mat&)>& ink) {
  const double f = std::clamp(glyphHeight / bandGlyph, 0.5, 5.0);
  if (scale) *scale = f;
  cv::Mat crop = RenderRegion(image, region, f);
  if (crop.empty()) return crop;
  if (ink) crop = ink(crop);
  cv::copyMakeBorder(crop, crop, kBandReadBorder, kBandReadBorder, kBandReadBorder, kBandReadBorder,
                     cv::BORDER_REPLICATE);
  return crop;
}

namespace {

// One read of `band` the way `v` says, as the best candidate it holds (Missing when none), with
// boxes in `image`'s pixels; nothing when the band renders empty. `reads` are the reads so far:
// the first one's line and wrapped start carry over.
std::optional<NumberFinding> ReadBandOnce(TesseractEngine& engine, const PreparedImage& image, const Box& band,
                                          const Vocabulary& vocab, const std::vector<NumberFinding>& reads,
                                          const Variant& v, const CropSink& sink) {
  const double glyph = BandGlyphHeight(band);
  Box region = band;
  if (v.loose) {
    const int pad = static_cast<int>(glyph / 2);
    region.y = std::max(0, band.y - pad);
    region.h = std::min(image.gray.rows, band.bottom() + pad) - region.y;
  }
  double f = 1;
  const cv::Mat crop = RenderNumberBand(image, region, glyph, v.height, &f,
                                        [&](const cv::Mat& m) { return Ink(m, v.ink, v.height); });
  if (crop.empty()) return std::nullopt;
  if (sink) sink(v.name, crop);
  std::vector<OcrWord> words = engine.Recognize(crop, v.mode, v.whitelist ? kNumberWhitelist : "");
  for (auto& w : words) {
    w.box = FromRendered(w.box, region, f, kBandReadBorder);
    w.lineId = 0;  // one band, one line
  }
  std::vector<TextLine> readLines = BuildLines(words);
  // A number wrapped after its start: the band holds the rest, the start is put back before it.
  if (!reads.empty() && !reads.front().wrapStart.text.empty())
    for (TextLine& l : readLines) l = PrefixedLine(reads.front().wrapStart, l);
  const auto found = FindNumberCandidates(readLines, vocab);
  NumberFinding read;
  for (const auto& c : found)  // the category-anchored candidate first: a bare label says little
    if (c.categoryAnchored) {
      read = c;
      break;
    }
  if (read.number.status == NumberStatus::Missing && !found.empty()) read = found.front();
  read.line = reads.empty() ? -1 : reads.front().line;
  if (!reads.empty()) read.wrapStart = reads.front().wrapStart;
  return read;
}

}  // namespace

std::vector<NumberFinding> ReReadNumberBand(TesseractEngine& engine, const PreparedImage& image, const Box& band,
                                            const Vocabulary& vocab, std::vector<NumberFinding> reads, int maxReads,
                                            const std::function<bool(const std::vector<NumberFinding>&)>& enough,
                                            const CropSink& sink) {
  if (band.empty() || image.gray.empty()) return reads;
  int done = 0;
  for (const Variant& v : kVariants) {
    if (done >= maxReads) break;
    ++done;
    auto read = ReadBandOnce(engine, image, band, vocab, reads, v, sink);
    if (!read) continue;
    reads.push_back(std::move(*read));
    if (enough && enough(reads)) break;
  }
  return reads;
}

NumberFinding CheckReadNumberBand(TesseractEngine& checker, const PreparedImage& image, const Box& band,
                                  const Vocabulary& vocab, const NumberFinding& first, double glyphHeight,
                                  const CropSink& sink) {
  if (band.empty() || image.gray.empty()) return {};
  const Variant check{"check-gray-psm7", glyphHeight, Variant::Gray, PageMode::SingleLine, false, false};
  return ReadBandOnce(checker, image, band, vocab, {first}, check, sink).value_or(NumberFinding{});
}

}  // namespace suppcheck
