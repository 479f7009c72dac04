#include "suppcheck/image/label_image.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/bottle_unroll.h"
#include "suppcheck/image/flatten_light.h"
#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/image/label_outline.h"
#include "suppcheck/image/paper_mask.h"
#include "suppcheck/image/plane_geometry.h"
#include "suppcheck/image/skew.h"
#include "suppcheck/image/text_region.h"

// The preparation runs in four steps: (1) the layout is analysed on a small copy of the photo
// and the geometry that makes it upright is composed there (perspective, a 90-degree turn, the
// crop to the text, the skew; a bottle's cylinder is fitted); (2) the scale that gives the small
// print its target height is chosen; (3) the working image is rendered once from the photo
// through that geometry (and unrolled from the bottle); (4) its light is flattened. The finding
// of each piece lives in its own file (image/label_outline, glyph_layout, text_region, skew,
// bottle_unroll, flatten_light); this file composes them and maps working pixels back.

namespace suppcheck {

namespace {

constexpr int kAnalysisSide = 1600;  // long side of the copy used to analyse the layout
// Rows of a few glyphs happen in a textured background too (a tablecloth, a wooden table); a row
// of the label's text that counts has more.
constexpr size_t kTextRowGlyphs = 7;

// The small copy the layout is analysed on, and the geometry found so far: `geometry` takes the
// copy's pixels to the upright label, a `size` canvas.
struct AnalysisCopy {
  cv::Mat small;
  double factor = 1;  ///< small copy / photo
  cv::Matx33d geometry = cv::Matx33d::eye();
  cv::Size2d size;
  // The label's paper when it lies on a textured background (image/paper_mask.h), in the frame
  // of `paperFrame` (the geometry when it was found). Empty when there is none.
  cv::Mat paperMask;
  cv::Matx33d paperFrame = cv::Matx33d::eye();
  BrightPanel paper;  ///< the panel the mask was made from (its outline in the copy's pixels)
  // The paper is dark and its print light: `small` is inverted, and the working image is to be.
  bool lightPrint = false;

  // One more step of geometry, drawn on a canvas of `newSize`.
  void Then(const cv::Matx33d& step, cv::Size2d newSize) {
    geometry = step * geometry;
    size = newSize;
  }
  cv::Mat Render() const { return ApplyGeometry(small, geometry, size); }
};

AnalysisCopy MakeAnalysisCopy(const cv::Mat& gray) {
  AnalysisCopy copy;
  const double a = std::min(1.0, static_cast<double>(kAnalysisSide) / std::max(gray.cols, gray.rows));
  cv::resize(gray, copy.small, {}, a, a, a < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  copy.factor = a;
  copy.size = cv::Size2d(copy.small.cols, copy.small.rows);
  return copy;
}

// A clear label outline seen in perspective: warp it to a rectangle. Returns whether it did.
// The outline must hold the text rows; rows of the table's texture around a label do not count
// (a multivitamin label on a tablecloth, seed 58342 multivitamin-phone-0013: 38 rows of 4+
// glyphs, many of them specks of the cloth outside the label, refused its clean outline; the
// label was read askew and sheared, and its table not at all).
bool UndoPerspective(AnalysisCopy& copy, const Glyphs& glyphs) {
  std::vector<cv::Point2f> quad;
  if (!FindLabelQuad(copy.small, TextRows(glyphs, kTextRowGlyphs), quad)) return false;
  copy.geometry = QuadToRectangle(quad, copy.size);  // the first step: nothing to compose with
  return true;
}

// Text turned by 90 degrees: turn the copy back and find its glyphs again. Returns whether it did.
bool TurnUpright(AnalysisCopy& copy, cv::Mat& upright, Glyphs& glyphs) {
  if (!LooksTurned(glyphs)) return false;
  cv::Size2d turned;
  const cv::Matx33d r = RotationAbout(copy.size.width, copy.size.height, 90, turned);  // text was turned by 90
  copy.Then(r, turned);
  upright = copy.Render();
  glyphs = FindGlyphs(upright);
  return true;
}

// The texture around the label's paper (copy.paperMask) painted out on the working image `gray`
// (`k` working pixels per copy pixel).
void PaintAroundPaper(const AnalysisCopy& copy, double k, cv::Mat& gray) {
  if (copy.paperMask.empty()) return;
  const cv::Matx33d toWorking = Scaling(k) * copy.geometry * copy.paperFrame.inv();
  cv::Mat mask;
  cv::warpPerspective(copy.paperMask, mask, cv::Mat(toWorking), gray.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
  PaintOutsideMask(gray, mask);
}

// The same texture painted out on the photo `gray` itself, which the regions read again are
// rendered from (image/region_render.h): the working image lost the cloth, but a line re-read
// at the label's edge took it back in. "Notif.: NUT494/88" at the squeezed edge of a curved label
// was read "ie" with the cloth's blotches beside it, "NUT494/88" without them (label seed 17320
// hard-0027, white on purple: the number reported `missing`).
void PaintPhotoAroundPaper(const AnalysisCopy& copy, cv::Mat& gray) {
  if (copy.paperMask.empty()) return;
  cv::Mat mask;
  // Photo pixels -> the small copy -> the frame the mask was made in.
  const cv::Matx33d photoToMask = copy.paperFrame * Scaling(copy.factor);
  cv::warpPerspective(copy.paperMask, mask, cv::Mat(photoToMask), gray.size(), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP,
                      cv::BORDER_CONSTANT, 0);
  PaintOutsideMask(gray, mask);
}

// A label on a textured background (a tablecloth, a wooden table): glyph-like specks of the
// texture spread the text region over much of the photo. When the label's pale panel is clear
// and the text region reaches well beyond it (measured on textured-background photos: the text
// region covered 60-100 % of the photo, the panel 25-35 %, and Tesseract spent 3-12 s reading the
// texture), the texture around the paper is painted out in the analysis copy, before anything
// else is measured on it (the turn, the text region, the skew, the small print), and later in the
// working image. `glyphs` are those of the copy as it is. Returns whether it painted.
bool KeepToPaper(AnalysisCopy& copy, const Glyphs& glyphs) {
  const std::vector<cv::Point2f> rows = TextRows(glyphs, kTextRowGlyphs);
  BrightPanel panel = FindBrightPanel(copy.small, rows);
  // A panel found by its smoothness is the paper with a rougher surround for certain, and is
  // kept even when the text region does not spread over the texture: a dark label filling most
  // of the photo (seed 74219 hard-0028) must still be read with its print inverted.
  const bool smooth = panel.region.empty();
  if (smooth) panel = FindSmoothPanel(copy.small, rows);
  if (panel.region.empty()) return false;
  const cv::Size size = copy.small.size();
  const cv::Rect region = WithTurnedPanel(TextRegion(AlignedGlyphs(glyphs), size), glyphs, size);
  const bool spread = region.empty() || region.area() >= 0.9 * size.area();
  constexpr double kBeyondPanel = 1.5;  // text region at least this much larger than the panel
  if (!smooth && !spread && region.area() <= kBeyondPanel * (region & panel.region).area()) return false;
  copy.paperMask = PaperMask(panel, glyphs, size);
  copy.paperFrame = copy.geometry;
  copy.paper = panel;
  copy.small = copy.small.clone();  // it may share its pixels with the caller's photo
  // Dark paper (white print on deep green, found by its smoothness): the layout analysis finds
  // dark glyphs on light, and on this copy found none, only the counters of the letters, which
  // made the small print look large and the working image too small to read (seed 60511 hard-0025:
  // 693 pixels wide); and the light was flattened into dark halos around white lines that
  // Tesseract read as confetti (seed 74219 hard-0035). The copy is inverted, and the working image
  // with it: dark print on pale paper, as everything after expects.
  constexpr int kDarkPaper = 110;
  copy.lightPrint = PaintOutsideMask(copy.small, copy.paperMask) < kDarkPaper;
  if (copy.lightPrint) cv::bitwise_not(copy.small, copy.small);
  return true;
}

// The angle in degrees between the lines a->b and c->d (0 for parallel ones).
double AngleBetween(cv::Point2f a, cv::Point2f b, cv::Point2f c, cv::Point2f d) {
  const double t = std::atan2(b.y - a.y, b.x - a.x) - std::atan2(d.y - c.y, d.x - c.x);
  return std::abs(std::remainder(t, 2 * CV_PI)) * 180 / CV_PI;
}

// The label's dark paper, painted free of its textured background (KeepToPaper), seen in
// perspective: warp its outline to a rectangle. The bright outline FindLabelQuad looks for is not
// there when the paper is dark (white print on deep green on a purple cloth), and the rotation the
// deskew then chose fitted neither the top rows nor the bottom ones (nutrient seed 44903
// phone-0045: a keystone of 8 degrees at the top, -3.4 at the bottom, rows at 2.6 degrees read at
// 5.7 after the deskew; its 28-row table read 1 row right). Only a clear keystone is warped:
// opposite sides more than kKeystone apart; a panel merely turned is the deskew's, as before.
// Only dark paper: on the tuning photos of pale paper painted free of a cloth the warp helped
// none and cost two rows (a row read apart after it). Returns whether it warped.
bool UndoPaperPerspective(AnalysisCopy& copy) {
  std::vector<cv::Point2f> quad;
  if (!copy.lightPrint || !FindPanelQuad(copy.paper, copy.small.size(), quad)) return false;
  constexpr double kKeystone = 1.5;  // degrees
  const double topBottom = AngleBetween(quad[0], quad[1], quad[3], quad[2]);
  const double leftRight = AngleBetween(quad[0], quad[3], quad[1], quad[2]);
  if (std::max(topBottom, leftRight) <= kKeystone) return false;
  // A label round a bottle has straight sides too, once painted free of its cloth, and its rows
  // narrow towards the edges as a keystone's do on one side: the cylinder, when the glyphs show
  // one, is the shape to undo (label seed 64829 hard-0029: warped flat, its number was no longer
  // found and the report said `missing`).
  const cv::Mat unwarped = copy.Render();
  if (EstimateCylinder(AlignedGlyphs(FindGlyphs(unwarped)), unwarped.cols).found) return false;
  cv::Size2d flat;
  const cv::Matx33d warp = QuadToRectangle(quad, flat);
  copy.Then(warp, flat);
  return true;
}

// A front's large title is not among the glyphs (they stop at a sixth of the copy's height, and
// the copy of a short, wide label is not much taller than its title): its rows are found among
// glyphs up to half the height, so that the crop to the text does not take its last digit.
constexpr double kLargePrintShare = 0.5;

// The parts of a label warped flat by its outline that the crop to the text left out, in copy pixels.
struct LabelLeftOut {
  int above = 0, below = 0, before = 0, after = 0;
};
// A strip of the label at least this share of the crop's width left out on one side may hold a
// side panel (PreparedImage::labelWidthLeftOut).
constexpr double kWidthLeftOutShare = 0.1;

// Keeps only the region with text: background texture costs OCR time and reads as noise. Crops
// `upright` and the copy's geometry to it (sets `cropped`); returns the part of the uncropped
// `upright` where the skew is to be measured. `largePrint`: the glyphs of `upright` up to
// kLargePrintShare of its height when they were found already, else null. `wholeLabel`: `upright`
// is the label warped flat by its own outline; then `left` is set to the rows and columns of the
// label the crop left out around the text (see LabelPartsBack).
cv::Mat CropToText(AnalysisCopy& copy, cv::Mat& upright, const Glyphs& glyphs, const std::vector<cv::Rect>& aligned,
                   const Glyphs* largePrint, bool wholeLabel, LabelLeftOut& left, bool& cropped) {
  // The skew is measured where the text runs across, as before rows down the label were kept:
  // a larger crop (a hand, a barcode beside the panel) moved it by fractions of a degree and
  // cost the rows of a real facts panel.
  const cv::Rect across = TextRegion(aligned, upright.size());
  cv::Mat skewArea =
      !across.empty() && across.area() < 0.9 * upright.size().area() ? cv::Mat(upright, across) : upright;
  cv::Rect region = WithTurnedPanel(across, glyphs, upright.size());
  if (!region.empty())
    region = WithWholeRowsAcross(region, largePrint ? *largePrint : FindGlyphs(upright, kLargePrintShare), upright.size());
  // On a textured background, the label's paper is known: all of it is kept (the glyph rows of a
  // turned side panel's small print are not always found, and a crop to the text cut one off),
  // and the skew is measured across it (the text region of a label mostly turned, with an
  // upright panel, gave a skew of 25 degrees; the paper's box, the label's own).
  if (!copy.paperMask.empty()) {
    cv::Mat paper;
    cv::warpPerspective(copy.paperMask, paper, cv::Mat(copy.geometry * copy.paperFrame.inv()), upright.size(),
                        cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
    region = cv::boundingRect(paper);
    if (!region.empty()) skewArea = cv::Mat(upright, region);
  }
  // A label warped flat by its outline is the label: its rows above and below the text region
  // are given back once the bottle's cylinder is fitted (LabelPartsBack), inside the outline's
  // margin (the quad is grown a little, image/label_outline's GrowAndOrder).
  left = {};
  if (wholeLabel && copy.paperMask.empty() && !region.empty() && region.area() < 0.9 * upright.size().area()) {
    constexpr double kOutlineMargin = 0.02;  // of each side: half of the outline's growth
    const int my = static_cast<int>(kOutlineMargin * upright.rows);
    const int mx = static_cast<int>(kOutlineMargin * upright.cols);
    left.above = std::max(0, region.y - my);
    left.below = std::max(0, upright.rows - my - (region.y + region.height));
    left.before = std::max(0, region.x - mx);
    left.after = std::max(0, upright.cols - mx - (region.x + region.width));
  }
  if (!region.empty() && region.area() < 0.9 * upright.size().area()) {
    copy.Then(Translation(-region.x, -region.y), {static_cast<double>(region.width), static_cast<double>(region.height)});
    upright = upright(region).clone();
    cropped = true;
  }
  return skewArea;
}

// A label warped flat by its outline, then cropped to its text, lost the four lines under a
// ruled table of 28 rows (directions, ingredients): their small glyphs, blurred together, were not
// among the glyphs the text region is measured from, the units a day were then read from "Pro 1
// Kapsel" and every per-day amount contradicted them (nutrient seed 27183 multivitamin-phone-0027:
// 29 rows unknown). The label's whole height comes back, after the crop has served the skew and
// the cylinder: fitted with those rows, the cylinder of a curved label was lost and its directions
// read "4 comprimé" (label seed 17320 hard-0030, a false "above"). Not its whole width: a side
// panel of vertical print and a barcode then joined the page, whose layout analysis lost rows of
// the table beside them (six rows over five other multivitamin sets).
// With `wholeWidth`, the columns before and after the text come back too: asked for by the scan
// when the number was not found, to look for a side panel there (scan/side_panel_beyond_crop.h).
void LabelPartsBack(AnalysisCopy& copy, const LabelLeftOut& left, bool wholeWidth) {
  const int before = wholeWidth ? left.before : 0, after = wholeWidth ? left.after : 0;
  if (left.above <= 0 && left.below <= 0 && before <= 0 && after <= 0) return;
  copy.Then(Translation(before, left.above),
            {copy.size.width + before + after, copy.size.height + left.above + left.below});
}

// Lines a little askew (0.4 to 25 degrees): rotate them level. Returns the skew removed (0 if none).
double Deskew(AnalysisCopy& copy, const cv::Mat& skewArea, double glyphHeight) {
  const double skew = EstimateSkew(skewArea, glyphHeight);
  if (!(std::abs(skew) > 0.4 && std::abs(skew) < 25)) return 0;
  cv::Size2d deskewed;
  const cv::Matx33d r = RotationAbout(copy.size.width, copy.size.height, -skew, deskewed);
  copy.Then(r, deskewed);
  return skew;
}

// The scale that brings the small print (`textHeight` photo pixels, 0 = unknown) to the target
// glyph height, within the limits and the working image's pixel budget.
double WorkingScale(const AnalysisCopy& copy, double textHeight, const PrepareOptions& options) {
  double s = textHeight > 0 ? options.targetTextHeight / textHeight : 1.0;
  s = std::clamp(s, options.minScale, options.maxScale);
  const double uprightPixels = copy.size.width * copy.size.height / (copy.factor * copy.factor);
  if (uprightPixels * s * s > options.maxWorkingPixels) s = std::sqrt(options.maxWorkingPixels / uprightPixels);
  return s;
}

// Renders the working image: resizes the photo once (area filter when shrinking), then applies
// the geometry found on the small copy, re-expressed at the working scale `s`. Sets `out.gray`
// and `out.toOriginal`; returns the factor from small-copy pixels to working pixels.
double RenderWorking(const cv::Mat& gray, const AnalysisCopy& copy, double s, PreparedImage& out) {
  cv::Mat scaled;
  cv::resize(gray, scaled, {}, s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  const double k = s / copy.factor;
  const cv::Matx33d work = Scaling(k) * copy.geometry * Scaling(1.0 / k);
  if (IsIdentity(copy.geometry)) {
    out.gray = scaled;
  } else {
    out.gray = ApplyGeometry(scaled, work, cv::Size(static_cast<int>(std::lround(copy.size.width * k)),
                                                    static_cast<int>(std::lround(copy.size.height * k))));
  }
  out.toOriginal = (work * Scaling(s)).inv();
  return k;
}

}  // namespace

PreparedImage PrepareImage(const cv::Mat& bgr, const PrepareOptions& options) {
  PreparedImage out;
  out.originalSize = bgr.size();
  cv::Mat gray;
  if (bgr.channels() == 3)
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  else
    gray = bgr;

  // A photo a few pixels across holds no readable text; the steps below would shrink it to
  // nothing. Pass it on as it is (the OCR then finds nothing, which is the honest answer).
  if (gray.cols < 32 || gray.rows < 32) {
    out.gray = gray.clone();
    return out;
  }

  // 1. Analyse the layout on a small copy.
  AnalysisCopy copy = MakeAnalysisCopy(gray);
  // The copy's glyphs, found once for the outline and the paper (the costliest step here). Found
  // with the large print that the crop to the text keeps whole (CropToText), of which they are a
  // part: finding them twice on the same copy was 1 to 2 % of a scan's CPU.
  const Glyphs largePrint = FindGlyphs(copy.small, kLargePrintShare);
  Glyphs glyphs = GlyphsAtMost(largePrint, kGlyphHeightShare, copy.small.rows);
  if (options.fixPerspective) out.perspective = UndoPerspective(copy, glyphs);
  if (!out.perspective) out.paperOnly = KeepToPaper(copy, glyphs);
  if (out.paperOnly && options.fixPerspective) out.perspective = UndoPaperPerspective(copy);
  cv::Mat upright = IsIdentity(copy.geometry) ? copy.small : copy.Render();
  // Without a perspective warp or painting, `upright` is the copy whose glyphs were found above.
  const bool warpedOrPainted = out.perspective || out.paperOnly;
  if (warpedOrPainted) glyphs = FindGlyphs(upright);
  if (options.fixRotation && TurnUpright(copy, upright, glyphs)) out.rotation = 270;
  const bool asFound = !warpedOrPainted && out.rotation == 0;
  const std::vector<cv::Rect> aligned = AlignedGlyphs(glyphs);
  LabelLeftOut left;
  const cv::Mat skewArea = CropToText(copy, upright, glyphs, aligned, asFound ? &largePrint : nullptr, out.perspective,
                                      left, out.cropped);
  out.labelWidthLeftOut = std::max(left.before, left.after) >= kWidthLeftOutShare * upright.cols;
  const double glyphSmall = SmallPrintHeight(Glyphs{aligned.empty() ? glyphs.boxes : aligned});
  out.skewDegrees = Deskew(copy, skewArea, glyphSmall);
  // A label on a bottle: fit the cylinder on the upright copy (unrolled after rendering).
  // Also on a paper warped flat by its outline: a label round a bottle shows one too (its
  // sides, its top and bottom a little bent), and a keystone's glyphs, narrower on its far side,
  // are lower there as well, which the fit at one height (EstimateCylinder) tells from a bottle.
  // Fitted there too, two more curved labels of nine tuning sets were unrolled and one more
  // mg a day read right (label seeds 16180, 14142, 17320, three hard sets, three multivitamin
  // sets): no photo worse, no flat label more unrolled.
  Cylinder cylinder;
  if (options.unwrapCylinder) {
    const cv::Mat final = copy.Render();
    cylinder = EstimateCylinder(AlignedGlyphs(FindGlyphs(final)), final.cols);
  }
  LabelPartsBack(copy, left, options.wholeLabelWidth);

  // 2. Scale: the small print to the target glyph height, within the pixel budget.
  out.textHeight = glyphSmall > 0 ? glyphSmall / copy.factor : 0;
  const double s = WorkingScale(copy, out.textHeight, options);
  out.scale = s;

  // 3. Render the working image (from the photo inverted if its print is light on dark paper;
  // the regions read again are rendered from the same), and unroll the bottle.
  if (copy.lightPrint) {
    cv::Mat inverted;
    cv::bitwise_not(gray, inverted);
    gray = inverted;
    out.lightPrintInverted = true;
  }
  const double k = RenderWorking(gray, copy, s, out);
  PaintAroundPaper(copy, k, out.gray);
  if (!copy.paperMask.empty()) {
    if (gray.data == bgr.data) gray = gray.clone();  // a grey photo is the caller's own pixels
    PaintPhotoAroundPaper(copy, gray);
  }
  if (cylinder.found) out.unwrapped = UnrollCylinder(cylinder, k, out.gray, out.unwrapColumns);

  // 4. Light.
  FlattenLight(out.gray, options.targetTextHeight);
  out.photo = gray;
  out.glyphHeight = options.targetTextHeight;
  // The re-reads' scale, from the photo's small print (not limited by the working image's pixel
  // budget: they render small regions).
  if (out.textHeight > 0 && s > 0) {
    const double detailScale = std::clamp(options.detailTextHeight / out.textHeight, options.minScale, options.maxScale);
    out.detailFactor = std::max(1.0, detailScale / s);
  }
  return out;
}

void RotateWorking(PreparedImage& image, int degreesClockwise) {
  const double w = image.gray.cols, h = image.gray.rows;
  cv::Matx33d back;  // new working pixels -> old working pixels
  switch (((degreesClockwise % 360) + 360) % 360) {
    case 90:
      cv::rotate(image.gray, image.gray, cv::ROTATE_90_CLOCKWISE);
      back = {0, 1, 0, -1, 0, h, 0, 0, 1};  // new (x, y) came from old (y, h - x)
      break;
    case 180:
      cv::rotate(image.gray, image.gray, cv::ROTATE_180);
      back = {-1, 0, w, 0, -1, h, 0, 0, 1};
      break;
    case 270:
      cv::rotate(image.gray, image.gray, cv::ROTATE_90_COUNTERCLOCKWISE);
      back = {0, -1, w, 1, 0, 0, 0, 0, 1};  // new (x, y) came from old (w - y, x)
      break;
    default:
      return;
  }
  image.workToUnwrapped = image.workToUnwrapped * back;
  image.rotation = (image.rotation + degreesClockwise) % 360;
}

cv::Point2d WorkingToPhoto(const PreparedImage& image, double px, double py) {
  cv::Vec3d p = image.workToUnwrapped * cv::Vec3d(px, py, 1);
  double ux = p[0] / p[2];
  const double uy = p[1] / p[2];
  if (!image.unwrapColumns.empty()) {
    // Between two unrolled columns, the photo's column in between (a smooth map for rendering).
    const double last = static_cast<double>(image.unwrapColumns.size() - 1);
    const double u = std::clamp(ux, 0.0, last);
    const auto c0 = static_cast<size_t>(u);
    const size_t c1 = std::min(c0 + 1, image.unwrapColumns.size() - 1);
    const double t = u - static_cast<double>(c0);
    ux = (1 - t) * image.unwrapColumns[c0] + t * image.unwrapColumns[c1];
  }
  p = image.toOriginal * cv::Vec3d(ux, uy, 1);
  return {p[0] / p[2], p[1] / p[2]};
}

std::optional<cv::Point2d> PhotoToWorking(const PreparedImage& image, double x, double y) {
  if (!image.unwrapColumns.empty()) return std::nullopt;
  const cv::Vec3d p = (image.toOriginal * image.workToUnwrapped).inv() * cv::Vec3d(x, y, 1);
  if (std::abs(p[2]) < 1e-12) return std::nullopt;
  return cv::Point2d(p[0] / p[2], p[1] / p[2]);
}

Box ToOriginal(const PreparedImage& image, const Box& b) {
  if (b.empty()) return b;
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& [px, py] : {std::pair(b.x, b.y), std::pair(b.right(), b.y), std::pair(b.x, b.bottom()),
                               std::pair(b.right(), b.bottom())}) {
    const auto [x, y] = WorkingToPhoto(image, px, py);
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x);
    y1 = std::max(y1, y);
  }
  const int W = image.originalSize.width, H = image.originalSize.height;
  const int ix0 = std::clamp(static_cast<int>(std::floor(x0)), 0, W), iy0 = std::clamp(static_cast<int>(std::floor(y0)), 0, H);
  const int ix1 = std::clamp(static_cast<int>(std::ceil(x1)), 0, W), iy1 = std::clamp(static_cast<int>(std::ceil(y1)), 0, H);
  return {ix0, iy0, ix1 - ix0, iy1 - iy0};
}

}  // namespace suppcheck
