#include "suppcheck/batch/product_list.h"

#include <filesystem>
#include <map>

namespace suppcheck {

namespace fs = std::filesystem;

std::vector<ProductItem> CollectProducts(const std::vector<std::string>& roots, WalkStats* stats) {
  std::vector<ProductItem> out;
  for (const auto& root : roots) {
    std::error_code ec;
    const bool folder = fs::is_directory(root, ec);
    // Photos of one folder come sorted by path, so a product's photos are contiguous except
    // when a loose photo sorts between two sub-folders' photos: group by folder, keep the
    // order in which folders first appear.
    std::map<std::string, size_t> index;
    for (auto& item : CollectInputs({root}, stats)) {
      std::string key = item.path;
      if (folder) {
        const fs::path rel = fs::path(item.path).lexically_relative(root);
        if (std::distance(rel.begin(), rel.end()) > 1) key = (fs::path(root) / *rel.begin()).string();
      }
      auto [it, added] = index.emplace(key, out.size());
      if (added) out.push_back({key, {}});
      out[it->second].photos.push_back(std::move(item));
    }
  }
  return out;
}

std::vector<ProductItem> ShardProducts(const std::vector<ProductItem>& products, size_t k, size_t n) {
  if (n == 0 || k == 0 || k > n) return {};
  const size_t begin = products.size() * (k - 1) / n, end = products.size() * k / n;
  return std::vector<ProductItem>(products.begin() + static_cast<long>(begin), products.begin() + static_cast<long>(end));
}

}  // namespace suppcheck
