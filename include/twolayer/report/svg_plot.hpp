// A log-log line plot as a standalone SVG file: one polyline (with markers) per series,
// decade grid lines, axis labels and a legend. Coordinates are printed with fixed
// precision, so the same data always give the same bytes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace twolayer::report {

struct plot_series {
  std::string label;
  std::string colour;  // any SVG colour, e.g. "#1f77b4"
  std::string dash;    // SVG stroke-dasharray, empty for solid
  std::vector<std::pair<double, double>> points;  // (x, y), both > 0
};

struct loglog_plot {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<plot_series> series;
};

namespace detail {

inline std::string fixed(double v)
{
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

inline std::string xml_escape(const std::string& s)
{
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

}  // namespace detail

inline std::string to_svg(const loglog_plot& plot)
{
  constexpr double width = 760, height = 520;
  constexpr double left = 80, right = 230, top = 50, bottom = 60;  // margins; legend on the right
  double x_min = INFINITY, x_max = -INFINITY, y_min = INFINITY, y_max = -INFINITY;
  for (const auto& s : plot.series)
    for (const auto& [x, y] : s.points)
      if (x > 0 && y > 0) {
        x_min = std::min(x_min, std::log10(x));
        x_max = std::max(x_max, std::log10(x));
        y_min = std::min(y_min, std::log10(y));
        y_max = std::max(y_max, std::log10(y));
      }
  if (!(x_min <= x_max)) {  // no data: an empty frame
    x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  }
  // whole decades around the data
  x_min = std::floor(x_min), x_max = std::max(std::ceil(x_max), x_min + 1);
  y_min = std::floor(y_min), y_max = std::max(std::ceil(y_max), y_min + 1);
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  auto px = [&](double lx) { return left + (lx - x_min) / (x_max - x_min) * plot_w; };
  auto py = [&](double ly) { return top + (y_max - ly) / (y_max - y_min) * plot_h; };
  using detail::fixed;

  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  out << "<text x=\"" << fixed(left + plot_w / 2) << "\" y=\"28\" text-anchor=\"middle\" font-size=\"15\">"
      << detail::xml_escape(plot.title) << "</text>\n";
  for (double e = x_min; e <= x_max + 0.5; e += 1) {
    out << "<line x1=\"" << fixed(px(e)) << "\" y1=\"" << fixed(top) << "\" x2=\"" << fixed(px(e)) << "\" y2=\""
        << fixed(top + plot_h) << "\" stroke=\"#dddddd\"/>\n";
    out << "<text x=\"" << fixed(px(e)) << "\" y=\"" << fixed(top + plot_h + 18)
        << "\" text-anchor=\"middle\">1e" << static_cast<int>(e) << "</text>\n";
  }
  for (double e = y_min; e <= y_max + 0.5; e += 1) {
    out << "<line x1=\"" << fixed(left) << "\" y1=\"" << fixed(py(e)) << "\" x2=\"" << fixed(left + plot_w)
        << "\" y2=\"" << fixed(py(e)) << "\" stroke=\"#dddddd\"/>\n";
    out << "<text x=\"" << fixed(left - 8) << "\" y=\"" << fixed(py(e) + 4) << "\" text-anchor=\"end\">1e"
        << static_cast<int>(e) << "</text>\n";
  }
  out << "<rect x=\"" << fixed(left) << "\" y=\"" << fixed(top) << "\" width=\"" << fixed(plot_w)
      << "\" height=\"" << fixed(plot_h) << "\" fill=\"none\" stroke=\"black\"/>\n";
  out << "<text x=\"" << fixed(left + plot_w / 2) << "\" y=\"" << fixed(height - 18)
      << "\" text-anchor=\"middle\">" << detail::xml_escape(plot.x_label) << "</text>\n";
  out << "<text transform=\"translate(20," << fixed(top + plot_h / 2)
      << ") rotate(-90)\" text-anchor=\"middle\">" << detail::xml_escape(plot.y_label) << "</text>\n";
  for (std::size_t i = 0; i < plot.series.size(); ++i) {
    const auto& s = plot.series[i];
    const std::string dash = s.dash.empty() ? "" : " stroke-dasharray=\"" + s.dash + "\"";
    out << "<polyline fill=\"none\" stroke=\"" << s.colour << "\" stroke-width=\"1.5\"" << dash << " points=\"";
    bool first = true;
    for (const auto& [x, y] : s.points)
      if (x > 0 && y > 0) {
        out << (first ? "" : " ") << fixed(px(std::log10(x))) << "," << fixed(py(std::log10(y)));
        first = false;
      }
    out << "\"/>\n";
    for (const auto& [x, y] : s.points)
      if (x > 0 && y > 0)
        out << "<circle cx=\"" << fixed(px(std::log10(x))) << "\" cy=\"" << fixed(py(std::log10(y)))
            << "\" r=\"2.5\" fill=\"" << s.colour << "\"/>\n";
    const double ly = top + 8 + 16 * double(i);
    out << "<line x1=\"" << fixed(width - right + 15) << "\" y1=\"" << fixed(ly) << "\" x2=\""
        << fixed(width - right + 45) << "\" y2=\"" << fixed(ly) << "\" stroke=\"" << s.colour
        << "\" stroke-width=\"1.5\"" << dash << "/>\n";
    out << "<text x=\"" << fixed(width - right + 52) << "\" y=\"" << fixed(ly + 4) << "\">"
        << detail::xml_escape(s.label) << "</text>\n";
  }
  out << "</svg>\n";
  return out.str();
}

}  // namespace twolayer::report
