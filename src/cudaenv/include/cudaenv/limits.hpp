// What reading one named file may cost: bytes decompressed, containers,
// images, package members, nesting, output records. One budget per file
// named on the command line; every container kind (ELF, ar archive, fatbin,
// package, nested package) charges the same budget, so no shape of input
// multiplies the work. Exceeding a limit is an error naming the limit.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cudaenv {

struct Limits {
  // Bytes produced by decompression (package members and streams, fatbin
  // images), all members and nesting levels together.
  std::uint64_t decompressed = std::uint64_t{4} << 30;
  // One package member held in memory to be read (the largest real ones:
  // cuBLASLt 541 MB, libmagma 605 MB).
  std::uint64_t member = std::uint64_t{1} << 30;
  // One fatbin image once decompressed (for its kernel names or --ptx); the
  // largest in CUDA 13's libraries is 37 MiB (cuDNN's engines).
  std::uint64_t image = std::uint64_t{256} << 20;
  std::uint64_t containers = 1'000'000;  // fatbin containers
  std::uint64_t images = 4'000'000;      // fatbin entries
  std::uint64_t members = 1'000'000;     // package and ar members looked at
  std::uint64_t depth = 4;               // archives inside archives
  std::uint64_t records = 4'000'000;     // output rows (images, kernels listed)
  // Bytes the reader may walk while it looks for containers by their magic
  // in files without section headers, as a multiple of the file's size.
  std::uint64_t scan_factor = 16;

  // "--limit NAME=VALUE": sets one; returns an error message or "".
  std::string set(std::string_view assignment);
  static std::string names();  // for help texts
};

// Thrown when a limit is exceeded; the message names the limit and how to
// raise it.
class LimitExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Budget {
 public:
  explicit Budget(const Limits& limits = {}) : limits_(limits) {}
  const Limits& limits() const { return limits_; }

  void decompressed(std::uint64_t bytes);
  void container();
  void image();
  void member();
  void records(std::uint64_t count);
  void scanned(std::uint64_t bytes, std::uint64_t file_size);
  std::uint64_t decompressed_so_far() const { return decompressed_; }

  [[noreturn]] static void exceed(std::string_view name, std::uint64_t limit, std::string_view what);

 private:
  Limits limits_;
  std::uint64_t decompressed_ = 0, containers_ = 0, images_ = 0, members_ = 0, records_ = 0, scanned_ = 0;
};

// Text safe to print: control characters (C0, DEL, and C1 in UTF-8) become
// \xNN (\u00NN) escapes, so a name read from a file can neither forge an
// output line nor drive the terminal. Applying it twice changes nothing.
std::string printable(std::string_view text);

}  // namespace cudaenv
