// CUDA fatbinaries: the containers nvcc and clang put in .nv_fatbin and
// __nv_relfatbin, and the SASS, PTX and LTO-IR images inside them. Layout:
// NVIDIA's fatbinary.h for the container header, a reverse-engineered entry
// header for the rest (cudaenv/cuda_binary_format.hpp; the unit tests check
// it against what nvcc builds).
//
// Every read is bounds-checked against the region it came from: hostile
// input gives an error, never a crash, a loop or an unbounded allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cudaenv/limits.hpp"
#include "cudaenv/version.hpp"

namespace cudaenv {

using Bytes = std::span<const std::byte>;

struct FatbinImage {
  enum class Kind { sass, ptx, ltoir, other };
  enum class Compression { none, lz4, zstd };

  Kind kind = Kind::other;
  int arch = 0;                      // 86, 90, 100, 121
  // 'a', 'f' or 0, from the entry's flags (bits 20/21), which is what the
  // driver goes by: its selection names entries from these bits (found by
  // reverse engineering, not documented by NVIDIA), "f" has no mark in a
  // cubin, and CUDA 13's own sm_90a cubins carry none in e_flags.
  char variant = 0;
  std::optional<Version> ptx_isa;    // PTX: the ISA version it needs
  std::optional<Version> code_version;  // SASS: cubin ABI version ([1,8] on CUDA 13)
  Compression compression = Compression::none;
  std::uint64_t stored_size = 0;     // bytes in the file
  std::uint64_t size = 0;            // bytes once decompressed
  std::string identifier;            // source or profile name, if recorded
  std::string warning;               // e.g. the cubin disagrees with the entry header
  Bytes payload;                     // stored bytes (compressed if compressed)

  std::string name() const;          // "sm_90a", "compute_120", "lto_90"
  std::string cmake_arch() const;    // "90a"
  Version capability() const { return Version::from_sm_number(arch); }
};

const char* to_string(FatbinImage::Kind kind);
const char* to_string(FatbinImage::Compression compression);

struct FatbinContainer {
  std::string member;   // archive member, or empty
  std::string section;  // ".nv_fatbin", "__nv_relfatbin", "(file)"
  std::uint64_t offset = 0;  // within the section
  std::vector<FatbinImage> images;
  // Relocatable device code (-rdc) before or beside the device link.
  bool relocatable() const { return section == "__nv_relfatbin"; }
};

struct ReadOptions {
  // Cross-check zstd-compressed SASS entries against their cubin's ELF
  // header too. Uncompressed and LZ4 entries are always checked (it costs a
  // few bytes); zstd must decode a whole block (up to 128 KiB) per entry.
  bool verify_zstd_cubins = false;
  // What reading the named file may cost (limits.hpp), shared by every
  // container inside it. Null: a budget with the default limits per call.
  Budget* budget = nullptr;
};

// Walks the containers of one region (a section's bytes, or a whole .fatbin
// file), appending them to `out`. Returns an error message, or "" on success.
std::string parse_fatbin_region(Bytes region, const std::string& member, const std::string& section,
                                std::vector<FatbinContainer>& out, const ReadOptions& options = {});

// Finds containers anywhere in `bytes` by their magic, keeping only those
// that parse cleanly (for files whose section headers are stripped).
void scan_for_fatbins(Bytes bytes, const std::string& member, const std::string& section,
                      std::vector<FatbinContainer>& out, const ReadOptions& options = {});

// The full payload of an image, decompressed (LZ4 block or zstd frame)
// into a buffer that grows with the data, bounded by its declared size and
// `limit`, and charged to `budget` when given. Throws std::runtime_error on
// corrupt data, LimitExceeded past a limit.
std::string decompress_payload(const FatbinImage& image, std::uint64_t limit = Limits{}.image, Budget* budget = nullptr);

// The same without copies or zero-filling (for reading kernel names): the
// bytes are `view()`, owned by `data` when decompressed, or the payload.
struct DecompressedPayload {
  std::unique_ptr<char, void (*)(void*)> data{nullptr, &std::free};
  std::string_view bytes;
  std::string_view view() const { return bytes; }
};
DecompressedPayload decompress_payload_view(const FatbinImage& image, std::uint64_t limit = Limits{}.image,
                                            Budget* budget = nullptr);

// PTX text without the NUL terminator and padding.
std::string ptx_text(const FatbinImage& image, Budget* budget = nullptr);

}  // namespace cudaenv
