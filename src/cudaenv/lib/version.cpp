#include "cudaenv/version.hpp"

#include <charconv>

#include <fmt/format.h>

namespace cudaenv {
namespace {

// Parses a run of digits at the front of `text`, advancing it.
std::optional<int> take_number(std::string_view& text) {
  // Digits only: from_chars would take "-4" (CONDA_OVERRIDE_CUDA=12.-4).
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

}  // namespace

std::optional<Version> Version::parse(std::string_view text) {
  auto major = take_number(text);
  if (!major || text.empty() || text.front() != '.') return std::nullopt;
  text.remove_prefix(1);
  auto minor = take_number(text);
  if (!minor) return std::nullopt;
  if (!text.empty()) {  // an optional ".patch", nothing else
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
    if (!take_number(text) || !text.empty()) return std::nullopt;
  }
  return Version{*major, *minor};
}

std::optional<Version> Version::from_driver_int(int value) {
  if (value < 1000 || value > 99990) return std::nullopt;
  return Version{value / 1000, (value % 1000) / 10};
}

std::string Version::str() const { return fmt::format("{}.{}", major, minor); }

std::optional<DriverRelease> DriverRelease::parse(std::string_view text) {
  DriverRelease release;
  while (true) {
    auto field = take_number(text);
    if (!field) return std::nullopt;
    release.fields.push_back(*field);
    if (text.empty()) return release;
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
  }
}

std::string DriverRelease::str() const {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    // Driver releases keep two-digit minor fields: 580.65.06.
    out += i == 0 ? fmt::format("{}", fields[i]) : fmt::format(".{:02}", fields[i]);
  }
  return out;
}

std::strong_ordering DriverRelease::operator<=>(const DriverRelease& other) const {
  const auto n = std::max(fields.size(), other.fields.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int a = i < fields.size() ? fields[i] : 0;
    const int b = i < other.fields.size() ? other.fields[i] : 0;
    if (auto order = a <=> b; order != 0) return order;
  }
  return std::strong_ordering::equal;
}

}  // namespace cudaenv
