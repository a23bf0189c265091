// Runs a program with a time limit and collects its output. The child gets a
// fresh exec (never a bare fork of this process) in its own process group,
// so a timeout kills everything it started.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace cudaenv {

struct ProcessResult {
  bool started = false;    // false: could not exec (see `error`)
  bool timed_out = false;  // killed at the deadline
  int exit_code = -1;      // valid when it exited
  int signal = 0;          // the signal that ended it, if any
  std::string out;         // stdout, at most `output_limit` bytes
  std::string err;         // stderr, likewise
  std::string error;       // why it could not start
};

struct ProcessOptions {
  std::chrono::milliseconds timeout{10'000};
  std::size_t output_limit = 4 << 20;
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// The path of the running executable (for re-executing ourselves).
std::string self_executable();

}  // namespace cudaenv
