// Output shapes of `cudaenv detect`, parsing of tool output, and settings
// from the environment.
#include <map>
#include <stdexcept>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include "cudaenv/cmake_text.hpp"
#include "cudaenv/detection.hpp"
#include "cudaenv/driver_probe.hpp"
#include "cudaenv/subprocess.hpp"
#include "cudaenv/toolkit_probe.hpp"

using namespace cudaenv;
using Catch::Matchers::ContainsSubstring;

namespace {

Detection two_gpus() {
  Detection d;
  d.driver.found = true;
  d.driver.version = "580.95.05";
  d.driver.cuda_version = Version{13, 0};
  d.driver.source = "libcuda";
  d.gpus.push_back({0, "NVIDIA H100", {9, 0}, 85520809984ULL, "GPU-1", false, false});
  d.gpus.push_back({1, "NVIDIA GeForce RTX 3080; OC", {8, 6}, 0, "", false, false});
  d.toolkit.found = true;
  d.toolkit.version = Version{13, 0};
  d.toolkit.full_version = "13.0.88";
  d.toolkit.supported = {{7, 5}, {8, 0}};
  return d;
}

EnvironmentLookup fake_env(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

TEST_CASE("detect JSON has the documented fields") {
  const auto json = to_json(two_gpus());
  CHECK(json["driver"]["found"] == true);
  CHECK(json["driver"]["version"] == "580.95.05");
  CHECK(json["driver"]["cuda_version"] == "13.0");
  CHECK(json["driver"]["error"].is_null());
  CHECK(json["gpus"][0]["name"] == "NVIDIA H100");
  CHECK(json["gpus"][0]["capability"] == "9.0");
  CHECK(json["toolkit"]["version"] == "13.0");
  CHECK(json["toolkit"]["supported"] == nlohmann::json::array({"7.5", "8.0"}));
  // conda/pixi: __cuda is the driver's CUDA, __cuda_arch the lowest GPU (CEP 46).
  CHECK(json["conda"]["__cuda"] == "13.0");
  CHECK(json["conda"]["__cuda_arch"] == "8.6");
}

TEST_CASE("no driver means no __cuda and no __cuda_arch") {
  Detection d;
  d.driver.error = "no usable driver: x";
  const auto json = to_json(d);
  CHECK(json["driver"]["found"] == false);
  CHECK(json["driver"]["cuda_version"].is_null());
  CHECK(json["driver"]["error"] == "no usable driver: x");
  CHECK(json["conda"]["__cuda"].is_null());
  CHECK(json["conda"]["__cuda_arch"].is_null());
}

TEST_CASE("detect's CMake output sets plain lists") {
  const auto cmake = to_cmake(two_gpus());
  CHECK_THAT(cmake, ContainsSubstring("set(CUDAENV_DRIVER_FOUND [==[TRUE]==])"));
  CHECK_THAT(cmake, ContainsSubstring("set(CUDAENV_GPU_CAPABILITIES [==[9.0;8.6]==])"));
  // A ';' in a name must not split the list.
  CHECK_THAT(cmake, ContainsSubstring("set(CUDAENV_GPU_NAMES [==[NVIDIA H100;NVIDIA GeForce RTX 3080, OC]==])"));
}

TEST_CASE("detect's text is for people") {
  const auto text = to_text(two_gpus());
  CHECK_THAT(text, ContainsSubstring("Driver:   580.95.05, supports CUDA 13.0 (from libcuda)"));
  CHECK_THAT(text, ContainsSubstring("79.6 GiB"));
  CHECK_THAT(text, ContainsSubstring("conda:    __cuda=13.0  __cuda_arch=8.6"));
}

TEST_CASE("nvcc and compiler outputs parse") {
  CHECK(parse_nvcc_release("Cuda compilation tools, release 13.0, V13.0.88\nBuild cuda_13.0") == "13.0.88");
  CHECK_FALSE(parse_nvcc_release("nvcc: command not found"));
  CHECK(parse_gpu_code_list("sm_75\nsm_80\nsm_110\nsm_103\n") ==
        std::vector<Version>{{7, 5}, {8, 0}, {10, 3}, {11, 0}});
  CHECK(parse_compiler_version("g++ (Debian 12.2.0-14+deb12u1) 12.2.0\n") == std::pair{std::string("gcc"), 12});
  CHECK(parse_compiler_version("aarch64-linux-gnu-g++ (Debian 12.2.0-14) 12.2.0") == std::pair{std::string("gcc"), 12});
  CHECK(parse_compiler_version("g++-13 (Ubuntu 13.1.0-8ubuntu1) 13.1.0") == std::pair{std::string("gcc"), 13});
  CHECK(parse_compiler_version("Debian clang version 14.0.6\nTarget: x86_64") == std::pair{std::string("clang"), 14});
  CHECK_FALSE(parse_compiler_version("icpx (R) 2024"));
}

TEST_CASE("probe settings come from the environment, validated") {
  auto settings = ProbeSettings::from_environment(fake_env({}));
  CHECK(settings.timeout == std::chrono::seconds(10));
  CHECK_FALSE(settings.override_cuda);

  settings = ProbeSettings::from_environment(fake_env({{"CUDAENV_DETECT_TIMEOUT", "2.5"}}));
  CHECK(settings.timeout == std::chrono::milliseconds(2500));
  CHECK_THROWS_WITH(ProbeSettings::from_environment(fake_env({{"CUDAENV_DETECT_TIMEOUT", "soon"}})),
                    ContainsSubstring("CUDAENV_DETECT_TIMEOUT='soon' is not a time limit"));
  CHECK_THROWS_AS(ProbeSettings::from_environment(fake_env({{"CUDAENV_DETECT_TIMEOUT", "-1"}})),
                  std::invalid_argument);

  // CUDAENV_OVERRIDE_CUDA wins over CONDA_OVERRIDE_CUDA; empty means "no CUDA".
  settings = ProbeSettings::from_environment(
      fake_env({{"CUDAENV_OVERRIDE_CUDA", "12.4"}, {"CONDA_OVERRIDE_CUDA", "11.8"}}));
  CHECK(settings.override_cuda == "12.4");
  CHECK(settings.override_source == "CUDAENV_OVERRIDE_CUDA");
  settings = ProbeSettings::from_environment(fake_env({{"CONDA_OVERRIDE_CUDA", ""}}));
  CHECK(settings.override_cuda == "");
  CHECK(settings.override_source == "CONDA_OVERRIDE_CUDA");
  CHECK_THROWS_WITH(ProbeSettings::from_environment(fake_env({{"CUDAENV_OVERRIDE_CUDA", "twelve"}})),
                    ContainsSubstring("CUDAENV_OVERRIDE_CUDA='twelve' is not a CUDA version"));
}

TEST_CASE("overrides replace the driver probe") {
  Detection d;
  ProbeSettings settings;
  settings.override_cuda = "12.4";
  settings.override_source = "CUDAENV_OVERRIDE_CUDA";
  detect_driver(d, settings);
  CHECK(d.driver.found);
  CHECK(d.driver.cuda_version == Version{12, 4});
  CHECK_FALSE(d.gpus_probed);

  Detection none;
  settings.override_cuda = "";
  detect_driver(none, settings);
  CHECK_FALSE(none.driver.found);
  CHECK_THAT(none.driver.error, ContainsSubstring("is set and empty, which means \"no CUDA\""));
}

TEST_CASE("a child that outlives its time limit is killed") {
  ProcessOptions options;
  options.timeout = std::chrono::milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  const auto result = run_process({"sleep", "30"}, options);
  CHECK(result.started);
  CHECK(result.timed_out);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  const auto echo = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
  CHECK(echo.exit_code == 3);
  CHECK(echo.out == "out\n");
  CHECK(echo.err == "err\n");
  CHECK_FALSE(run_process({"/nonexistent/program"}).started);
}

TEST_CASE("a silent exit 127 reads as a program that could not start") {
  // What a failed exec looks like where vfork is emulated (qemu-user).
  const auto silent = run_process({"sh", "-c", "exit 127"});
  CHECK_FALSE(silent.started);
  CHECK_THAT(silent.error, ContainsSubstring("could not be executed"));
  const auto talking = run_process({"sh", "-c", "echo not found >&2; exit 127"});
  CHECK(talking.started);
  CHECK(talking.exit_code == 127);
}

TEST_CASE("error codes read as what they mean for detection") {
  CHECK_THAT(describe_cuda_error(34), ContainsSubstring("stub"));
  CHECK_THAT(describe_cuda_error(100), ContainsSubstring("CUDA_ERROR_NO_DEVICE"));
  CHECK_THAT(describe_cuda_error(4242), ContainsSubstring("4242"));
}

TEST_CASE("JSON output survives names that are not UTF-8") {
  auto d = two_gpus();
  d.gpus[0].name = "bad \xff\xfe name";
  const auto text = json_text(to_json(d));
  CHECK_THAT(text, ContainsSubstring("bad \xef\xbf\xbd\xef\xbf\xbd name"));  // U+FFFD twice
}

TEST_CASE("a saved detection reads back as it was written") {
  const auto original = two_gpus();
  const auto saved = to_json(original);
  CHECK(to_json(detection_from_json(saved)) == saved);
  Detection none;
  none.driver.error = "no usable driver: libcuda.so.1 was not found";
  CHECK(to_json(detection_from_json(to_json(none))) == to_json(none));
}

TEST_CASE("a damaged saved detection is refused, naming the field") {
  auto saved = to_json(two_gpus());
  saved["driver"].erase("found");
  CHECK_THROWS_WITH(detection_from_json(saved), ContainsSubstring("has no 'found'"));
  saved = to_json(two_gpus());
  saved["gpus"][0]["capability"] = "eight";
  CHECK_THROWS_WITH(detection_from_json(saved), ContainsSubstring("'capability' is not a version: eight"));
  saved = to_json(two_gpus());
  saved["gpus"] = 3;
  CHECK_THROWS_WITH(detection_from_json(saved), ContainsSubstring("'gpus' is not a list"));
  CHECK_THROWS_WITH(detection_from_json(nlohmann::json::array()), ContainsSubstring("has no 'driver'"));
}

TEST_CASE("CMake text: any GPU name or message survives CMake's quoting") {
  using cudaenv::cmake_bracket;
  using cudaenv::cmake_list_item;
  CHECK(cmake_bracket("NVIDIA H100") == "[==[NVIDIA H100]==]");
  CHECK(cmake_bracket("a ]==] b") == "[===[a ]==] b]===]");
  CHECK(cmake_bracket("]==]]===]") == "[====[]==]]===]]====]");
  CHECK(cmake_list_item("A;B") == "A,B");
}
