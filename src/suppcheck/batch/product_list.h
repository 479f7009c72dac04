#pragma once
// The products of `batch --products`: every sub-folder of an input folder is one product (its
// photos found as `batch` finds photos, recursively and sorted, merged into one result); a
// photo directly in an input folder, or given as a file, is a product of one photo.

#include <string>
#include <vector>

#include "suppcheck/batch/input_list.h"

namespace suppcheck {

struct ProductItem {
  std::string folder;               ///< the product's folder; for a product of one photo, the photo
  std::vector<InputItem> photos;    ///< sorted; the first names the product's result ("file")
};

/// The products under `roots`, in the sorted order of their folders (roots in the order given).
std::vector<ProductItem> CollectProducts(const std::vector<std::string>& roots, WalkStats* stats = nullptr);

/// The K-th (1-based) of N contiguous slices, as Shard() does for photos.
std::vector<ProductItem> ShardProducts(const std::vector<ProductItem>& products, size_t k, size_t n);

}  // namespace suppcheck
