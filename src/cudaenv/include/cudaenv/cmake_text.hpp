// Text written for CMake's include(): the helper's answers become set() and
// list(APPEND) lines. One place for CMake's quoting rules.
#pragma once

#include <string>
#include <string_view>

namespace cudaenv {

// A bracket argument that holds `text` literally, whatever it contains:
// [==[...]==], with more '=' when the text holds that closing bracket.
std::string cmake_bracket(std::string_view text);

// A list item: CMake lists split on ';', so it becomes ','.
std::string cmake_list_item(std::string text);

}  // namespace cudaenv
