#include "cudaenv/limits.hpp"

#include <charconv>
#include <limits>

#include <fmt/format.h>

namespace cudaenv {
namespace {

struct Named {
  const char* name;
  std::uint64_t Limits::*field;
  const char* what;
};

constexpr Named kNamed[] = {
    {"decompressed", &Limits::decompressed, "bytes decompressed in one file"},
    {"member", &Limits::member, "bytes in one package member"},
    {"image", &Limits::image, "bytes in one decompressed fatbin image"},
    {"containers", &Limits::containers, "fatbin containers in one file"},
    {"images", &Limits::images, "fatbin images in one file"},
    {"members", &Limits::members, "archive members in one file"},
    {"depth", &Limits::depth, "archives nested in one another"},
    {"records", &Limits::records, "output records for one file"},
    {"scan", &Limits::scan_factor, "times its size scanned in a file without section headers"},
};

std::uint64_t unit(std::string_view suffix) {
  if (suffix.empty()) return 1;
  if (suffix == "K" || suffix == "KiB") return std::uint64_t{1} << 10;
  if (suffix == "M" || suffix == "MiB") return std::uint64_t{1} << 20;
  if (suffix == "G" || suffix == "GiB") return std::uint64_t{1} << 30;
  if (suffix == "T" || suffix == "TiB") return std::uint64_t{1} << 40;
  return 0;
}

}  // namespace

std::string Limits::set(std::string_view assignment) {
  const auto equals = assignment.find('=');
  const auto name = assignment.substr(0, equals);
  for (const auto& named : kNamed) {
    if (name != named.name) continue;
    if (equals == std::string_view::npos) break;
    const auto text = assignment.substr(equals + 1);
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const auto scale = unit(text.substr(static_cast<std::size_t>(end - text.data())));
    if (error != std::errc() || end == text.data() || scale == 0 || value == 0 ||
        value > std::numeric_limits<std::uint64_t>::max() / scale) {
      return fmt::format("--limit '{}': give a positive whole number, optionally with K, M, G or T (binary units)",
                         printable(assignment));
    }
    this->*named.field = value * scale;
    return {};
  }
  return fmt::format("--limit '{}': give NAME=VALUE with NAME one of {}", printable(assignment), names());
}

std::string Limits::names() {
  std::string out;
  for (const auto& named : kNamed) out += (out.empty() ? "" : ", ") + std::string(named.name);
  return out;
}

void Budget::exceed(std::string_view name, std::uint64_t limit, std::string_view what) {
  throw LimitExceeded(fmt::format("limit exceeded: more than {} {} (--limit {}=N raises it); not read to the end, "
                                  "so nothing can be said about it",
                                  limit, what, name));
}

void Budget::decompressed(std::uint64_t bytes) {
  decompressed_ += bytes;
  if (decompressed_ > limits_.decompressed) exceed("decompressed", limits_.decompressed, kNamed[0].what);
}
void Budget::container() {
  if (++containers_ > limits_.containers) exceed("containers", limits_.containers, kNamed[3].what);
}
void Budget::image() {
  if (++images_ > limits_.images) exceed("images", limits_.images, kNamed[4].what);
}
void Budget::member() {
  if (++members_ > limits_.members) exceed("members", limits_.members, kNamed[5].what);
}
void Budget::records(std::uint64_t count) {
  records_ += count;
  if (records_ > limits_.records) exceed("records", limits_.records, kNamed[7].what);
}
void Budget::scanned(std::uint64_t bytes, std::uint64_t file_size) {
  scanned_ += bytes;
  const auto allowed = (file_size + 4096) * limits_.scan_factor;
  if (scanned_ > allowed) exceed("scan", limits_.scan_factor, kNamed[8].what);
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));  // a C1 control (CSI, OSC...)
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace cudaenv
