// twolayer-compress's reports (the summary, starts, polish and network tables; compression.md,
// .json, .tex, compressed.csv and the .npy arrays), rendered from the outcome of
// study/compression.hpp. Formatting only: every number comes from the library.
#include "compress_report.hpp"

#include "twolayer/io/npy.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace twolayer::app {
namespace {

namespace report = twolayer::report;
using Real = compress_real;

struct rendered {
  report::table summary;
  report::table starts;
  report::table polish;
  report::table network;
};

std::string show(const Real& x, int digits)
{
  return x.str(std::max(std::min(digits, 60), 1), std::ios_base::scientific);
}

std::string show_full(const Real& x, int digits) { return x.str(std::max(digits, 1), std::ios_base::scientific); }

std::string show_double(double x)
{
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

std::string show3(double x)
{
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.3e", x);
  return buffer;
}

rendered render(const compress_run& s, const compression_outcome<compress_real>& r)
{
  rendered out;
  out.summary = {"", {"quantity", "value", "digits_known", "note"}, {}};
  auto row = [&](const std::string& q, const std::string& v, const std::string& digits, const std::string& note) {
    out.summary.add_row({q, v, digits, note});
  };
  const int wp = s.digits;
  row("assumption", "x ~ N(0, I_d)", "", "the loss is the population L2 loss under standard Gaussian inputs");
  row("target", "f(x) = sum_i a_i sigma(<w_i, x>)", "", "as stored: no 1/N factor, no biases");
  row("activation", s.activation_name + (s.slope_text.empty() ? "" : " (slope " + s.slope_text + ")"), "", "");
  row("N", std::to_string(r.N), "", "target width");
  row("d", std::to_string(r.d), "", "input dimension");
  row("M", std::to_string(r.M), "", "compressed width");
  row("E[f^2]", show(r.second_moment, r.second_moment_digits), std::to_string(r.second_moment_digits),
      r.second_moment_route);
  row("E[f^2] (double route)", show_double(r.second_moment_double), "",
      std::to_string(r.second_moment_agreement) + " digits agree with the other route");
  row("loss", show(r.loss, r.loss_digits), std::to_string(r.loss_digits),
      "min over (b, V) of E[(f(x) - g(x))^2], g(x) = sum_j b_j sigma(<v_j, x>)");
  row("relative_loss", show(r.relative_loss, r.loss_digits), std::to_string(r.loss_digits), "loss / E[f^2]");
  const auto& best = r.runs[static_cast<std::size_t>(r.best)];
  row("best_start", best.kind + " " + std::to_string(best.index), "",
      "of " + std::to_string(r.runs.size()) + " starts; L-BFGS " + twolayer::to_string(best.run.status) + " after " +
          std::to_string(best.run.iterations) + " iterations");
  int agreeing = 0;
  for (const auto& run : r.runs)
    if (std::abs(run.run.value - best.run.value) <= 1e-9 * std::abs(best.run.value))
      ++agreeing;
  row("starts_at_best", std::to_string(agreeing), "", "starts that reached the best value to 1e-9 (relative)");
  std::string second_order_note =
      r.hessian_eigenvalues.size() ? "Hessian of the reduced loss by dual numbers at " + r.second_order_at + ", " +
                                         std::to_string(r.hessian_eigenvalues.size()) + " tangent directions"
                                   : "not computed: M*d above --hessian-max";
  if (r.negative_loss_curvature)
    second_order_note += "; the search has not reached a minimum: try a longer search (--max-iterations, --restarts)";
  row("second_order", r.second_order, "", second_order_note);
  if (r.hessian_eigenvalues.size()) {
    // The loss is E[f²] − S²Ψ: its curvature is −S² times that of Ψ.
    const double scale = static_cast<double>(r.scale * r.scale);
    row("loss_curvature_min", show3(-scale * r.hessian_eigenvalues.maxCoeff()), "",
        "smallest eigenvalue of the Riemannian Hessian of the loss in the directions (scales eliminated)");
    row("loss_curvature_max", show3(-scale * r.hessian_eigenvalues.minCoeff()), "", "largest eigenvalue");
  }
  if (r.polished) {
    row("polish", std::to_string(r.polish.iterations) + " steps", "",
        std::string(r.polish.converged ? "converged" : "stopped") + ": gradient norm " +
            show(r.polish.gradient_norms.front(), 3) + " -> " + show(r.polish.gradient_norms.back(), 3) +
            " at " + std::to_string(wp) + " digits");
  } else {
    row("polish", "none", "",
        "M*d = " + std::to_string(r.M * r.d) + " above --polish-max " + std::to_string(s.polish_max_Md) +
            ": the optimum is known in double (gradient norm " + show3(r.double_gradient_norm) + " after " +
            std::to_string(r.double_newton_steps) + " Newton steps from L-BFGS's " + show3(best.run.gradient_norm) + ")");
  }
  if (r.etf_distance)
    row("etf_distance", show3(*r.etf_distance), "", "max_{j<k} |<v_j, v_k> + 1/(M-1)| of the unit directions");
  else
    row("etf_distance", "", "", r.M < 2 ? "M = 1" : "no simplex ETF of M vectors in R^d (M > d+1)");
  if (r.prediction) {
    const auto& p = *r.prediction;
    row("scaling_factor", show(p.scaling_factor, wp - 5), std::to_string(wp - 5), "A = sum_i a_i ||w_i||");
    row("simplified_E[F^2]", show(p.second_moment, wp - 5), std::to_string(wp - 5), "A^2 d c_d^2, F(x) = A c_d ||x||");
    row("phi_star", show(p.phi, p.phi_digits), std::to_string(p.phi_digits), p.phi_source);
    row("simplified_loss", show(p.loss, std::min(p.phi_digits, wp - 5)), std::to_string(std::min(p.phi_digits, wp - 5)),
        "A^2 d c_d^2 (1 - 2 pi d c_d^2 phi_star): the mean-field prediction");
    row("simplified_relative_loss", show(p.relative_loss, std::min(p.phi_digits, wp - 5)),
        std::to_string(std::min(p.phi_digits, wp - 5)), "1 - 2 pi d c_d^2 phi_star");
    const int gap_digits = std::min(r.loss_digits, std::min(p.phi_digits, wp - 5));
    row("gap", show(p.gap, std::max(gap_digits, 3)), "", "loss - simplified_loss");
    row("relative_gap", show(p.relative_gap, std::max(gap_digits, 3)), "", "relative_loss - simplified_relative_loss");
  }

  out.starts = {"", {"start", "kind", "index", "status", "psi_normalised", "gradient_norm", "iterations"}, {}};
  for (std::size_t k = 0; k < r.runs.size(); ++k) {
    const auto& run = r.runs[k];
    out.starts.add_row({std::to_string(k), run.kind, std::to_string(run.index), twolayer::to_string(run.run.status),
                        show_double(run.run.value), show3(run.run.gradient_norm), std::to_string(run.run.iterations)});
  }
  out.polish = {"", {"iterate", "gradient_norm", "psi"}, {}};
  if (r.polished)
    for (std::size_t k = 0; k < r.polish.gradient_norms.size(); ++k)
      out.polish.add_row({std::to_string(k), show(r.polish.gradient_norms[k], 3),
                          show_full(r.polish.values[k] * r.scale * r.scale, wp)});
  std::vector<std::string> columns{"j", "b"};
  for (int i = 1; i <= r.d; ++i)
    columns.push_back("v_" + std::to_string(i));
  out.network = {"", columns, {}};
  for (int j = 0; j < r.M; ++j) {
    std::vector<std::string> cells{std::to_string(j), show_full(r.b(j), wp)};
    for (int i = 0; i < r.d; ++i)
      cells.push_back(show_full(r.V(i, j), wp));
    out.network.add_row(cells);
  }
  return out;
}

std::string markdown(const compress_run& s, const rendered& t)
{
  std::ostringstream out;
  out << "# twolayer-compress\n\nCommand: `" << s.command
      << "`\n\nThe population L2 loss under standard Gaussian inputs x ~ N(0, I_d) of the best M-node network "
         "g(x) = sum_j b_j sigma(<v_j, x>) found for the target f(x) = sum_i a_i sigma(<w_i, x>) (docs/mathematics.md "
         "section 2; the network as stored, no 1/N factor, no biases). The search runs in double with the "
         "analytic gradient; where M*d <= --polish-max the optimum is polished at "
      << s.digits
      << " digits. `digits_known` counts the significant digits each number is known to.\n\n## Summary\n\n"
      << report::to_markdown(t.summary) << "\n## Starts\n\n"
      << "`psi_normalised` is the reduced loss of the target scaled by 1/S, S = sum_i |a_i| ||w_i||^h.\n\n"
      << report::to_markdown(t.starts);
  if (!t.polish.rows.empty())
    out << "\n## Polish\n\n" << report::to_markdown(t.polish);
  out << "\n## Compressed network\n\nUnit rows v_j; b_j carries the scale (for a homogeneous sigma only b_j "
         "||v_j||^h is determined). Also in compressed_b.npy (M,), compressed_V.npy (M, d) as float64.\n\n"
      << report::to_markdown(t.network);
  return out.str();
}

std::string json(const compress_run& s, const rendered& t)
{
  std::ostringstream out;
  out << "{\n  \"command\": \"" << s.command << "\",\n  \"summary\": " << report::to_json_rows(t.summary, "    ")
      << ",\n  \"starts\": " << report::to_json_rows(t.starts, "    ") << ",\n  \"polish\": "
      << report::to_json_rows(t.polish, "    ") << ",\n  \"network\": " << report::to_json_rows(t.network, "    ")
      << "\n}\n";
  return out.str();
}

}  // namespace

std::vector<std::pair<std::filesystem::path, std::string>> compress_report_files(
    const compress_run& run, const compression_outcome<compress_real>& outcome, const std::filesystem::path& out)
{
  const rendered tables = render(run, outcome);
  std::vector<double> b(static_cast<std::size_t>(outcome.M));
  std::vector<double> V(static_cast<std::size_t>(outcome.M * outcome.d));
  for (int j = 0; j < outcome.M; ++j) {
    b[static_cast<std::size_t>(j)] = static_cast<double>(outcome.b(j));
    for (int i = 0; i < outcome.d; ++i)
      V[static_cast<std::size_t>(j * outcome.d + i)] = static_cast<double>(outcome.V(i, j));
  }
  const auto M = static_cast<std::size_t>(outcome.M);
  const auto d = static_cast<std::size_t>(outcome.d);
  return {{out / "compressed_b.npy", twolayer::io::npy_bytes({M}, b)},
          {out / "compressed_V.npy", twolayer::io::npy_bytes({M, d}, V)},
          {out / "compressed.csv", report::to_csv(tables.network)},
          {out / "compression.md", markdown(run, tables)},
          {out / "compression.json", json(run, tables)},
          {out / "compression.tex",
           "% " + run.command + "\n\n" + report::to_latex(tables.summary) + "\n" + report::to_latex(tables.network)}};
}

std::string compress_summary(const compress_run& run, const compression_outcome<compress_real>& outcome,
                             report::format format)
{
  const rendered tables = render(run, outcome);
  switch (format) {
  case report::format::markdown: return markdown(run, tables);
  case report::format::csv: return report::to_csv(tables.summary);
  case report::format::json: return json(run, tables);
  case report::format::latex: return report::to_latex(tables.summary);
  }
  return "";
}

}  // namespace twolayer::app
