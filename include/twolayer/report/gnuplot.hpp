// Plots as gnuplot scripts (Debian's gnuplot-nox): a plot is described as data and written as
// a self-contained gnuplot script (the data inline, terminal svg); running gnuplot on it is
// the application's business (verify/support/figures.hpp), not the library's. The script is kept beside the SVG, so a reader can restyle a figure
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
  std::vector<bool> marked;                     // drawn in a second colour (empty: none)
  std::vector<double> reference;                // a distinguished direction (e.g. a target's mean), or empty
  std::string reference_label;                  // its label at the arrow's tip
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
  auto block = [&](const std::string& name, auto&& rows) {
    s << "$" << name << " << EOD\n";
    for (const std::vector<double>& u : rows) {
      for (std::size_t i = 0; i < u.size(); ++i)
        s << (i ? " " : "") << number(u[i]);
      s << "\n";
    }
    s << "EOD\n";
  };
  // Plain directions in blue, marked ones in orange, the reference in red with its label; a
  // plot without marks or reference gives the script it gave before these existed.
  std::vector<std::vector<double>> plain, marked;
  for (std::size_t j = 0; j < plot.directions.size(); ++j)
    (j < plot.marked.size() && plot.marked[j] ? marked : plain).push_back(plot.directions[j]);
  if (!plain.empty())
    block("directions", plain);
  if (!marked.empty())
    block("marked", marked);
  const bool reference = !plot.reference.empty();
  if (reference) {
    block("reference", std::vector<std::vector<double>>{plot.reference});
    s << "set label 1 " << quoted(plot.reference_label) << " at ";
    for (std::size_t i = 0; i < plot.reference.size(); ++i)
      s << (i ? ", " : "") << number(1.12 * plot.reference[i]);
    s << " center textcolor rgb \"#d62728\" front\n";
  }
  const std::string origin = space ? "(0):(0):(0):1:2:3" : "(0):(0):1:2";
  std::vector<std::string> clauses;
  if (!plain.empty())
    clauses.push_back("$directions using " + origin + " with vectors head filled lw 2 lc rgb \"#1f77b4\"");
  if (!marked.empty())
    clauses.push_back("$marked using " + origin + " with vectors head filled lw 2 lc rgb \"#ff7f0e\"");
  if (reference)
    clauses.push_back("$reference using " + origin + " with vectors head filled lw 2 dt 2 lc rgb \"#d62728\"");
  if (space)
    s << "set view equal xyz\nset view 60, 35\nset zrange [-1.2:1.2]\nset xyplane 0\nunset tics\nunset border\n"
         "set parametric\nset isosamples 13, 13\nset urange [0:2*pi]\nset vrange [-pi/2:pi/2]\n"
         "splot cos(u)*cos(v), sin(u)*cos(v), sin(v) with lines lc rgb \"#d0d0d0\"";
  else
    s << "set parametric\nset trange [0:2*pi]\nset grid\nplot cos(t), sin(t) with lines lc rgb \"#a0a0a0\"";
  for (const auto& clause : clauses)
    s << ", \\\n" << (space ? "      " : "     ") << clause;
  s << "\n";
  return s.str();
}

}  // namespace twolayer::report
