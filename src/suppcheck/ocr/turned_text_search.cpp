#include "suppcheck/ocr/turned_text_search.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/ocr/readability.h"

namespace suppcheck {

namespace {

// A word read with this confidence (and two or more characters) counts as read: its area is not
// searched again.
constexpr float kReadWordConfidence = 50;
// A block must be this many text heights long to hold a turned line of a few words.
constexpr int kMinBlockInTextHeights = 4;
// A block of text running down the label is at least this much taller than wide.
constexpr double kTurnedAspect = 1.2;
// The turn kept must beat the other turn by this factor: text read sideways still yields a few
// confident "words" (I, l, 1), text read upright many more.
constexpr double kTurnMargin = 1.5;
// A block in which the upright pass read this many words with confidence, covering this share of
// it, is upright text that the closing joined up with its unread leftovers (dotted leaders,
// small print between table rows): a block turned a quarter reads as confetti upright. The
// blocks that held a turned number had at most 7 such words and 7 % cover (devA, seeds 70701
// and 70833, the side-panel samples); the real US photos' upright blocks 41-150 words and
// 27-34 %, whose two quarter-turn reads cost 1.2-3.6 s for nothing.
constexpr int kUprightBlockWords = 20;
constexpr double kUprightBlockCover = 0.10;
// A block of lying glyphs is searched unless words read with confidence cover this share of it:
// the upright pass reads a few confetti "words" in a turned panel ("Noo" 93, "Or" 83: a fifth of
// the flank of seed 40961 phone-0014), never most of it.
constexpr double kLyingBlockReadShare = 0.4;
// Two turned blocks whose facing sides are at most this many text heights apart, side by side
// along most of the shorter one, are one panel.
constexpr double kPanelLineGap = 2.5;
// Farther apart, up to this many text heights, when the gap holds unread ink: a line between
// them that no block took (short, or its bold glyphs merged). The share of the gap's pixels that
// are glyph edges: at most 0.008 in the empty gaps of 113 side-panel photos (16 label seeds),
// 0.018-0.089 where a line of 2-12 characters stood.
constexpr double kPanelLineGapWithInk = 5;
constexpr double kInkOfALine = 0.015;

bool ReadWithConfidence(const OcrWord& w) {
  return w.confidence >= kReadWordConfidence && w.text.size() >= 2 && !w.box.empty();
}

struct ReadCover {
  int words = 0;
  double share = 0;  // of the block's area
};

// The area two boxes share (0 when apart).
double OverlapArea(const Box& a, const Box& b) {
  const Box shared = a.Intersected(b);
  return shared.empty() ? 0.0 : static_cast<double>(shared.w) * shared.h;
}

// The words read with confidence in `block`, and the share of it they cover.
ReadCover ReadCoverOf(const Box& block, const std::vector<OcrWord>& words) {
  ReadCover c;
  double covered = 0;
  for (const auto& w : words) {
    if (!ReadWithConfidence(w)) continue;
    const double shared = OverlapArea(w.box, block);
    if (shared <= 0) continue;
    ++c.words;
    covered += shared;
  }
  c.share = block.empty() ? 0 : covered / (static_cast<double>(block.w) * static_cast<double>(block.h));
  return c;
}

// Whether the upright pass read `block` well (see kUprightBlockWords).
bool MostlyReadUpright(const Box& block, const std::vector<OcrWord>& words) {
  const ReadCover c = ReadCoverOf(block, words);
  return c.words >= kUprightBlockWords && c.share >= kUprightBlockCover;
}

int MedianHeight(const std::vector<OcrWord>& words) {
  std::vector<int> hs;
  for (const auto& w : words)
    if (ReadWithConfidence(w)) hs.push_back(w.box.h);
  if (hs.empty()) return 20;  // the working image is scaled for glyphs of about this height
  std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
  return std::clamp(hs[hs.size() / 2], 8, 80);
}

// Whether blob `label` of `labels` (its box `b`) is drawn out more down the label than across
// it: a panel turned a quarter and photographed in perspective runs down at 60-70 degrees, its
// box about as wide as tall (the box test refused it), its blob still longer than wide along a
// steep axis (seed 47113 phone-0024: 'NUT/PL 20/83' on such a flank, 1.7 times longer than
// wide along 48 degrees once the words read over it were taken out; reported not_seen). Upright
// text joined into blobs runs across, at a few degrees.
bool RunsSteeplyDown(const cv::Mat& labels, int label, const Box& b) {
  constexpr double kElongation = 1.5;    // the long axis this many times the short one
  constexpr double kSteepDegrees = 45;  // the long axis at least this far from level
  const cv::Mat mask = labels(cv::Rect(b.x, b.y, b.w, b.h)) == label;
  const cv::Moments m = cv::moments(mask, true);
  if (m.m00 <= 0) return false;
  // The blob's spread along its principal axes (eigenvalues of its second central moments).
  const double a = m.mu20 / m.m00, c = m.mu02 / m.m00, d = m.mu11 / m.m00;
  const double spread = std::sqrt(4 * d * d + (a - c) * (a - c));
  const double major = (a + c + spread) / 2, minor = (a + c - spread) / 2;
  if (minor <= 0 || major < kElongation * kElongation * minor) return false;
  const double degrees = 0.5 * std::atan2(2 * d, a - c) * 180 / CV_PI;  // the long axis from level
  return std::abs(degrees) >= kSteepDegrees;
}

// The share of glyph-edge pixels in the gap between two blocks side by side, along the stretch
// where they overlap.
double InkShare(const cv::Mat& edges, const Box& a, const Box& b) {
  const int top = std::max(a.y, b.y), bottom = std::min(a.bottom(), b.bottom());
  const int left = std::min(a.right(), b.right()), right = std::max(a.x, b.x);
  const cv::Rect gap = cv::Rect(left, top, right - left, bottom - top) & cv::Rect(0, 0, edges.cols, edges.rows);
  return gap.area() > 0 ? cv::countNonZero(edges(gap)) / static_cast<double>(gap.area()) : 0.0;
}

}  // namespace

bool CoversThePhoto(const Box& block, cv::Size size) {
  constexpr double kWholePhotoShare = 0.9;  // of the photo's width and of its height
  return block.w >= kWholePhotoShare * size.width && block.h >= kWholePhotoShare * size.height;
}

std::vector<Box> UnreadInkRegions(const cv::Mat& gray, const std::vector<OcrWord>& words, size_t maxRegions) {
  if (gray.empty() || gray.type() != CV_8UC1) return {};
  const int h = MedianHeight(words);
  // Edges of glyphs, whatever the polarity (dark on light or light on dark).
  cv::Mat edges;
  cv::morphologyEx(gray, edges, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
  cv::threshold(edges, edges, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  // What was read is not searched again.
  for (const auto& w : words) {
    if (!ReadWithConfidence(w)) continue;
    const cv::Rect r = cv::Rect(w.box.x - h / 2, w.box.y - h / 2, w.box.w + h, w.box.h + h) & cv::Rect(0, 0, gray.cols, gray.rows);
    edges(r).setTo(0);
  }
  // Glyphs and the lines of a block (with the spacing between lines) run together into one
  // blob, whichever way the lines run.
  cv::Mat blobs;
  cv::morphologyEx(edges, blobs, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {2 * h, 2 * h}));
  cv::morphologyEx(blobs, blobs, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {h / 2 + 1, h / 2 + 1}));
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(blobs, labels, stats, centroids, 8, CV_32S);
  std::vector<std::pair<int, Box>> found;  // (area, box)
  const int minSide = kMinBlockInTextHeights * h;
  for (int i = 1; i < n; ++i) {
    const Box b{stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), stats.at<int>(i, cv::CC_STAT_WIDTH),
                stats.at<int>(i, cv::CC_STAT_HEIGHT)};
    // A turned block runs down the label: taller than wide (or drawn out steeply down it), and
    // long enough for a few words. Blocks across the label are the upright pass's: what it could
    // not read there is left.
    if (b.h < minSide || b.w < h) continue;
    if (b.h < kTurnedAspect * b.w && !RunsSteeplyDown(labels, i, b)) continue;
    found.emplace_back(stats.at<int>(i, cv::CC_STAT_AREA), b);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  // First the blocks whose glyphs lie on their side in rows running down: the surest sign of a
  // turned panel. The upright pass may have read "words" with confidence in such a panel
  // ("Noo" 93, "Or" 83 on a flank photographed in perspective), which cut the ink search's blob
  // into pieces too short to hold a line. Such a block is a seed: the unread ink blobs it
  // touches belong to the same panel (lines whose glyphs merged, a bold face's round letters).
  std::vector<Box> candidates;
  std::vector<bool> joined(found.size(), false);
  for (const cv::Rect& r : TurnedTextBlocks(FindGlyphs(gray))) {
    Box b{r.x, r.y, r.width, r.height};
    if (ReadCoverOf(b, words).share >= kLyingBlockReadShare) continue;
    for (size_t i = 0; i < found.size(); ++i) {
      if (OverlapArea(found[i].second, b) <= 0) continue;
      joined[i] = true;
      b = b.United(found[i].second);
    }
    candidates.push_back(b);
  }
  for (size_t i = 0; i < found.size(); ++i)
    if (!joined[i]) candidates.push_back(found[i].second);
  // Blocks of one turned panel side by side, apart where a line gap is wider than the closing
  // bridges (a bold number line between the address and the lot, each its own block): one
  // panel. Read apart, only the two largest were read and the number line between them was lost
  // (seed 60493 clean-0007, 'N° de notification : NUT/PL 1/97' reported missing on a clean photo).
  // Wider gaps count where unread ink fills them: "N° de notification : AS" / "345/91" in bold
  // monospace, the address above and the lot below each a block, the number's own line a third,
  // the short lines between them in none (seed 51827 phone-0020, reported missing).
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < candidates.size() && !merged; ++i)
      for (size_t j = i + 1; j < candidates.size() && !merged; ++j) {
        const Box a = candidates[i], b = candidates[j];
        const int gap = std::max(a.x, b.x) - std::min(a.right(), b.right());
        if (a.VerticalOverlap(b) < std::min(a.h, b.h) / 2) continue;
        if (gap > kPanelLineGap * h) {
          const bool lineBetween = gap <= kPanelLineGapWithInk * h && InkShare(edges, a, b) >= kInkOfALine;
          if (!lineBetween) continue;
        }
        candidates[i] = a.United(b);
        candidates.erase(candidates.begin() + static_cast<long>(j));
        merged = true;
      }
  }
  std::vector<Box> out;
  for (size_t c = 0; c < candidates.size() && out.size() < maxRegions; ++c) {
    const Box& b = candidates[c];
    bool repeated = false;  // two seeds in one ink blob
    for (size_t p = 0; p < c; ++p) repeated = repeated || OverlapArea(b, candidates[p]) > 0.7 * b.w * b.h;
    if (repeated) continue;
    // Some room around: the closing may have trimmed the outer glyphs.
    const int x0 = std::max(0, b.x - h), y0 = std::max(0, b.y - h);
    const Box block{x0, y0, std::min(gray.cols, b.right() + h) - x0, std::min(gray.rows, b.bottom() + h) - y0};
    if (!MostlyReadUpright(block, words)) out.push_back(block);
  }
  return out;
}

std::optional<TurnedReading> ReadTurnedBlock(TesseractEngine& engine, const PreparedImage& parent, const Box& block,
                                             const TurnedReadOptions& options, double* readability) {
  std::optional<TurnedReading> best;
  double bestScore = 0, otherScore = 0;
  for (int turn : {90, 270}) {
    TurnedReading reading{CutWorkingRegion(parent, block, turn, parent.detailFactor), {}};
    if (reading.region.image.gray.empty()) return std::nullopt;
    // Lines already level would only be read again.
    if (options.level && LevelRegion(reading.region) == 0) return std::nullopt;
    reading.words = engine.Recognize(reading.region.image.gray, options.mode);
    const double score = Readability(reading.words);
    if (score > bestScore) {
      otherScore = bestScore;
      bestScore = score;
      best = std::move(reading);
    } else {
      otherScore = std::max(otherScore, score);
    }
  }
  if (readability) *readability = bestScore;
  if (!best || bestScore < options.minReadability || bestScore < kTurnMargin * otherScore) return std::nullopt;
  return best;
}

}  // namespace suppcheck
