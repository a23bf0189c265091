#include "cudaenv/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <thread>

extern char** environ;

namespace cudaenv {
namespace {

using Clock = std::chrono::steady_clock;

// Both ends closed when it goes out of scope; not copyable, so never twice.
struct Pipe {
  int read = -1, write = -1;
  Pipe() = default;
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe() {
    if (read >= 0) close(read);
    if (write >= 0) close(write);
  }
};

bool make_pipe(Pipe& pipe) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return false;
  pipe.read = fds[0];
  pipe.write = fds[1];
  return true;
}

// Reaps the child if it is gone; true once it has been reaped.
bool try_reap(pid_t pid, ProcessResult& result) {
  int status = 0;
  const pid_t got = waitpid(pid, &status, WNOHANG);
  if (got != pid) return false;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return true;
}

}  // namespace

std::string self_executable() {
  std::array<char, PATH_MAX> buffer{};
  const ssize_t n = readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  return n > 0 ? std::string(buffer.data(), static_cast<std::size_t>(n)) : std::string();
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  if (argv.empty()) {
    result.error = "no program given";
    return result;
  }
  Pipe out, err;
  if (!make_pipe(out) || !make_pipe(err)) {
    result.error = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) {
    result.error = std::strerror(rc);
    return result;
  }
  result.started = true;
  close(out.write);
  out.write = -1;
  close(err.write);
  err.write = -1;

  const auto deadline = Clock::now() + options.timeout;
  std::array<pollfd, 2> fds{{{out.read, POLLIN, 0}, {err.read, POLLIN, 0}}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  int open_streams = 2;
  std::array<char, 65536> buffer{};
  while (open_streams > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    const int ready = poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), INT_MAX)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        const auto room = options.output_limit - std::min(options.output_limit, sinks[i]->size());
        sinks[i]->append(buffer.data(), std::min(static_cast<std::size_t>(n), room));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;  // poll ignores negative descriptors
        --open_streams;
      }
    }
  }

  if (!result.timed_out) {
    // Output closed; the exit status follows at once unless the child hangs
    // on after closing its streams.
    while (!try_reap(pid, result)) {
      if (Clock::now() >= deadline) {
        result.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  if (result.timed_out) {
    kill(-pid, SIGKILL);
    // A child stuck in the kernel (D state) cannot die; give it a moment,
    // then abandon it rather than hang with it.
    const auto grace = Clock::now() + std::chrono::milliseconds(500);
    while (!try_reap(pid, result) && Clock::now() < grace) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    result.exit_code = -1;
  }
  // glibc reports a failed exec through posix_spawn's return value, but not
  // where vfork is emulated (qemu-user): there the child exits 127 silently.
  if (!result.timed_out && result.signal == 0 && result.exit_code == 127 && result.out.empty() &&
      result.err.empty()) {
    result.started = false;
    result.error =
        "it exited with code 127 before writing anything: the program could not be executed (under "
        "user-mode emulation without binfmt_misc, an emulated program cannot start another emulated one)";
  }
  return result;
}

}  // namespace cudaenv
