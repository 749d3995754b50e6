// Reports are written whole or not at all: the text goes to a temporary file beside the
// target, which is renamed over it only once every byte has been written and flushed.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer::report {

/// Writes every (path, text) pair; no target is replaced unless all temporaries were
/// written, and on failure the temporaries are removed.
inline void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files)
{
  std::vector<std::filesystem::path> temporaries;
  auto clean_up = [&] {
    std::error_code ignored;
    for (const auto& t : temporaries)
      std::filesystem::remove(t, ignored);
  };
  for (const auto& [path, text] : files) {
    auto temporary = path;
    temporary += ".tmp";
    temporaries.push_back(temporary);
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
}

}  // namespace twolayer::report
