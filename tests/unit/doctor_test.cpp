// Verdict rules of `cudaenv doctor`, from plain inputs (no machine access).
#include <algorithm>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include "cudaenv/doctor.hpp"

using namespace cudaenv;
using Catch::Matchers::ContainsSubstring;
using Status = Verdict::Status;

namespace {

DoctorInput machine(Version toolkit, std::optional<Version> driver_cuda, std::string driver_release = "") {
  DoctorInput input;
  input.detection.toolkit.found = true;
  input.detection.toolkit.version = toolkit;
  input.detection.toolkit.full_version = toolkit.str() + ".0";
  if (driver_cuda) {
    input.detection.driver.found = true;
    input.detection.driver.cuda_version = driver_cuda;
    input.detection.driver.version = std::move(driver_release);
  } else {
    input.detection.driver.error = "no usable driver: libcuda.so.1 was not found";
  }
  input.host_compiler = {true, "/usr/bin/g++", "gcc", 12, ""};
  return input;
}

const Verdict& find(const std::vector<Verdict>& verdicts, std::string_view topic) {
  auto it = std::ranges::find_if(verdicts, [&](const Verdict& v) { return v.topic.find(topic) == 0; });
  REQUIRE(it != verdicts.end());
  return *it;
}

void add_gpu(DoctorInput& input, int index, Version capability, std::string name) {
  GpuInfo gpu;
  gpu.index = index;
  gpu.capability = capability;
  gpu.name = std::move(name);
  input.detection.gpus.push_back(gpu);
}

}  // namespace

TEST_CASE("toolkit vs driver: native, minor-version compatibility, forward compatibility") {
  SECTION("a driver as new as the toolkit runs natively") {
    const auto v = find(diagnose(machine({12, 4}, Version{13, 0})), "toolkit vs driver");
    CHECK(v.status == Status::ok);
    CHECK_THAT(v.summary, ContainsSubstring("run natively"));
  }
  SECTION("an older minor of the same major needs minor-version compatibility, which forbids PTX JIT") {
    const auto verdicts = diagnose(machine({12, 8}, Version{12, 4}, "550.54.15"));
    const auto v = find(verdicts, "toolkit vs driver");
    CHECK(v.status == Status::limited);
    CHECK_THAT(v.summary, ContainsSubstring("minor-version compatibility"));
    CHECK_THAT(v.reason, ContainsSubstring("forbids JIT-compiling PTX built by CUDA 12.8 (PTX ISA 8.7)"));
    CHECK_THAT(v.fix, ContainsSubstring("570.26"));
    CHECK(all_work(verdicts));
  }
  SECTION("a driver below the minor-version minimum will not run it") {
    const auto v = find(diagnose(machine({12, 8}, Version{12, 0}, "520.61.05")), "toolkit vs driver");
    CHECK(v.status == Status::fails);
    CHECK_THAT(v.summary, ContainsSubstring("below 525.60.13"));
  }
  SECTION("an older major needs the forward-compatibility package") {
    const auto verdicts = diagnose(machine({13, 0}, Version{12, 9}, "575.57.08"));
    const auto v = find(verdicts, "toolkit vs driver");
    CHECK(v.status == Status::fails);
    CHECK_THAT(v.fix, ContainsSubstring("cuda-compat-13-0"));
    CHECK_THAT(v.fix, ContainsSubstring("580.65.06"));
    CHECK_FALSE(all_work(verdicts));
  }
  SECTION("no driver: fails, unless this machine only builds") {
    auto input = machine({13, 0}, std::nullopt);
    CHECK(find(diagnose(input), "toolkit vs driver").status == Status::fails);
    input.build_only = true;
    CHECK(find(diagnose(input), "toolkit vs driver").status == Status::skipped);
    CHECK(all_work(diagnose(input)));
  }
  SECTION("no toolkit: nothing can be built") {
    auto input = machine({13, 0}, Version{13, 0});
    input.detection.toolkit = {};
    input.detection.toolkit.error = "no CUDA toolkit: nvcc is not in ...";
    const auto v = find(diagnose(input), "toolkit vs driver");
    CHECK(v.status == Status::fails);
    CHECK_THAT(v.summary, ContainsSubstring("nothing can be built"));
  }
}

TEST_CASE("host compiler against the toolkit's range") {
  auto input = machine({12, 4}, Version{12, 4});
  CHECK(find(diagnose(input), "host compiler").status == Status::ok);
  input.host_compiler.major = 14;  // CUDA 12.4 accepts GCC 6 to 13
  auto v = find(diagnose(input), "host compiler");
  CHECK(v.status == Status::fails);
  CHECK_THAT(v.summary, ContainsSubstring("accepts GCC 6 to 13"));
  CHECK_THAT(v.fix, ContainsSubstring("g++-13"));
  input.host_compiler = {true, "/usr/bin/clang++", "clang", 18, ""};  // 12.4: clang 7 to 17
  CHECK(find(diagnose(input), "host compiler").status == Status::fails);
  input.host_compiler = {false, "", "", 0, "no g++ on PATH"};
  CHECK(find(diagnose(input), "host compiler").status == Status::fails);
}

TEST_CASE("host C library against the toolkit's headers") {
  auto input = machine(Version{12, 8}, Version{12, 8});
  input.host_glibc = Version{2, 41};  // Debian 13
  auto verdicts = diagnose(input);
  const auto glibc = std::ranges::find(verdicts, std::string("host C library"), &Verdict::topic);
  REQUIRE(glibc != verdicts.end());
  CHECK(glibc->status == Verdict::Status::fails);
  CHECK(glibc->summary == "CUDA 12.8's headers do not compile against glibc 2.41: it needs CUDA 13.0 or newer");
  CHECK_FALSE(all_work(verdicts));
  input.host_glibc = Version{2, 36};  // Debian 12
  verdicts = diagnose(input);
  CHECK(std::ranges::find(verdicts, std::string("host C library"), &Verdict::topic)->status == Verdict::Status::ok);
  input = machine(Version{13, 0}, Version{13, 0});
  input.host_glibc = Version{2, 42};
  verdicts = diagnose(input);
  CHECK(std::ranges::find(verdicts, std::string("host C library"), &Verdict::topic)->status == Verdict::Status::ok);
}

TEST_CASE("each GPU against the architectures the build selects") {
  auto input = machine({13, 0}, Version{13, 0}, "580.95.05");
  add_gpu(input, 0, {8, 6}, "NVIDIA GeForce RTX 3080");
  add_gpu(input, 1, {9, 0}, "NVIDIA H100");
  add_gpu(input, 2, {12, 0}, "NVIDIA RTX 5090");
  input.architectures = images_from_architectures("80-real;90");
  const auto verdicts = diagnose(input);
  CHECK(find(verdicts, "GPU 0").summary == "runs: SASS sm_80");
  CHECK(find(verdicts, "GPU 1").summary == "runs: SASS sm_90");
  const auto jit = find(verdicts, "GPU 2");
  CHECK(jit.status == Status::ok);
  CHECK(jit.summary == "runs: JIT from compute_90");
  CHECK_THAT(jit.reason, ContainsSubstring("first launch"));
  CHECK(all_work(verdicts));

  SECTION("a GPU without code fails and names the capability to add") {
    input.architectures = images_from_architectures("86-real");
    const auto v = find(diagnose(input), "GPU 1");
    CHECK(v.status == Status::fails);
    CHECK_THAT(v.fix, ContainsSubstring("add 9.0"));
  }
  SECTION("PTX from a newer toolkit does not JIT on an older driver") {
    input = machine({13, 0}, Version{12, 9}, "575.57.08");
    add_gpu(input, 0, {12, 0}, "NVIDIA RTX 5090");
    input.architectures = images_from_architectures("90");
    const auto v = find(diagnose(input), "GPU 0");
    CHECK(v.status == Status::fails);
    CHECK_THAT(v.reason, ContainsSubstring("PTX ISA 9.0, which needs a driver for CUDA 13.0"));
  }
  SECTION("without --architectures the GPUs are not judged") {
    input.architectures.reset();
    CHECK(find(diagnose(input), "GPUs vs architectures").status == Status::skipped);
  }
}

TEST_CASE("doctor output formats") {
  auto input = machine({13, 0}, Version{12, 9}, "575.57.08");
  const auto verdicts = diagnose(input);
  const auto text = verdicts_to_text(verdicts);
  CHECK_THAT(text, ContainsSubstring("[FAILS]   toolkit vs driver"));
  CHECK_THAT(text, ContainsSubstring("fix: install driver 580.65.06"));
  const auto json = verdicts_to_json(verdicts);
  CHECK(json["ok"] == false);
  CHECK(json["verdicts"][0]["status"] == "fails");
  const auto cmake = verdicts_to_cmake(verdicts);
  CHECK_THAT(cmake, ContainsSubstring("set(CUDAENV_DOCTOR_OK FALSE)"));
  CHECK_THAT(cmake, ContainsSubstring("list(APPEND CUDAENV_DOCTOR_PROBLEMS [==[toolkit vs driver:"));
}
