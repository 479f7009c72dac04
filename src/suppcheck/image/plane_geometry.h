#pragma once
// 3x3 homogeneous transforms of the image plane, composed as the label is prepared (perspective,
// turns, crop, deskew, scale) so that the working image keeps one exact way back to the photo.

#include <opencv2/core.hpp>

namespace suppcheck {

cv::Matx33d Translation(double dx, double dy);
cv::Matx33d Scaling(double s);

/// Rotation by `degrees` about the centre of a w x h image, with the output canvas enlarged to
/// hold the whole result; returns the matrix and sets the new size.
cv::Matx33d RotationAbout(double w, double h, double degrees, cv::Size2d& outSize);

/// `src` warped by `m` onto a canvas of `size` (cubic interpolation, edges replicated).
cv::Mat ApplyGeometry(const cv::Mat& src, const cv::Matx33d& m, cv::Size size);

bool IsIdentity(const cv::Matx33d& m);

}  // namespace suppcheck
