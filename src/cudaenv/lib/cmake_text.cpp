#include "cudaenv/cmake_text.hpp"

#include <algorithm>

namespace cudaenv {

std::string cmake_bracket(std::string_view text) {
  std::string equals = "==";
  while (text.find("]" + equals + "]") != std::string_view::npos) equals += '=';
  return "[" + equals + "[" + std::string(text) + "]" + equals + "]";
}

std::string cmake_list_item(std::string text) {
  std::ranges::replace(text, ';', ',');
  return text;
}

}  // namespace cudaenv
