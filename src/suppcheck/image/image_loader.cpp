#include "suppcheck/image/image_loader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/codecs.h"

namespace suppcheck {

Expected<LoadedImage> DecodeImage(const std::string& bytes, const std::string& name, const LoadLimits& limits) {
  if (bytes.size() > limits.maxFileBytes)
    return MakeError("image_too_large", name + ": " + std::to_string(bytes.size() >> 20) + " MiB is more than the limit of " +
                                            std::to_string(limits.maxFileBytes >> 20) + " MiB");
  auto header = ReadImageHeader(bytes);
  if (!header) return MakeError(header.error().code, name + ": " + header.error().message);
  const ImageHeader h = *header;
  if (h.width == 0 || h.height == 0) return MakeError("unreadable_image", name + ": the image has no pixels");
  if (h.pixels > limits.maxPixels) {
    const std::string size = h.pixels == h.width * h.height
                                 ? std::to_string(h.width) + "x" + std::to_string(h.height) + " pixels"
                                 : "a page of " + std::to_string(h.pixels) + " pixels";
    return MakeError("image_too_large", name + ": " + size + " is more than the limit of " +
                                            std::to_string(limits.maxPixels / 1'000'000) + " megapixels");
  }
  // A file cut short (an interrupted copy or upload) decodes into a half-grey image without
  // complaint; refuse it instead of reading half a label.
  if (h.format == "jpeg" && bytes.rfind("\xFF\xD9", std::string::npos) == std::string::npos)
    return MakeError("unreadable_image", name + ": the JPEG data is cut short (no end-of-image marker)");
  if (h.format == "png" && bytes.find("IEND", bytes.size() > 64 ? bytes.size() - 64 : 0) == std::string::npos)
    return MakeError("unreadable_image", name + ": the PNG data is cut short (no IEND chunk)");
  LoadedImage out;
  out.header = h;
  try {
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
    // IMREAD_COLOR: 8-bit BGR whatever the source (16-bit, grey, alpha, palette, CMYK), with the
    // EXIF orientation applied.
    out.bgr = codecs::Decode(raw, cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    // OpenCV's own limit (decoder_limits.h) speaks when it saw more pixels than the header did.
    if (e.err.find("CV_IO_MAX_IMAGE") != std::string::npos)
      return MakeError("image_too_large", name + ": the " + h.format + " decoder found more pixels than the header " +
                                              "says and than the limit allows; refused");
    return MakeError("unreadable_image", name + ": cannot decode the " + h.format + " data (" + e.err + ")");
  }
  if (out.bgr.empty())
    return MakeError("unreadable_image", name + ": cannot decode the " + h.format + " data (truncated or damaged)");
  // The decoder must have seen the image the header check saw (turned a quarter by the EXIF
  // orientation, perhaps); anything else means the two read the file differently.
  const auto cols = static_cast<uint64_t>(out.bgr.cols), rows = static_cast<uint64_t>(out.bgr.rows);
  if (!(cols == h.width && rows == h.height) && !(cols == h.height && rows == h.width))
    return MakeError("unreadable_image", name + ": the " + h.format + " header says " + std::to_string(h.width) + "x" +
                                             std::to_string(h.height) + " pixels but the data decodes to " +
                                             std::to_string(cols) + "x" + std::to_string(rows) + "; refused");
  return out;
}

Expected<LoadedImage> LoadImage(const std::filesystem::path& path, const LoadLimits& limits) {
  const std::string name = path.string();
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return MakeError("io_error", name + ": no such file");
  if (std::filesystem::is_directory(status)) return MakeError("not_an_image", name + ": is a directory");
  if (!std::filesystem::is_regular_file(status)) return MakeError("not_an_image", name + ": is not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.maxFileBytes)
    return MakeError("image_too_large", name + ": the file is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                            std::to_string(limits.maxFileBytes >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("io_error", name + ": " + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError("io_error", name + ": read error");
  return DecodeImage(bytes, name, limits);
}

}  // namespace suppcheck
