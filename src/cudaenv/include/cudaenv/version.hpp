// Versions as CUDA spells them: "12.4" (toolkits, driver CUDA support,
// capabilities, PTX ISA) and "580.65.06" (driver releases).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cudaenv {

// major.minor, e.g. CUDA 12.4 or compute capability 8.6.
struct Version {
  int major = 0;
  int minor = 0;

  // Accepts "12.4" and "12.4.131" (the patch is ignored); nullopt otherwise.
  static std::optional<Version> parse(std::string_view text);
  // cuDriverGetVersion's integer: 12040 -> 12.4. nullopt outside 1000..99990,
  // which guards against drivers that succeed without writing the value.
  static std::optional<Version> from_driver_int(int value);
  // A compute capability from the number in sm_86, compute_120 and CMake's
  // CUDA_ARCHITECTURES (86 -> 8.6, 120 -> 12.0), and back.
  static constexpr Version from_sm_number(int number) { return {number / 10, number % 10}; }
  constexpr int sm_number() const { return major * 10 + minor; }

  std::string str() const;  // "12.4"
  auto operator<=>(const Version&) const = default;
};

// A dotted driver release such as "580.65.06", compared field by field
// ("580" < "580.65.06").
struct DriverRelease {
  std::vector<int> fields;

  static std::optional<DriverRelease> parse(std::string_view text);
  std::string str() const;
  std::strong_ordering operator<=>(const DriverRelease& other) const;
  bool operator==(const DriverRelease& other) const = default;
};

}  // namespace cudaenv
