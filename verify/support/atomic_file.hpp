// Reports are written whole or not at all: the text goes to a temporary file beside the
// target, which is renamed over it only once every byte has been written and flushed. An
// interruption (SIGINT, SIGTERM) while temporaries exist removes them before the process
// ends, once interrupt_cleanup() has installed the handler: a killed run leaves the old
// reports, never a half-written one and no stray temporaries. Process plumbing (a signal
// handler), so it lives beside the executables, not in the installed library.
#pragma once

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer::app {

namespace atomic_detail {

// The temporaries being written, for the signal handler: fixed buffers, no allocation.
inline std::array<std::array<char, 4096>, 64> pending_paths{};
inline std::atomic<int> pending_count{0};

inline void remove_pending_and_exit(int signal)
{
  const int n = pending_count.load();
  for (int i = 0; i < n && i < static_cast<int>(pending_paths.size()); ++i)
    unlink(pending_paths[static_cast<std::size_t>(i)].data());
  _exit(128 + signal);
}

}  // namespace atomic_detail

/// Installs the SIGINT/SIGTERM handler that removes the temporaries of an unfinished
/// write_files_atomically and ends the process with status 128 + signal.
inline void interrupt_cleanup()
{
  std::signal(SIGINT, atomic_detail::remove_pending_and_exit);
  std::signal(SIGTERM, atomic_detail::remove_pending_and_exit);
}

/// Writes every (path, text) pair; no target is replaced unless all temporaries were
/// written, and on failure the temporaries are removed.
inline void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files)
{
  std::vector<std::filesystem::path> temporaries;
  auto clean_up = [&] {
    std::error_code ignored;
    for (const auto& t : temporaries)
      std::filesystem::remove(t, ignored);
    atomic_detail::pending_count = 0;
  };
  for (const auto& [path, text] : files) {
    auto temporary = path;
    temporary += ".tmp";
    temporaries.push_back(temporary);
    const int slot = atomic_detail::pending_count.load();
    const std::string name = temporary.string();
    if (slot < static_cast<int>(atomic_detail::pending_paths.size()) && name.size() < 4095) {
      auto& buffer = atomic_detail::pending_paths[static_cast<std::size_t>(slot)];
      std::memcpy(buffer.data(), name.c_str(), name.size() + 1);
      atomic_detail::pending_count = slot + 1;
    }
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      clean_up();
      throw std::runtime_error("cannot write " + temporary.string());
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code error;
    std::filesystem::rename(temporaries[i], files[i].first, error);
    if (error) {
      clean_up();
      throw std::runtime_error("cannot rename " + temporaries[i].string() + " to " +
                               files[i].first.string() + ": " + error.message());
    }
  }
  atomic_detail::pending_count = 0;
}

}  // namespace twolayer::app
