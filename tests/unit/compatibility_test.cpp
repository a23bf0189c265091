// The run rules of cudaenv/compatibility.hpp, one case per rule and exception.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "cudaenv/compatibility.hpp"

using namespace cudaenv;
using Catch::Matchers::ContainsSubstring;
using Kind = CodeImage::Kind;

namespace {
CodeImage sass(int major, int minor, char variant = 0) { return {Kind::sass, {major, minor}, variant, std::nullopt}; }
CodeImage ptx(int major, int minor, std::optional<Version> isa = std::nullopt) {
  return {Kind::ptx, {major, minor}, 0, isa};
}
bool runs(const CodeImage& image, Version gpu, std::optional<Version> driver = Version{13, 0}) {
  return judge_image(image, gpu, driver).runs;
}
}  // namespace

TEST_CASE("R1: SASS runs on the same major with an equal or higher minor") {
  CHECK(runs(sass(8, 0), {8, 6}));
  CHECK(runs(sass(8, 6), {8, 9}));
  CHECK_FALSE(runs(sass(8, 6), {8, 0}));
  CHECK_FALSE(runs(sass(8, 6), {9, 0}));
  CHECK_FALSE(runs(sass(9, 0), {10, 0}));
}

TEST_CASE("R1 exception: no SASS compatibility between Tegra and desktop GPUs") {
  CHECK_FALSE(runs(sass(8, 6), {8, 7}));  // desktop code on Orin
  CHECK_FALSE(runs(sass(8, 7), {8, 9}));  // Orin code on a desktop GPU
  CHECK(runs(sass(8, 7), {8, 7}));
  CHECK_THAT(judge_image(sass(8, 6), {8, 7}, Version{13, 0}).why, ContainsSubstring("Tegra"));
}

TEST_CASE("R3: arch-specific SASS runs on exactly its capability") {
  CHECK(runs(sass(9, 0, 'a'), {9, 0}));
  CHECK_FALSE(runs(sass(9, 0, 'a'), {9, 1}));
  CHECK_FALSE(runs(sass(10, 0, 'a'), {10, 3}));
}

TEST_CASE("R4: family SASS runs on the members of its family") {
  CHECK(runs(sass(10, 0, 'f'), {10, 3}));
  CHECK(runs(sass(12, 0, 'f'), {12, 1}));
  CHECK_FALSE(runs(sass(12, 1, 'f'), {12, 0}));
  CHECK_FALSE(runs(sass(10, 0, 'f'), {11, 0}));  // Thor is not in the 10.x family
  CHECK_FALSE(runs(sass(10, 0, 'f'), {12, 0}));
}

TEST_CASE("R2: PTX JIT-compiles for any capability at or above its own") {
  CHECK(runs(ptx(8, 0), {8, 6}));
  CHECK(runs(ptx(8, 0), {12, 0}));
  CHECK(runs(ptx(8, 0), {8, 7}));  // PTX crosses the Tegra line
  CHECK_FALSE(runs(ptx(9, 0), {8, 9}));
  CHECK(judge_image(ptx(8, 0), {9, 0}, Version{13, 0}).how == "JIT from compute_80");
}

TEST_CASE("R6: PTX needs a driver that knows its ISA") {
  CHECK(runs(ptx(9, 0, Version{9, 0}), {12, 0}, Version{13, 0}));
  CHECK_FALSE(runs(ptx(9, 0, Version{9, 0}), {12, 0}, Version{12, 9}));
  CHECK_THAT(judge_image(ptx(9, 0, Version{9, 2}), {12, 0}, Version{13, 0}).why,
             ContainsSubstring("needs a driver for CUDA 13.2"));
  // Unknown driver: runs, and says what it needs.
  CHECK_THAT(judge_image(ptx(9, 0, Version{9, 0}), {12, 0}, std::nullopt).how, ContainsSubstring("CUDA 13.0"));
}

TEST_CASE("the driver picks SASS before PTX, newest first") {
  const std::vector<CodeImage> images = {sass(8, 0), sass(8, 6), ptx(9, 0)};
  CHECK(judge_images(images, {8, 9}, Version{13, 0}).how == "SASS sm_86");
  CHECK(judge_images(images, {12, 0}, Version{13, 0}).how == "JIT from compute_90");
  const auto none = judge_images(images, {7, 5}, Version{13, 0});
  CHECK_FALSE(none.runs);
  CHECK_THAT(none.why, ContainsSubstring("no code for 7.5"));
}

TEST_CASE("CUDA_ARCHITECTURES lists become images") {
  const auto images = images_from_architectures("86-real;90a-real;120");
  REQUIRE(images.size() == 4);
  CHECK(images[0].name() == "sm_86");
  CHECK(images[1].name() == "sm_90a");
  CHECK(images[2].name() == "sm_120");
  CHECK(images[3].name() == "compute_120");
  CHECK(images_from_architectures("80-virtual,86-real").size() == 2);
  CHECK_THROWS_WITH(images_from_architectures("86-real;8.6"), ContainsSubstring("'8.6' is not a CUDA_ARCHITECTURES entry"));
  CHECK_THROWS_AS(images_from_architectures("86-fast"), std::invalid_argument);
}
