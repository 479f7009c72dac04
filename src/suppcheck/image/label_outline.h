#pragma once
// The label's own outline in the layout-analysis copy: a pale label on a darker table. A clean
// four-cornered outline is the label seen in perspective (warped flat); otherwise its pale
// panel, when the label lies on a textured background, is what the working image is cut to.

#include <vector>

#include <opencv2/core.hpp>

namespace suppcheck {

/// The label's outline when a clear, large, four-cornered bright region stands on a darker
/// background and holds the text `rows` (centres, image/glyph_layout.h). Sets `quad` to its
/// corners (top-left, top-right, bottom-right, bottom-left) and returns true; returns false when
/// there is no such outline: then nothing is warped.
bool FindLabelQuad(const cv::Mat& gray, const std::vector<cv::Point2f>& rows, std::vector<cv::Point2f>& quad);

/// The perspective transform taking `quad` (as FindLabelQuad gives it) to an upright rectangle
/// as large as its longer sides; sets `size` to that rectangle's.
cv::Matx33d QuadToRectangle(const std::vector<cv::Point2f>& quad, cv::Size2d& size);

/// The pale panel of a label lying on a textured background.
struct BrightPanel {
  cv::Rect region;                 ///< its bounding box with a margin (empty: no panel)
  std::vector<cv::Point> outline;  ///< the convex hull of the bright region itself
};

/// The pale panel of the label on a textured background (a tablecloth, a wooden table) when no
/// clean outline was found: the largest bright region. Empty when there is none, or when text
/// `rows` stand outside it.
BrightPanel FindBrightPanel(const cv::Mat& gray, const std::vector<cv::Point2f>& rows);

/// The label's smooth panel on a textured background, found by texture (local deviation of the
/// grey), not brightness: a dark label on a cloth of about its grey. Empty when there is no
/// smooth region clearly smoother than a textured surrounding, or when text `rows` stand outside.
BrightPanel FindSmoothPanel(const cv::Mat& gray, const std::vector<cv::Point2f>& rows);

/// The corners of a panel's outline (FindBrightPanel, FindSmoothPanel, in an `image` of that
/// size) when it is a clean quad clear of the image's edges, ordered as FindLabelQuad's: a label
/// on a textured background seen in perspective.
bool FindPanelQuad(const BrightPanel& panel, cv::Size image, std::vector<cv::Point2f>& quad);

}  // namespace suppcheck
