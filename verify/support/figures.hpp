// Drawing figures: gnuplot run as a child process on the scripts report/gnuplot.hpp writes.
// A figure is a side product: a failure (no gnuplot, a script gnuplot rejects) is reported,
// never thrown past draw_figures, so the result it illustrates is kept. Process plumbing, so
// it lives beside the executables, not in the installed library.
#pragma once

#include "twolayer/report/gnuplot.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace twolayer::app {

/// Runs gnuplot on the script and returns the SVG it prints; an error names what failed.
inline std::string render_svg(const std::string& script)
{
  char script_path[] = "/tmp/twolayer-plot-XXXXXX";
  const int fd = mkstemp(script_path);
  if (fd < 0)
    throw std::runtime_error("cannot create a temporary file for gnuplot");
  close(fd);
  const std::string error_path = std::string(script_path) + ".err";
  {
    std::ofstream out(script_path);
    out << script;
  }
  std::string svg;
  FILE* pipe = popen(("gnuplot " + std::string(script_path) + " 2>" + error_path).c_str(), "r");
  if (pipe) {
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
      svg.append(buffer, n);
  }
  const int status = pipe ? pclose(pipe) : -1;
  std::string errors;
  {
    std::ifstream in(error_path);
    errors.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(script_path);
  std::filesystem::remove(error_path);
  // 127: the shell found no gnuplot; anything else is gnuplot's own complaint about the script
  if (status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
    throw std::runtime_error("gnuplot not found (Debian's gnuplot-nox; tools/install-deps.sh installs it)");
  if (status != 0 || svg.find("<svg") == std::string::npos) {
    std::string message = errors;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    throw std::runtime_error("gnuplot could not draw the figure" + (message.empty() ? std::string() : ": " + message));
  }
  return svg;
}

/// A figure to draw: its file stem and its gnuplot script.
struct figure {
  std::string name;
  std::string script;
};

/// What drawing a list of figures gave: (file name, contents) of every .gp and of every .svg
/// that could be drawn, and one message per figure that could not. A figure is a side
/// product: its failure is reported, never thrown, so the result it illustrates is kept.
struct drawn_figures {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> failures;  // "<name>.svg: <reason>"

  /// The reason `name` was not drawn, or "" when it was.
  std::string failure_of(const std::string& name) const
  {
    for (const auto& f : failures)
      if (f.rfind(name + ".svg: ", 0) == 0)
        return f.substr(name.size() + 6);
    return "";
  }
};

inline drawn_figures draw_figures(const std::vector<figure>& figures)
{
  drawn_figures drawn;
  for (const auto& f : figures) {
    drawn.files.push_back({f.name + ".gp", f.script});
    try {
      drawn.files.push_back({f.name + ".svg", render_svg(f.script)});
    } catch (const std::exception& e) {
      drawn.failures.push_back(f.name + ".svg: " + e.what());
    }
  }
  return drawn;
}

/// The markdown that shows a figure: the image when it was drawn, else why not, naming the
/// script that is kept.
inline std::string markdown_figure(const drawn_figures& drawn, const std::string& name, const std::string& caption)
{
  const std::string failure = drawn.failure_of(name);
  if (!failure.empty())
    return "(Figure `" + name + ".svg` not drawn: " + failure + "; its script `" + name + ".gp` is kept.)\n\n";
  return "![" + caption + "](" + name + ".svg)\n\n";
}

}  // namespace twolayer::app
