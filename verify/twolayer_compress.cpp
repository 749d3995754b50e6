// twolayer-compress: the best M-node compression of a user's two-layer network under
// Gaussian inputs (docs/mathematics.md §2), with its loss, the second-order test, a high-precision
// polish, and for ReLU the mean-field prediction and the distance from a simplex ETF
// (study/compression.hpp). Reads a and W from .npy or CSV; writes the compressed network
// as .npy and CSV with a Markdown and JSON summary.
#include "cli.hpp"

#include "twolayer/model/activation_registry.hpp"
#include "twolayer/study/compression.hpp"
#include "twolayer/io/network_file.hpp"
#include "twolayer/numeric/scalar.hpp"
#include "support/atomic_file.hpp"
#include "twolayer/report/table.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>
#include <variant>

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;
namespace activation = twolayer::activation;
using Real = twolayer::mpfr_dynamic;

constexpr const char* version = "0.1.0";
constexpr const char* program = "twolayer-compress";

using any_activation = std::variant<activation::relu, activation::leaky_relu<double>, activation::absolute,
                                    activation::linear, activation::step, activation::quadratic>;

struct settings {
  std::filesystem::path a_path, W_path;
  std::optional<std::filesystem::path> out;
  std::string activation_name = "relu";
  std::string slope_text;
  any_activation sigma = activation::relu{};
  int M = 0;
  int digits = 50;
  twolayer::compression_settings compression;
  report::format format = report::format::markdown;
  bool progress = false;
};

settings parse(const cli::parser& p)
{
  settings s;
  if (!p.has("a") || !p.has("W"))
    throw cli::usage_error("--a FILE and --W FILE are required (the network's two weight arrays)");
  if (!p.has("M"))
    throw cli::usage_error("--M is required (the width of the compressed network)");
  s.a_path = p.get("a");
  s.W_path = p.get("W");
  s.M = static_cast<int>(cli::to_integer("M", p.get("M"), 1, 4096));
  s.activation_name = p.get("activation");
  if (p.has("slope") && s.activation_name != "leaky_relu")
    throw cli::usage_error("--slope applies to --activation leaky_relu only");
  double slope = 0;
  if (s.activation_name == "leaky_relu") {
    const auto decimal = cli::to_decimal("slope", p.get("slope"));
    s.slope_text = decimal.text;
    slope = double(decimal.numerator) / double(decimal.denominator);
  }
  // The registry's activations that are positively homogeneous (the scales are eliminated
  // in closed form, docs/mathematics.md §3.1): the ones this pipeline supports.
  std::string supported;
  for (const auto& name : twolayer::activation_names())
    twolayer::visit_activation(name, 0.0, [&](const auto& sigma, const auto&) {
      if (std::decay_t<decltype(sigma)>::homogeneity >= 0)
        supported += (supported.empty() ? "" : ", ") + name;
    });
  try {
    twolayer::visit_activation(s.activation_name, slope, [&](const auto&, const auto& sigma) {
      using A = std::decay_t<decltype(sigma)>;
      if constexpr (A::homogeneity < 0)
        throw cli::usage_error("--activation " + A::name() + " is not supported: " + A::name() +
                               " is not positively homogeneous, so its kernel depends on the norms of the weights "
                               "and the scales cannot be eliminated (supported: " + supported + ")");
      else
        s.sigma = sigma;
    });
  } catch (const std::invalid_argument&) {
    throw cli::usage_error("--activation: unknown activation '" + s.activation_name + "' (" + supported + ")");
  }
  s.digits = static_cast<int>(cli::to_integer("digits", p.get("digits"), 20, 500));
  auto& search = s.compression.search;
  search.M = s.M;
  search.random_starts = static_cast<int>(cli::to_integer("restarts", p.get("restarts"), 0, 1000000));
  search.etf_starts = static_cast<int>(cli::to_integer("etf-starts", p.get("etf-starts"), 0, 1000000));
  search.target_start = !p.has("no-target-start");
  if (search.random_starts + search.etf_starts == 0 && !search.target_start)
    throw cli::usage_error("no starts: give --restarts or --etf-starts above 0, or drop --no-target-start");
  search.seed = static_cast<std::uint64_t>(
      cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  search.lbfgs.max_iterations = static_cast<int>(cli::to_integer("max-iterations", p.get("max-iterations"), 1, 10000000));
  s.compression.polish_max_Md = static_cast<int>(cli::to_integer("polish-max", p.get("polish-max"), 0, 100000));
  s.compression.hessian_max_Md = static_cast<int>(cli::to_integer("hessian-max", p.get("hessian-max"), 0, 100000));
  s.compression.exact_max_N =
      static_cast<std::size_t>(cli::to_integer("exact-max-N", p.get("exact-max-N"), 0, 100000000));
  s.compression.phi_restarts = static_cast<int>(cli::to_integer("phi-restarts", p.get("phi-restarts"), 1, 1000000));
  search.threads = cli::threads_wanted(p);
  s.format = cli::format_wanted(p);
  s.progress = cli::progress_wanted(p);
  if (p.has("out"))
    s.out = std::filesystem::path(p.get("out"));  // created once the input files have been read
  return s;
}

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

/// The command that reproduces the result, with every setting that changes a number.
std::string canonical_command(const settings& s)
{
  const auto& o = s.compression;
  std::string c = std::string(program) + " --a " + s.a_path.string() + " --W " + s.W_path.string() +
                  " --M " + std::to_string(s.M) + " --activation " + s.activation_name;
  if (!s.slope_text.empty())
    c += " --slope " + s.slope_text;
  c += " --restarts " + std::to_string(o.search.random_starts) + " --etf-starts " +
       std::to_string(o.search.etf_starts) + (o.search.target_start ? "" : " --no-target-start") + " --seed " +
       std::to_string(o.search.seed) + " --digits " + std::to_string(s.digits) + " --polish-max " +
       std::to_string(o.polish_max_Md) + " --hessian-max " + std::to_string(o.hessian_max_Md) + " --exact-max-N " + std::to_string(o.exact_max_N) +
       " --max-iterations " + std::to_string(o.search.lbfgs.max_iterations);
  return c;
}

struct rendered {
  report::table summary;
  report::table starts;
  report::table polish;
  report::table network;
};

template <class Outcome>
rendered render(const settings& s, const Outcome& r)
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
        "M*d = " + std::to_string(r.M * r.d) + " above --polish-max " + std::to_string(s.compression.polish_max_Md) +
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

std::string markdown(const settings& s, const rendered& t)
{
  std::ostringstream out;
  out << "# twolayer-compress\n\nCommand: `" << canonical_command(s)
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

std::string json(const settings& s, const rendered& t)
{
  std::ostringstream out;
  out << "{\n  \"command\": \"" << canonical_command(s) << "\",\n  \"summary\": " << report::to_json_rows(t.summary, "    ")
      << ",\n  \"starts\": " << report::to_json_rows(t.starts, "    ") << ",\n  \"polish\": "
      << report::to_json_rows(t.polish, "    ") << ",\n  \"network\": " << report::to_json_rows(t.network, "    ")
      << "\n}\n";
  return out.str();
}

template <class Sigma>
int run(const settings& s, const twolayer::io::network& net, const Sigma& sigma)
{
  const auto start = std::chrono::steady_clock::now();
  auto log = [&](const std::string& line) {
    if (s.progress)
      std::cerr << "[" << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count()
                << " s] " << line << std::endl;
  };
  auto options = s.compression;
  options.stage = log;
  std::size_t last = 0;
  options.search.progress = [&](std::size_t done, std::size_t total) {
    if (s.progress && (done == total || done * 10 / total != last * 10 / total))
      log("starts finished: " + std::to_string(done) + " of " + std::to_string(total));
    last = done;
  };
  const auto outcome = twolayer::compress_network<Real>(net.a, net.W, sigma, options);
  const rendered tables = render(s, outcome);
  if (s.out) {
    std::vector<double> b(static_cast<std::size_t>(outcome.M));
    std::vector<double> V(static_cast<std::size_t>(outcome.M * outcome.d));
    for (int j = 0; j < outcome.M; ++j) {
      b[static_cast<std::size_t>(j)] = static_cast<double>(outcome.b(j));
      for (int i = 0; i < outcome.d; ++i)
        V[static_cast<std::size_t>(j * outcome.d + i)] = static_cast<double>(outcome.V(i, j));
    }
    const auto M = static_cast<std::size_t>(outcome.M);
    const auto d = static_cast<std::size_t>(outcome.d);
    app::write_files_atomically({{*s.out / "compressed_b.npy", twolayer::io::npy_bytes({M}, b)},
                                    {*s.out / "compressed_V.npy", twolayer::io::npy_bytes({M, d}, V)},
                                    {*s.out / "compressed.csv", report::to_csv(tables.network)},
                                    {*s.out / "compression.md", markdown(s, tables)},
                                    {*s.out / "compression.json", json(s, tables)},
                                    {*s.out / "compression.tex", "% " + canonical_command(s) + "\n\n" +
                                                                     report::to_latex(tables.summary) + "\n" +
                                                                     report::to_latex(tables.network)}});
    log("wrote " + (*s.out / "compression.md").string());
  }
  switch (s.format) {
  case report::format::markdown: std::cout << markdown(s, tables); break;
  case report::format::csv: std::cout << report::to_csv(tables.summary); break;
  case report::format::json: std::cout << json(s, tables); break;
  case report::format::latex: std::cout << report::to_latex(tables.summary); break;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(
      program,
      "The best M-node compression g(x) = sum_j b_j sigma(<v_j, x>) of a two-layer network\n"
      "f(x) = sum_i a_i sigma(<w_i, x>) (as stored: no 1/N factor; no biases) under the population\n"
      "L2 loss with standard Gaussian inputs x ~ N(0, I_d) (docs/mathematics.md section 2). a: .npy or CSV of\n"
      "shape (N,), (N, 1) or (1, N); W: shape (N, d); .npy float64/float32, C or Fortran order,\n"
      "little-endian. Multi-start search in double with the analytic gradient, second-order test and\n"
      "polish at --digits where M*d <= --polish-max; for relu the mean-field prediction and the\n"
      "distance from a simplex ETF. Summary on stdout; with --out also compressed_b.npy,\n"
      "compressed_V.npy, compressed.csv, compression.md, compression.json, compression.tex.\n"
      "Exit status: 0 done, 1 failed, 2 usage error or unusable input file.",
      {{"a", "FILE", "", "second-layer weights a (.npy or CSV)"},
       {"W", "FILE", "", "first-layer weights W, one row per neuron (.npy or CSV)"},
       {"M", "M", "", "width of the compressed network"},
       {"activation", "NAME", "relu", "relu, leaky_relu, abs, linear, step, quadratic"},
       {"slope", "S", "0.01", "negative-side slope of leaky_relu"},
       {"restarts", "K", "16", "random starts of the search"},
       {"etf-starts", "K", "4", "randomly oriented simplex-ETF starts (M <= d+1)"},
       {"no-target-start", "", "", "do not start from the M largest target neurons"},
       {"seed", "S", "1", "base seed of the starts"},
       {"max-iterations", "K", "5000", "L-BFGS iteration cap per start"},
       {"digits", "N", "50", "working precision of the polish (20 to 500)"},
       {"polish-max", "K", "256", "polish at --digits where M*d <= K"},
       {"hessian-max", "K", "2048", "second-order test and Newton in double where M*d <= K"},
       {"exact-max-N", "N", "2000", "E[f^2] in the working precision up to this N (O(N^2))"},
       {"phi-restarts", "K", "200", "relu, M > d+1: restarts of the search for the simplified optimum"},
       {"out", "DIR", "", "write the compressed network and the reports here (created if missing)"},
       {"format", "md|csv|json|tex", "md", "format of the summary on stdout"},
       {"threads", "T", "all cores", "worker threads (results do not depend on it)"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, program, version, parse, [&](const settings& s) {
    // The input: every fault here is a twolayer::io::input_error (exit status 2).
    twolayer::io::network net;
    net = twolayer::io::read_network(s.a_path, s.W_path);
    const long long N = net.a.size();
    const long long d = net.W.rows();
    if (s.M > N)
      throw twolayer::io::input_error("M = " + std::to_string(s.M) + " exceeds the target's N = " + std::to_string(N) +
                                      ": the target itself is an exact compression");
    // Resource bounds: E[f²] needs N(N+1)/2 kernel evaluations (about 10 ns each in double).
    const double pairs = 0.5 * static_cast<double>(N) * static_cast<double>(N + 1);
    const double seconds = pairs * 1e-8 / s.compression.search.threads;
    if (seconds > 4 * 3600.0)
      throw twolayer::io::input_error("N = " + std::to_string(N) + " needs " + show3(pairs) +
                                      " kernel evaluations for E[f^2], about " + std::to_string(int(seconds / 3600)) +
                                      " hours on " + std::to_string(s.compression.search.threads) +
                                      " threads: refused (the bound is 4 hours)");
    const double bytes = 8.0 * static_cast<double>(N) * static_cast<double>(d) *
                         (s.M * d <= s.compression.polish_max_Md ? 12.0 : s.M * d <= s.compression.hessian_max_Md ? 5.0 : 3.0);
    if (bytes > 16e9)
      throw twolayer::io::input_error("N = " + std::to_string(N) + ", d = " + std::to_string(d) + " needs about " +
                                      std::to_string(int(bytes / 1e9)) + " GB: refused (the bound is 16 GB)");
    if (s.out) {
      std::error_code error;
      std::filesystem::create_directories(*s.out, error);
      if (error || !std::filesystem::is_directory(*s.out))
        throw twolayer::io::input_error("--out " + s.out->string() + ": cannot create the directory" +
                                        (error ? " (" + error.message() + ")" : ""));
    }
    twolayer::scoped_precision precision(static_cast<unsigned>(s.digits));
    return std::visit([&](const auto& sigma) { return run(s, net, sigma); }, s.sigma);
  });
}
