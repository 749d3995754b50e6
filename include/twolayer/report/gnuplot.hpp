// Plots through gnuplot (Debian's gnuplot-nox): a plot is described as data, written as a
// self-contained gnuplot script (the data inline, terminal svg), and rendered by running
// gnuplot on it. The script is kept beside the SVG, so a reader can restyle a figure
// without rerunning anything. Same data, same script, same gnuplot: the same bytes (the
// SVG holds no date). Plain drawing, no model knowledge.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace twolayer::report {

struct plot_series {
  std::string label;
  std::vector<std::pair<double, double>> points;  // (x, y)
  std::string style = "linespoints";               // any gnuplot 'with' style
};

struct line_plot {
  std::string title;
  std::string x_label;
  std::string y_label;
  bool log_x = false;
  bool log_y = false;
  std::vector<plot_series> series;
  std::string key = "outside right top";  // legend placement
};

/// Unit directions in the plane (on the unit circle) or in space (on the unit sphere).
struct direction_plot {
  std::string title;
  std::vector<std::vector<double>> directions;  // each of size 2 or 3
};

namespace gnuplot_detail {

inline std::string quoted(const std::string& s)
{
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      q += '\\';
    q += c;
  }
  return q + "\"";
}

inline std::string number(double v)
{
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.9g", v);
  return buffer;
}

inline std::string header(const std::string& title, int width, int height)
{
  return "# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg\n"
         "set terminal svg size " + std::to_string(width) + "," + std::to_string(height) +
         " dynamic noenhanced font \"sans,11\"\nset encoding utf8\nset title " + quoted(title) + "\n";
}

}  // namespace gnuplot_detail

/// Whether a line plot has anything to show.
inline bool has_points(const line_plot& plot)
{
  for (const auto& series : plot.series)
    if (!series.points.empty())
      return true;
  return false;
}

/// The script of a line plot; series without points are left out (gnuplot refuses a plot
/// whose data are all empty: draw only plots with has_points).
inline std::string gnuplot_script(const line_plot& plot)
{
  using namespace gnuplot_detail;
  std::ostringstream s;
  s << header(plot.title, 900, 560);
  s << "set xlabel " << quoted(plot.x_label) << "\nset ylabel " << quoted(plot.y_label) << "\n";
  if (plot.log_x)
    s << "set logscale x\nset format x \"1e%L\"\n";
  if (plot.log_y)
    s << "set logscale y\nset format y \"1e%L\"\n";
  s << "set grid\nset key " << plot.key << " font \",9\"\n";
  std::vector<const plot_series*> shown;
  for (const auto& series : plot.series)
    if (!series.points.empty())
      shown.push_back(&series);
  for (std::size_t k = 0; k < shown.size(); ++k) {
    s << "$series" << k << " << EOD\n";
    for (const auto& [x, y] : shown[k]->points)
      s << number(x) << " " << number(y) << "\n";
    s << "EOD\n";
  }
  s << "plot ";
  for (std::size_t k = 0; k < shown.size(); ++k)
    s << (k ? ", \\\n     " : "") << "$series" << k << " using 1:2 with " << shown[k]->style << " title "
      << quoted(shown[k]->label);
  if (shown.empty())
    s << "NaN notitle";
  s << "\n";
  return s.str();
}

inline std::string gnuplot_script(const direction_plot& plot)
{
  using namespace gnuplot_detail;
  std::ostringstream s;
  s << header(plot.title, 520, 520);
  const bool space = !plot.directions.empty() && plot.directions.front().size() == 3;
  s << "unset key\nset size ratio -1\nset xrange [-1.2:1.2]\nset yrange [-1.2:1.2]\n";
  s << "$directions << EOD\n";
  for (const auto& u : plot.directions) {
    for (std::size_t i = 0; i < u.size(); ++i)
      s << (i ? " " : "") << number(u[i]);
    s << "\n";
  }
  s << "EOD\n";
  if (space) {
    s << "set view equal xyz\nset view 60, 35\nset zrange [-1.2:1.2]\nset xyplane 0\nunset tics\nunset border\n"
         "set parametric\nset isosamples 13, 13\nset urange [0:2*pi]\nset vrange [-pi/2:pi/2]\n"
         "splot cos(u)*cos(v), sin(u)*cos(v), sin(v) with lines lc rgb \"#d0d0d0\", \\\n"
         "      $directions using (0):(0):(0):1:2:3 with vectors head filled lw 2 lc rgb \"#1f77b4\"\n";
  } else {
    s << "set parametric\nset trange [0:2*pi]\nset grid\n"
         "plot cos(t), sin(t) with lines lc rgb \"#a0a0a0\", \\\n"
         "     $directions using (0):(0):1:2 with vectors head filled lw 2 lc rgb \"#1f77b4\"\n";
  }
  return s.str();
}

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

}  // namespace twolayer::report
