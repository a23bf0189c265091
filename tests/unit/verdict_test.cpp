// The file-level run rules on hand-made inputs: kernels read from cubins and
// PTX, containers without kernels, partial verdicts, driver floors, the
// arch-specific mark of a cubin against its entry, impossible --check values.
#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "cudaenv/fatbin.hpp"
#include "cudaenv/kernels_in_code.hpp"
#include "cudaenv/verdict.hpp"

using namespace cudaenv;
using Catch::Matchers::ContainsSubstring;

namespace {

// A minimal 64-bit EM_CUDA ELF image: header, a symbol table with the given
// functions (entries marked STO_CUDA_ENTRY), its string table, and section
// headers. `abi` and `flags` go to e_ident[EI_ABIVERSION] and e_flags.
std::string cubin(const std::vector<std::pair<std::string, bool>>& functions, unsigned abi = 8,
                  std::uint32_t flags = 0x06005a04) {
  std::string strtab(1, '\0');
  std::string symtab(24, '\0');  // the null symbol
  for (const auto& [name, entry] : functions) {
    std::string symbol(24, '\0');
    const std::uint32_t name_offset = static_cast<std::uint32_t>(strtab.size());
    std::memcpy(symbol.data(), &name_offset, 4);
    symbol[4] = static_cast<char>((1 << 4) | 2);  // STB_GLOBAL, STT_FUNC
    symbol[5] = entry ? 0x10 : 0;                 // STO_CUDA_ENTRY
    strtab += name + '\0';
    symtab += symbol;
  }
  const std::string shstrtab = std::string("\0.symtab\0.strtab\0.shstrtab\0", 27);
  std::string elf(64, '\0');
  const std::uint64_t symtab_at = elf.size();
  elf += symtab;
  const std::uint64_t strtab_at = elf.size();
  elf += strtab;
  const std::uint64_t shstrtab_at = elf.size();
  elf += shstrtab;
  while (elf.size() % 8) elf += '\0';
  const std::uint64_t headers_at = elf.size();
  const auto section = [&](std::uint32_t name, std::uint32_t type, std::uint64_t offset, std::uint64_t size,
                           std::uint32_t link, std::uint64_t entsize) {
    std::string header(64, '\0');
    std::memcpy(header.data() + 0, &name, 4);
    std::memcpy(header.data() + 4, &type, 4);
    std::memcpy(header.data() + 24, &offset, 8);
    std::memcpy(header.data() + 32, &size, 8);
    std::memcpy(header.data() + 40, &link, 4);
    std::memcpy(header.data() + 56, &entsize, 8);
    elf += header;
  };
  section(0, 0, 0, 0, 0, 0);
  section(1, 2, symtab_at, symtab.size(), 2, 24);   // SHT_SYMTAB, linked to .strtab
  section(9, 3, strtab_at, strtab.size(), 0, 0);    // SHT_STRTAB
  section(17, 3, shstrtab_at, shstrtab.size(), 0, 0);
  const unsigned char ident[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0x41, static_cast<unsigned char>(abi)};
  std::memcpy(elf.data(), ident, sizeof ident);
  const std::uint16_t type = 2, machine = 190, header_size = 64, section_size = 64, sections = 4, names = 3;
  const std::uint32_t version = 1;
  std::memcpy(elf.data() + 16, &type, 2);
  std::memcpy(elf.data() + 18, &machine, 2);
  std::memcpy(elf.data() + 20, &version, 4);
  std::memcpy(elf.data() + 40, &headers_at, 8);
  std::memcpy(elf.data() + 48, &flags, 4);
  std::memcpy(elf.data() + 52, &header_size, 2);
  std::memcpy(elf.data() + 58, &section_size, 2);
  std::memcpy(elf.data() + 60, &sections, 2);
  std::memcpy(elf.data() + 62, &names, 2);
  return elf;
}

FatbinImage sass(int arch, const std::string& payload, char variant = 0) {
  FatbinImage image;
  image.kind = FatbinImage::Kind::sass;
  image.arch = arch;
  image.variant = variant;
  image.code_version = Version{1, 8};
  image.payload = Bytes(reinterpret_cast<const std::byte*>(payload.data()), payload.size());
  image.stored_size = image.size = payload.size();
  return image;
}

FatbinImage ptx(int arch, const std::string& text) {
  FatbinImage image;
  image.kind = FatbinImage::Kind::ptx;
  image.arch = arch;
  image.ptx_isa = Version{9, 0};
  image.payload = Bytes(reinterpret_cast<const std::byte*>(text.data()), text.size());
  image.stored_size = image.size = text.size();
  return image;
}

}  // namespace

TEST_CASE("kernels: entry functions of a cubin, .entry directives of PTX") {
  const auto image = cubin({{"_Z5scalePf", true}, {"_Z6helperv", false}, {"_Z4stepv", true}});
  const auto kernels = cubin_kernels(image);
  REQUIRE(kernels.known);
  CHECK(kernels.names == std::vector<std::string>{"_Z5scalePf", "_Z4stepv"});
  CHECK(cubin_kernels(cubin({{"_Z6helperv", false}})).names.empty());
  CHECK_FALSE(cubin_kernels("not an elf").known);

  const auto text = ptx_kernels(".version 9.0\n.target sm_80\n.visible .entry _Z1av(\n)\n{ ret; }\n"
                                ".entry\tb()\n// .entryless comment\n");
  CHECK(text.names == std::vector<std::string>{"_Z1av", "b"});
  CHECK(demangled("_Z5scalePf") == "scale(float*)");
}

TEST_CASE("verdicts: containers without kernels do not count; split code is partial") {
  const auto empty = cubin({});
  const auto with_kernel = cubin({{"_Z5scalePf", true}});
  const std::string portable = ".version 9.0\n.target sm_80\n.visible .entry _Z5scalePf()\n{ ret; }\n";
  InspectedFile file;
  file.path = "app";
  file.linked = true;
  // What nvcc -arch=sm_80 links: the device link's empty container, then the code.
  file.containers.push_back({"", ".nv_fatbin", 0, {sass(80, empty)}});
  file.containers.push_back({"", ".nv_fatbin", 0x100, {sass(80, with_kernel), ptx(80, portable)}});

  const auto on_hopper = check_file(file, CheckTarget::parse("9.0@13.0"));
  CHECK(on_hopper.outcome == Outcome::runs);
  REQUIRE(on_hopper.containers.size() == 2);
  CHECK_FALSE(on_hopper.containers[0].counts);
  CHECK_THAT(on_hopper.summary(), ContainsSubstring("JIT from compute_80"));

  const auto on_turing = check_file(file, CheckTarget::parse("7.5"));
  CHECK(on_turing.outcome == Outcome::will_not_run);
  CHECK_THAT(on_turing.summary(), ContainsSubstring("container 2 (scale)"));
  CHECK_THAT(on_turing.summary(), ContainsSubstring("1 container without kernels ignored"));

  // A library with a Hopper-only container besides the portable one.
  file.containers.push_back({"hopper.o", ".nv_fatbin", 0x200, {sass(90, with_kernel, 'a')}});
  const auto on_ampere = check_file(file, CheckTarget::parse("8.6"));
  CHECK(on_ampere.outcome == Outcome::partial);
  CHECK(on_ampere.passes(false));
  CHECK_FALSE(on_ampere.passes(true));
  CHECK_THAT(on_ampere.summary(), ContainsSubstring("partial: 1 of 3 containers have no code for it"));
  CHECK_THAT(on_ampere.summary(), ContainsSubstring("in hopper.o (scale)"));
}

TEST_CASE("verdicts: the same reason for many containers is said once") {
  const auto with_kernel = cubin({{"_Z5scalePf", true}});
  InspectedFile file;
  file.path = "libsplit.so";
  for (int i = 0; i < 28; ++i) file.containers.push_back({"", ".nv_fatbin", 0, {sass(75, with_kernel)}});
  const auto summary = check_file(file, CheckTarget::parse("9.0")).summary();
  std::size_t count = 0;
  for (auto at = summary.find("sm_75 runs only"); at != std::string::npos; at = summary.find("sm_75 runs only", at + 1)) {
    ++count;
  }
  CHECK(count == 1);
  CHECK_THAT(summary, ContainsSubstring("and 24 more containers"));
}

TEST_CASE("driver floors: the runtime a file links, compression, cubin versions") {
  const auto with_kernel = cubin({{"_Z5scalePf", true}});
  InspectedFile file;
  file.needed = {"libc.so.6", "libcudart.so.12"};
  auto image = sass(86, with_kernel);
  image.compression = FatbinImage::Compression::zstd;
  file.containers.push_back({"", ".nv_fatbin", 0, {image}});
  const auto floor = minimum_driver(file);
  REQUIRE(floor.highest());
  CHECK(floor.highest()->cuda == Version{12, 8});  // the ABI 1.8 cubin
  CHECK_THAT(floor.text(), ContainsSubstring("links libcudart.so.12: CUDA 12.0"));
  CHECK_THAT(floor.text(), ContainsSubstring("zstd-compressed fatbins: CUDA 12.4"));

  const auto old_driver = check_file(file, CheckTarget::parse("8.6@11.8"));
  CHECK(old_driver.outcome == Outcome::will_not_run);
  CHECK_THAT(old_driver.summary(), ContainsSubstring("links libcudart.so.12: needs a driver for CUDA 12.0, driver "
                                                     "525.60.13 or newer; this one supports CUDA 11.8"));
  auto lenient = CheckTarget::parse("8.6@11.8");
  lenient.check_driver_floor = false;
  CHECK(check_file(file, lenient).outcome == Outcome::runs);
}

TEST_CASE("cannot tell: code the reader sees but cannot judge") {
  InspectedFile lto;
  FatbinImage image;
  image.kind = FatbinImage::Kind::ltoir;
  image.arch = 80;
  lto.containers.push_back({"", "__nv_relfatbin", 0, {image}});
  const auto verdict = check_file(lto, CheckTarget::parse("8.0"));
  CHECK(verdict.outcome == Outcome::cannot_tell);
  CHECK_THAT(verdict.summary(), ContainsSubstring("LTO-IR only"));

  InspectedFile stripped;
  stripped.unseen = "its section headers are stripped";
  CHECK(check_file(stripped, CheckTarget::parse("8.0")).outcome == Outcome::cannot_tell);
}

TEST_CASE("the arch-specific mark of a cubin against its fatbin entry") {
  // cuBLAS 12.4 shape: an ABI 7 sm_50 cubin with 0x800 set, a plain entry.
  auto marked = cubin({{"_Z1kv", true}}, 7, 0x00320000 | 0x800 | 0x32);
  std::vector<std::byte> bytes;
  const auto put = [&](auto value) {
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    bytes.insert(bytes.end(), p, p + sizeof value);
  };
  const auto container = [&](std::uint64_t flags, std::uint32_t arch, const std::string& payload) {
    bytes.clear();
    put(std::uint32_t{0xBA55ED50u});
    put(std::uint16_t{1});
    put(std::uint16_t{16});
    put(std::uint64_t{64 + payload.size()});
    put(std::uint16_t{2});
    put(std::uint16_t{0x0101});
    put(std::uint32_t{64});
    put(std::uint64_t{payload.size()});
    put(std::uint32_t{0});
    put(std::uint32_t{0});
    put(std::uint16_t{7});
    put(std::uint16_t{1});
    put(arch);
    put(std::uint32_t{0});
    put(std::uint32_t{0});
    put(flags);
    put(std::uint64_t{0});
    put(std::uint64_t{0});
    const auto* p = reinterpret_cast<const std::byte*>(payload.data());
    bytes.insert(bytes.end(), p, p + payload.size());
    std::vector<FatbinContainer> out;
    REQUIRE(parse_fatbin_region(Bytes(bytes), "", ".nv_fatbin", out).empty());
    return out.at(0).images.at(0);
  };
  const auto plain_entry = container(0x11, 50, marked);
  CHECK(plain_entry.variant == 0);  // the entry is what the driver goes by
  CHECK_THAT(plain_entry.warning, ContainsSubstring("marks it arch-specific, sm_50a"));
  CHECK_THAT(plain_entry.warning, ContainsSubstring("its fatbin entry says sm_50"));
  // ABI 8 (CUDA 13) leaves the mark clear in sm_90a cubins: no warning.
  const auto clear = cubin({{"_Z1kv", true}}, 8, 0x06005a04);
  CHECK(container(0x100011, 90, clear).warning.empty());
}

TEST_CASE("check targets no GPU or driver can have are errors") {
  CHECK_THROWS_WITH(CheckTarget::parse("9.9"), ContainsSubstring("no GPU has compute capability 9.9"));
  CHECK_THROWS_WITH(CheckTarget::parse("13.0"), ContainsSubstring("Known: 3.0, 3.2"));
  CHECK_THROWS_WITH(CheckTarget::parse("10.0@12.4"),
                    ContainsSubstring("no driver for CUDA 12.4 supports compute capability 10.0"));
  CHECK_THROWS_WITH(CheckTarget::parse("12.1@12.4"), ContainsSubstring("the first is CUDA 12.9"));
  CHECK(CheckTarget::parse("10.0@12.8").capability == Version{10, 0});
}
