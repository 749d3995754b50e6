// twolayer-compress: the best M-node compression of a user's two-layer network under
// Gaussian inputs (docs/mathematics.md §2), with its loss, the second-order test, a high-precision
// polish, and for ReLU the mean-field prediction and the distance from a simplex ETF
// (study/compression.hpp). Reads a and W from .npy or CSV; writes the compressed network
// as .npy and CSV with a Markdown and JSON summary.
#include "cli.hpp"
#include "compress_report.hpp"

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
using Real = twolayer::app::compress_real;

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
  const app::compress_run run_info{canonical_command(s), s.activation_name, s.slope_text, s.digits,
                                   s.compression.polish_max_Md};
  if (s.out) {
    app::write_files_atomically(app::compress_report_files(run_info, outcome, *s.out));
    log("wrote " + (*s.out / "compression.md").string());
  }
  std::cout << app::compress_summary(run_info, outcome, s.format);
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
