#include <stdexcept>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "cudaenv/facts.hpp"

using cudaenv::Facts;
using cudaenv::Version;

TEST_CASE("the embedded facts are modules/data/cuda.json") {
  const auto& facts = Facts::embedded();
  const auto* hopper = facts.capability("9.0");
  REQUIRE(hopper);
  CHECK(hopper->generation == "Hopper");
  CHECK(hopper->first_toolkit == Version{11, 8});
  CHECK_FALSE(hopper->tegra);
  const auto* orin = facts.capability("8.7");
  REQUIRE(orin);
  CHECK(orin->tegra);
  const auto* family = facts.capability("12.0f");
  REQUIRE(family);
  CHECK(family->runs_on == std::vector<Version>{{12, 0}, {12, 1}});
  CHECK_FALSE(facts.capability("9.0f"));
}

TEST_CASE("toolkit facts: SASS targets, PTX ISA, drivers, host compilers") {
  const auto& facts = Facts::embedded();
  const auto* cuda13 = facts.toolkit({13, 0});
  REQUIRE(cuda13);
  CHECK(cuda13->sass.front() == Version{7, 5});
  CHECK(cuda13->ptx_isa == Version{9, 0});
  CHECK(cuda13->driver_min->str() == "580.65.06");
  CHECK(cuda13->gcc_max == 15);
  CHECK_FALSE(facts.toolkit({12, 7}));  // never released
  CHECK(facts.toolkit_at_or_below({12, 7})->version == Version{12, 6});
  CHECK(facts.toolkit_at_or_below({99, 0})->version == Version{13, 4});
  CHECK_FALSE(facts.toolkit_at_or_below({10, 2}));
}

TEST_CASE("a PTX ISA maps to the first toolkit that emits it") {
  const auto& facts = Facts::embedded();
  CHECK(facts.toolkit_for_ptx_isa({9, 0}) == Version{13, 0});
  CHECK(facts.toolkit_for_ptx_isa({8, 5}) == Version{12, 5});
  CHECK(facts.toolkit_for_ptx_isa({7, 0}) == Version{11, 0});
  CHECK_FALSE(facts.toolkit_for_ptx_isa({99, 0}));
}

TEST_CASE("a malformed facts file is an error that says so") {
  using Catch::Matchers::ContainsSubstring;
  CHECK_THROWS_WITH(Facts::parse("{"), ContainsSubstring("the CUDA facts file is malformed"));
  CHECK_THROWS_WITH(Facts::parse(R"({"capabilities": {}})"), ContainsSubstring("toolkits"));
}
