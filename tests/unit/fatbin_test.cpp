// The fatbin reader on hand-made and hostile input: every malformed shape
// is an error naming what is wrong, never a crash, a loop or a huge
// allocation.
#include <cstring>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <lz4.h>

#include "cudaenv/fatbin.hpp"
#include "cudaenv/inspect.hpp"
#include "cudaenv/verdict.hpp"

using namespace cudaenv;
using Catch::Matchers::ContainsSubstring;

namespace {

struct Builder {
  std::vector<std::byte> bytes;
  template <typename T>
  void put(T value) {
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    bytes.insert(bytes.end(), p, p + sizeof(T));
  }
  void pad(std::size_t n) { bytes.insert(bytes.end(), n, std::byte{0}); }
  template <typename T>
  void set(std::size_t at, T value) {
    std::memcpy(bytes.data() + at, &value, sizeof(T));
  }
};

struct Entry {
  std::uint16_t kind = 2;
  std::uint32_t arch = 86;
  std::uint64_t flags = 0x11;
  std::uint16_t major = 1, minor = 8;
  std::vector<std::byte> payload = std::vector<std::byte>(32, std::byte{0x5a});
  std::uint32_t compressed_size = 0;
  std::uint64_t decompressed_size = 0;
};

// A container with the given entries, laid out as nvcc does.
Builder container(const std::vector<Entry>& entries) {
  Builder b;
  b.put<std::uint32_t>(0xBA55ED50u);
  b.put<std::uint16_t>(1);
  b.put<std::uint16_t>(16);
  b.put<std::uint64_t>(0);  // fat size, set below
  for (const auto& e : entries) {
    b.put<std::uint16_t>(e.kind);
    b.put<std::uint16_t>(0x0101);
    b.put<std::uint32_t>(64);
    b.put<std::uint64_t>(e.payload.size());
    b.put<std::uint32_t>(e.compressed_size);
    b.put<std::uint32_t>(0);
    b.put<std::uint16_t>(e.minor);
    b.put<std::uint16_t>(e.major);
    b.put<std::uint32_t>(e.arch);
    b.put<std::uint32_t>(0);
    b.put<std::uint32_t>(0);
    b.put<std::uint64_t>(e.flags);
    b.put<std::uint64_t>(0);
    b.put<std::uint64_t>(e.decompressed_size);
    b.bytes.insert(b.bytes.end(), e.payload.begin(), e.payload.end());
  }
  b.set<std::uint64_t>(8, b.bytes.size() - 16);
  return b;
}

std::string parse(const Builder& b, std::vector<FatbinContainer>& out) {
  return parse_fatbin_region(Bytes(b.bytes), "", ".nv_fatbin", out);
}

}  // namespace

TEST_CASE("entries: kind, arch, a/f flags, PTX ISA") {
  Entry ptx{1, 120, 0x11, 9, 0};
  Entry arch_specific{2, 90, 0x100011};
  Entry family{2, 100, 0x200011};
  Entry lto{8, 90};
  std::vector<FatbinContainer> out;
  const auto bytes = container({ptx, arch_specific, family, lto});
  REQUIRE(parse(bytes, out).empty());
  REQUIRE(out.size() == 1);
  const auto& images = out[0].images;
  REQUIRE(images.size() == 4);
  CHECK(images[0].name() == "compute_120");
  CHECK(images[0].ptx_isa == Version{9, 0});
  CHECK(images[1].name() == "sm_90a");
  CHECK(images[2].name() == "sm_100f");
  CHECK(images[3].kind == FatbinImage::Kind::ltoir);
  CHECK(runnable_images(out[0]).size() == 3);  // no driver loads LTO-IR
  // The payload is not a cubin: said, not fatal.
  CHECK_THAT(images[1].warning, ContainsSubstring("not an ELF cubin"));
}

TEST_CASE("containers back to back, with zero padding between") {
  auto first = container({Entry{}});
  const auto second = container({Entry{2, 90}});
  first.pad(8);
  first.bytes.insert(first.bytes.end(), second.bytes.begin(), second.bytes.end());
  first.pad(24);
  std::vector<FatbinContainer> out;
  REQUIRE(parse(first, out).empty());
  REQUIRE(out.size() == 2);
  CHECK(out[1].images[0].arch == 90);
}

TEST_CASE("hostile containers are errors") {
  std::vector<FatbinContainer> out;
  SECTION("garbage") {
    Builder b;
    b.put<std::uint64_t>(0x1122334455667788ull);
    CHECK_THAT(parse(b, out), ContainsSubstring("no fatbin container at offset 0x0"));
  }
  SECTION("a container that claims more than the section holds") {
    auto b = container({Entry{}});
    b.set<std::uint64_t>(8, 0xFFFFFFFFFFFFFFF0ull);
    CHECK_THAT(parse(b, out), ContainsSubstring("claims"));
  }
  SECTION("a truncated section") {
    auto b = container({Entry{}});
    b.bytes.resize(b.bytes.size() - 8);
    CHECK_THAT(parse(b, out), ContainsSubstring("truncated?"));
  }
  SECTION("a header size smaller than the header") {
    auto b = container({Entry{}});
    b.set<std::uint16_t>(6, 4);
    CHECK_THAT(parse(b, out), ContainsSubstring("header size of 4"));
  }
  SECTION("a wrong container version") {
    auto b = container({Entry{}});
    b.set<std::uint16_t>(4, 7);
    CHECK_THAT(parse(b, out), ContainsSubstring("version 7, expected 1"));
  }
  SECTION("an entry header size of zero cannot loop") {
    auto b = container({Entry{}});
    b.set<std::uint32_t>(16 + 4, 0);
    CHECK_THAT(parse(b, out), ContainsSubstring("does not fit its container"));
  }
  SECTION("an entry payload past its container") {
    auto b = container({Entry{}});
    b.set<std::uint64_t>(16 + 8, 0x7FFFFFFFFFFFFFFFull);
    CHECK_THAT(parse(b, out), ContainsSubstring("does not fit its container"));
  }
  SECTION("a wrong entry version") {
    auto b = container({Entry{}});
    b.set<std::uint16_t>(16 + 2, 0x0202);
    CHECK_THAT(parse(b, out), ContainsSubstring("version 0x202"));
  }
  SECTION("a compressed size larger than the payload") {
    Entry e;
    e.flags |= 0x2000;
    e.compressed_size = 4096;
    CHECK_THAT(parse(container({e}), out), ContainsSubstring("declares 4096 compressed bytes"));
  }
  SECTION("a truncated entry header") {
    auto b = container({Entry{}});
    b.pad(8);
    b.bytes[b.bytes.size() - 1] = std::byte{1};
    b.set<std::uint64_t>(8, b.bytes.size() - 16);
    CHECK_THAT(parse(b, out), ContainsSubstring("truncated entry header"));
  }
}

TEST_CASE("decompression is bounded and checked") {
  const std::string text = ".version 9.0\n.target sm_90\n" + std::string(2000, ' ') + "\n";
  std::string packed(LZ4_compressBound(static_cast<int>(text.size())), '\0');
  const int n = LZ4_compress_default(text.data(), packed.data(), static_cast<int>(text.size()),
                                     static_cast<int>(packed.size()));
  REQUIRE(n > 0);
  Entry e{1, 90, 0x2011, 9, 0};
  e.payload.assign(reinterpret_cast<const std::byte*>(packed.data()),
                   reinterpret_cast<const std::byte*>(packed.data()) + n);
  e.payload.resize((e.payload.size() + 7) & ~std::size_t{7});
  e.compressed_size = static_cast<std::uint32_t>(n);
  e.decompressed_size = text.size();
  std::vector<FatbinContainer> out;
  const auto bytes = container({e});  // the images point into these bytes
  REQUIRE(parse(bytes, out).empty());
  const auto& image = out[0].images[0];
  CHECK(image.compression == FatbinImage::Compression::lz4);
  CHECK(ptx_text(image) == text);

  SECTION("a declared size over the image limit is refused before allocating, naming the limit") {
    auto bomb = image;
    bomb.size = std::uint64_t{1} << 40;
    CHECK_THROWS_WITH(decompress_payload(bomb), ContainsSubstring("limit exceeded") && ContainsSubstring("--limit image"));
  }
  SECTION("an LZ4 block cannot expand more than 255x: a larger declared size is refused") {
    auto bomb = image;
    bomb.size = std::uint64_t{64} << 20;
    CHECK_THROWS_WITH(decompress_payload(bomb), ContainsSubstring("refusing"));
  }
  SECTION("the budget of the file is charged, and refuses past its limit") {
    Limits limits;
    limits.decompressed = text.size() + text.size() / 2;
    Budget budget(limits);
    CHECK(decompress_payload(image, limits.image, &budget).size() == text.size());
    CHECK(budget.decompressed_so_far() == text.size());
    CHECK_THROWS_AS(decompress_payload(image, limits.image, &budget), LimitExceeded);
  }
  SECTION("a wrong declared size is corrupt data") {
    auto wrong = image;
    wrong.size = text.size() + 1;
    CHECK_THROWS_WITH(decompress_payload(wrong), ContainsSubstring("corrupt LZ4"));
  }
  SECTION("garbage zstd is corrupt data") {
    auto zstd = image;
    zstd.compression = FatbinImage::Compression::zstd;
    CHECK_THROWS_WITH(decompress_payload(zstd), ContainsSubstring("corrupt zstd"));
  }
}

TEST_CASE("inspect_bytes: files that are not binaries") {
  const std::string text = "just text";
  const auto file = inspect_bytes(Bytes(reinterpret_cast<const std::byte*>(text.data()), text.size()), "notes.txt");
  CHECK_THAT(file.error, ContainsSubstring("not a format this reader understands"));
  CHECK(file.not_binary);
  const std::string elf_head = "\x7f" "ELF\x02\x01\x01";
  const auto cut = inspect_bytes(Bytes(reinterpret_cast<const std::byte*>(elf_head.data()), elf_head.size()), "cut");
  CHECK_FALSE(cut.error.empty());
  const std::string archive = "!<arch>\nshort";
  const auto ar = inspect_bytes(Bytes(reinterpret_cast<const std::byte*>(archive.data()), archive.size()), "x.a");
  CHECK(ar.containers.empty());
}

TEST_CASE("CheckTarget parses the values of --check") {
  CHECK(CheckTarget::parse("8.9").capability == Version{8, 9});
  CHECK(CheckTarget::parse("89@12.4").driver_cuda == Version{12, 4});
  CHECK(CheckTarget::parse("sm_120").capability == Version{12, 0});
  CHECK_THROWS_AS(CheckTarget::parse("8.9@"), std::invalid_argument);
  CHECK_THROWS_AS(CheckTarget::parse("@12.4"), std::invalid_argument);
  CHECK_THROWS_AS(CheckTarget::parse("9.0a"), std::invalid_argument);
}

TEST_CASE("limits: --limit NAME=VALUE and the budget") {
  Limits limits;
  CHECK(limits.set("member=2G").empty());
  CHECK(limits.member == std::uint64_t{2} << 30);
  CHECK(limits.set("depth=2").empty());
  CHECK(limits.depth == 2);
  CHECK_THAT(limits.set("nonsense=1"), ContainsSubstring("NAME=VALUE"));
  CHECK_THAT(limits.set("member"), ContainsSubstring("NAME=VALUE"));
  CHECK_THAT(limits.set("member=-1"), ContainsSubstring("positive whole number"));
  CHECK_THAT(limits.set("member=0"), ContainsSubstring("positive whole number"));
  CHECK_THAT(limits.set("member=99999999999999999999999"), ContainsSubstring("positive whole number"));
  CHECK_THAT(limits.set("member=99999999999T"), ContainsSubstring("positive whole number"));
  Budget budget(limits);
  budget.member();
  budget.member();
  limits.members = 2;
  Budget small(limits);
  small.member();
  small.member();
  CHECK_THROWS_WITH(small.member(), ContainsSubstring("--limit members="));
}

TEST_CASE("printable: names from files cannot forge lines or drive the terminal") {
  CHECK(printable("lib/x.so") == "lib/x.so");
  CHECK(printable("a\nb") == "a\\x0ab");
  CHECK(printable("\x1b]0;t\x07") == "\\x1b]0;t\\x07");
  CHECK(printable("\xc2\x9b" "2J") == "\\u009b2J");
  CHECK(printable("caf\xc3\xa9") == "caf\xc3\xa9");  // other UTF-8 stays
  CHECK(printable(printable("a\nb")) == printable("a\nb"));
}
