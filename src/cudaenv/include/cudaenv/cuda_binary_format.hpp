// The on-disk facts of NVIDIA's GPU code formats that the readers share:
// the fatbin container and entry layout, and the cubin (EM_CUDA ELF) fields
// that say which GPU a cubin is built for. One definition each; the unit
// tests check them against cubins and fatbins nvcc built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cudaenv::format {

// Fatbin container: a 16-byte header (magic, version, header size, size of
// the entries that follow), then entries.
inline constexpr std::uint32_t kFatbinMagic = 0xBA55ED50u;
// The magic as it appears in a file (little-endian), for sniffing.
inline constexpr std::string_view kFatbinMagicBytes{"\x50\xed\x55\xba", 4};
inline constexpr std::size_t kContainerHeaderSize = 16;
// Fatbin entry: a 64-byte header (at least) before its payload.
inline constexpr std::uint16_t kEntryVersion = 0x0101;
inline constexpr std::size_t kEntryHeaderSize = 64;
// Entry flags.
inline constexpr std::uint64_t kEntryLz4 = 0x2000;
inline constexpr std::uint64_t kEntryZstd = 0x8000;
inline constexpr std::uint64_t kEntryArchSpecific = 0x100000;    // sm_XXa
inline constexpr std::uint64_t kEntryFamilySpecific = 0x200000;  // sm_XXXf

inline constexpr std::string_view kElfMagic{"\x7f" "ELF", 4};
// A cubin's e_machine.
inline constexpr unsigned kEmCuda = 190;
// st_other of a symbol that is a kernel (a __global__ entry point).
inline constexpr unsigned char kStoCudaEntry = 0x10;

// The SM number a cubin is built for, from its ELF header: bits 0-7 of
// e_flags in ABI version 7 cubins, bits 8-15 from ABI version 8.
constexpr unsigned cubin_sm(unsigned abi_version, std::uint32_t e_flags) {
  return abi_version >= 8 ? (e_flags >> 8) & 0xff : e_flags & 0xff;
}

// Whether a cubin's ELF header marks it arch-specific ("a"): bit 0x800 of
// e_flags in ABI 7, 0x8 in ABI 8 (where CUDA 13 leaves it clear even in
// sm_90a cubins; "f" has no mark at all).
constexpr bool cubin_marked_arch_specific(unsigned abi_version, std::uint32_t e_flags) {
  return abi_version >= 8 ? (e_flags & 0x8) != 0 : (e_flags & 0x800) != 0;
}

}  // namespace cudaenv::format
