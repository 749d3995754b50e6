// Unit directions drawn as a standalone SVG: in the plane on the unit circle, in space on
// the unit sphere seen from a fixed oblique viewpoint (orthographic; directions on the far
// side drawn hollow). Plain geometry of points, no model knowledge; fixed-precision
// coordinates, so the same directions always give the same bytes.
#pragma once

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace twolayer::report {

struct direction_plot {
  std::string title;
  std::vector<std::vector<double>> directions;  // each of size 2 or 3, unit length
  std::vector<std::string> labels;              // optional, one per direction
};

inline std::string to_svg(const direction_plot& plot)
{
  constexpr double size = 420, centre = 210, radius = 160;
  auto fixed = [](double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return std::string(buffer);
  };
  // oblique view for 3-D: screen axes e_x, e_y and the viewing direction (towards the viewer)
  const double yaw = 0.6, pitch = 0.45;
  const double ex[3] = {std::cos(yaw), std::sin(yaw), 0};
  const double ey[3] = {-std::sin(yaw) * std::sin(pitch), std::cos(yaw) * std::sin(pitch), std::cos(pitch)};
  const double ez[3] = {std::sin(yaw) * std::cos(pitch), -std::cos(yaw) * std::cos(pitch), std::sin(pitch)};
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << size << "\" height=\"" << size + 30
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  out << "<text x=\"" << fixed(centre) << "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">" << plot.title
      << "</text>\n";
  const double top = 30;
  out << "<circle cx=\"" << fixed(centre) << "\" cy=\"" << fixed(top + centre) << "\" r=\"" << fixed(radius)
      << "\" fill=\"none\" stroke=\"#999999\"/>\n";
  const bool space = !plot.directions.empty() && plot.directions.front().size() == 3;
  if (space) {  // the equator, as seen from the viewpoint
    std::string points;
    for (int k = 0; k <= 120; ++k) {
      const double a = 2 * std::acos(-1.0) * k / 120, v[3] = {std::cos(a), std::sin(a), 0};
      const double sx = v[0] * ex[0] + v[1] * ex[1] + v[2] * ex[2];
      const double sy = v[0] * ey[0] + v[1] * ey[1] + v[2] * ey[2];
      if (k)
        points += ' ';
      points += fixed(centre + radius * sx);
      points += ',';
      points += fixed(top + centre - radius * sy);
    }
    out << "<polyline fill=\"none\" stroke=\"#cccccc\" stroke-dasharray=\"4,3\" points=\"" << points << "\"/>\n";
  }
  for (std::size_t i = 0; i < plot.directions.size(); ++i) {
    const auto& u = plot.directions[i];
    double sx = u[0], sy = u[1], depth = 1;
    if (space) {
      sx = u[0] * ex[0] + u[1] * ex[1] + u[2] * ex[2];
      sy = u[0] * ey[0] + u[1] * ey[1] + u[2] * ey[2];
      depth = u[0] * ez[0] + u[1] * ez[1] + u[2] * ez[2];
    }
    const double x = centre + radius * sx, y = top + centre - radius * sy;
    out << "<line x1=\"" << fixed(centre) << "\" y1=\"" << fixed(top + centre) << "\" x2=\"" << fixed(x)
        << "\" y2=\"" << fixed(y) << "\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n";
    out << "<circle cx=\"" << fixed(x) << "\" cy=\"" << fixed(y) << "\" r=\"5\" stroke=\"#1f77b4\" fill=\""
        << (depth >= 0 ? "#1f77b4" : "white") << "\"/>\n";
    if (i < plot.labels.size())
      out << "<text x=\"" << fixed(x + 8) << "\" y=\"" << fixed(y - 6) << "\">" << plot.labels[i] << "</text>\n";
  }
  out << "</svg>\n";
  return out.str();
}

}  // namespace twolayer::report
