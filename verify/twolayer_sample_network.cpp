// twolayer-sample-network: a target network drawn from one of the laws of docs/mathematics.md §2
// (w = (τ/√d) ξ, ξ with i.i.d. gaussian, rademacher or uniform entries; a ≡ 1), written as
// the files twolayer-compress reads: a.npy (N,), W.npy (N, d), and the same as CSV.
#include "cli.hpp"

#include "twolayer/io/npy.hpp"
#include "twolayer/model/target_law.hpp"
#include "support/atomic_file.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace {

namespace cli = twolayer::cli;
constexpr const char* version = "0.1.0";
constexpr const char* program = "twolayer-sample-network";

struct settings {
  twolayer::target_law law;
  unsigned d = 0;
  std::size_t N = 0;
  std::uint64_t seed = 1;
  std::filesystem::path out;
};

settings parse(const cli::parser& p)
{
  settings s;
  const auto law = twolayer::parse_entry_law(p.get("law"));
  if (!law)
    throw cli::usage_error("--law: unknown law '" + p.get("law") + "' (gaussian, rademacher, uniform)");
  s.law = twolayer::target_law{*law};
  if (!p.has("N") || !p.has("d") || !p.has("out"))
    throw cli::usage_error("--N, --d and --out are required");
  s.N = static_cast<std::size_t>(cli::to_integer("N", p.get("N"), 1, 10000000));
  s.d = static_cast<unsigned>(cli::to_integer("d", p.get("d"), 1, 65536));
  if (static_cast<double>(s.N) * s.d > 2e9)
    throw cli::usage_error("N*d = " + std::to_string(static_cast<double>(s.N) * s.d) + " exceeds 2e9 entries");
  s.seed = static_cast<std::uint64_t>(cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  s.out = p.get("out");
  return s;
}

std::string csv(const twolayer::matrix<double>& rows)
{
  std::string text;
  char buffer[32];
  for (Eigen::Index r = 0; r < rows.rows(); ++r) {
    for (Eigen::Index c = 0; c < rows.cols(); ++c) {
      std::snprintf(buffer, sizeof buffer, "%.17g", rows(r, c));
      if (c)
        text += ",";
      text += buffer;
    }
    text += "\n";
  }
  return text;
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(program,
                "Draws a target network f(x) = sum_i a_i relu-or-any(<w_i, x>) with a = 1 and w = xi/sqrt(d), xi\n"
                "with i.i.d. entries of the chosen law (docs/mathematics.md section 2), seeded portably, and writes\n"
                "a.npy (N,), W.npy (N, d), a.csv, W.csv into --out: the input of twolayer-compress.\n"
                "Exit status: 0 written, 1 failed, 2 usage error.",
                {{"law", "NAME", "gaussian", "entry law: gaussian, rademacher, uniform"},
                 {"N", "N", "", "number of neurons"},
                 {"d", "d", "", "input dimension"},
                 {"seed", "S", "1", "seed"},
                 {"out", "DIR", "", "output directory (created if missing)"}});
  return cli::run_main<settings>(p, argc, argv, program, version, parse, [&](const settings& s) {
    std::error_code error;
    std::filesystem::create_directories(s.out, error);
    if (error || !std::filesystem::is_directory(s.out)) {
      std::cerr << program << ": error: --out " << s.out.string() << ": cannot create the directory\n";
      return 2;
    }
    const auto target = twolayer::sample_target(s.law, s.d, s.N, s.seed);
    const twolayer::matrix<double> W = target.W.transpose();  // one row per neuron
    std::vector<double> a(target.a.data(), target.a.data() + target.a.size());
    std::vector<double> w(static_cast<std::size_t>(W.size()));
    for (Eigen::Index i = 0; i < W.rows(); ++i)
      for (Eigen::Index k = 0; k < W.cols(); ++k)
        w[static_cast<std::size_t>(i * W.cols() + k)] = W(i, k);
    twolayer::app::write_files_atomically(
        {{s.out / "a.npy", twolayer::io::npy_bytes({s.N}, a)},
         {s.out / "W.npy", twolayer::io::npy_bytes({s.N, s.d}, w)},
         {s.out / "a.csv", csv(target.a)},
         {s.out / "W.csv", csv(W)}});
    return 0;
  });
}
