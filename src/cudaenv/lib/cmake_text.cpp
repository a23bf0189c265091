#include "cudaenv/cmake_text.hpp"

#include <algorithm>

namespace cudaenv {

std::string cmake_bracket(std::string_view text) {
  // The closing bracket must not occur in the text, nor be completed by it:
  // text ending in "]==" would close "]==]" early ("...]==]==]").
  std::string equals = "==";
  const auto closes_early = [&] {
    const std::string close = "]" + equals + "]";
    return (std::string(text) + close).find(close) != text.size();
  };
  while (closes_early()) equals += '=';
  return "[" + equals + "[" + std::string(text) + "]" + equals + "]";
}

std::string cmake_list_item(std::string text) {
  std::ranges::replace(text, ';', ',');
  return text;
}

}  // namespace cudaenv
