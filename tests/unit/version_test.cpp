#include <catch2/catch_test_macros.hpp>

#include "cudaenv/version.hpp"

using cudaenv::DriverRelease;
using cudaenv::Version;

TEST_CASE("versions parse in CUDA's spellings") {
  CHECK(Version::parse("12.4") == Version{12, 4});
  CHECK(Version::parse("13.0.88") == Version{13, 0});
  CHECK(Version::parse("8.6") == Version{8, 6});
  CHECK_FALSE(Version::parse(""));
  CHECK_FALSE(Version::parse("12"));
  CHECK_FALSE(Version::parse("12."));
  CHECK_FALSE(Version::parse("12.4a"));
  CHECK_FALSE(Version::parse("v12.4"));
  CHECK_FALSE(Version::parse("12.4.1.2"));
}

TEST_CASE("cuDriverGetVersion integers convert like NVML's macros") {
  CHECK(Version::from_driver_int(12040) == Version{12, 4});
  CHECK(Version::from_driver_int(13000) == Version{13, 0});
  CHECK(Version::from_driver_int(11080) == Version{11, 8});
  // A driver that "succeeds" without writing leaves 0; never a version.
  CHECK_FALSE(Version::from_driver_int(0));
  CHECK_FALSE(Version::from_driver_int(999));
  CHECK_FALSE(Version::from_driver_int(100000));
  CHECK(Version{12, 4}.str() == "12.4");
}

TEST_CASE("versions order numerically, not as text") {
  CHECK(Version{12, 10} > Version{12, 9});
  CHECK(Version{9, 0} < Version{10, 0});
}

TEST_CASE("driver releases compare field by field") {
  const auto r580 = DriverRelease::parse("580").value();
  const auto r580_65 = DriverRelease::parse("580.65.06").value();
  const auto r575 = DriverRelease::parse("575.57.08").value();
  CHECK(r580 < r580_65);
  CHECK(r575 < r580);
  CHECK(DriverRelease::parse("535.104.05").value() > DriverRelease::parse("535.54.03").value());
  CHECK(r580_65.str() == "580.65.06");
  CHECK_FALSE(DriverRelease::parse("R580"));
  CHECK_FALSE(DriverRelease::parse("580..1"));
  CHECK_FALSE(DriverRelease::parse(""));
}
