// twolayer-bench-rare-basins: which starts find a rare maximum of Φ soonest (docs/mathematics.md
// §5.2). The known maxima of one case come from a finished twolayer-etf run (its polished optima,
// etf_optima.csv, and its restart log, whose representatives are the double end points); each
// strategy then runs its own starts through the same L-BFGS, and the table gives, per known
// maximum, the share of starts that end there, and the seconds per hit. The rival is the uniform
// start the reproduction uses, measured on its own log (hits) and on fresh starts (time).
#include "cli.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/study/restart_log.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <Eigen/Eigenvalues>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

namespace {

using twolayer::matrix;
namespace sp = twolayer::sphere_product;

struct known_maximum {
  double value = 0;
  long uniform_hits = 0;  // in the log
  matrix<double> U;
};

std::vector<std::string> split(const std::string& line)
{
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else
      cell += c;
  }
  cells.push_back(cell);
  return cells;
}

/// Φ of the strict local maxima of (M, d) in etf_optima.csv.
std::vector<double> maxima_values(const std::string& path, int M, int d)
{
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  auto column = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name)
        return i;
    throw std::runtime_error(path + ": no column " + name);
  };
  const auto cM = column("M"), cd = column("d"), cphi = column("phi"), ckind = column("kind");
  std::vector<double> values;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    if (std::stoi(cells[cM]) == M && std::stoi(cells[cd]) == d && cells[ckind] == "strict local maximum")
      values.push_back(std::stod(cells[cphi]));
  }
  return values;
}

constexpr double same_value = 1e-11;

struct tally {
  std::string name;
  long starts = 0, converged = 0;
  double seconds = 0;
  std::vector<long> hits;
  std::vector<long> first;
};

tally run_strategy(const std::string& name, long starts, const std::function<matrix<double>(std::uint64_t)>& start,
                   const std::vector<known_maximum>& maxima, unsigned threads)
{
  const twolayer::multi_start_options options;
  const auto phi = twolayer::phi_problem(options.search.singular_tolerance);
  std::vector<twolayer::lbfgs_result<double>> runs(static_cast<std::size_t>(starts));
  const auto t0 = std::chrono::steady_clock::now();
  twolayer::for_each_task(runs.size(), threads,
                          [&](std::size_t i) { runs[i] = twolayer::maximise(phi, start(i), options.search); });
  tally t{name, starts, 0, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
          std::vector<long>(maxima.size(), 0), std::vector<long>(maxima.size(), -1)};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].status != twolayer::search_status::converged)
      continue;
    ++t.converged;
    for (std::size_t k = 0; k < maxima.size(); ++k)
      if (std::abs(runs[i].value - maxima[k].value) < same_value) {
        ++t.hits[k];
        if (t.first[k] < 0)
          t.first[k] = static_cast<long>(i);
      }
  }
  return t;
}

matrix<double> gaussian_tangent(const matrix<double>& U, std::uint64_t seed)
{
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  matrix<double> Z(U.rows(), U.cols());
  for (Eigen::Index j = 0; j < Z.cols(); ++j)
    for (Eigen::Index i = 0; i < Z.rows(); ++i)
      Z(i, j) = normal(engine);
  return sp::project(U, Z);
}

struct settings {
  int M = 11, d = 8;
  std::string dir = "reports";
  long starts = 1000;
  unsigned threads = 1;
  std::string only;
};

settings parse(const twolayer::cli::parser& p)
{
  namespace cli = twolayer::cli;
  settings s;
  s.M = static_cast<int>(cli::to_integer("M", p.get("M"), 2, 64));
  s.d = static_cast<int>(cli::to_integer("d", p.get("d"), 2, 64));
  s.dir = p.get("dir");
  s.starts = static_cast<long>(cli::to_integer("starts", p.get("starts"), 1, 10000000));
  s.threads = cli::threads_wanted(p);
  s.only = p.has("only") ? p.get("only") : "";
  return s;
}

}  // namespace

int main(int argc, char** argv)
{
  namespace cli = twolayer::cli;
  cli::parser p("twolayer-bench-rare-basins",
                "Which starts find a rare local maximum of Phi soonest (docs/mathematics.md section 5.2). Reads\n"
                "the known maxima of one case from a finished twolayer-etf run in --dir (etf_optima.csv and\n"
                "the restart log etf_M<M>_d<d>.log), then runs --starts L-BFGS searches per strategy: uniform\n"
                "(the rival: the reproduction's start), known maxima perturbed, one antipodal pair planted\n"
                "(optimize/multi_start.hpp: planted_antipodal_point, what --planted-starts runs),\n"
                "a simplex ETF of d+1 plus extra directions, saddles pushed along their unstable directions.\n"
                "Prints, per known maximum, the starts that ended there and the seconds per hit.",
                {{"M", "M", "11", "compressed width"},
                 {"d", "D", "8", "input dimension"},
                 {"dir", "DIR", "reports", "the twolayer-etf output to read the known maxima from"},
                 {"starts", "K", "1000", "starts per strategy"},
                 {"only", "TEXT", "", "run only the strategies whose name contains TEXT (and the uniform rival)"},
                 {"threads", "T", "all cores", "worker threads"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-bench-rare-basins", "0.1.0", parse, [&](const settings& s) {
    const int M = s.M, d = s.d;
    const std::string dir = s.dir;
    const long starts = s.starts;
    const unsigned threads = s.threads;
    const twolayer::multi_start_options options;
    const std::string log = dir + "/etf_M" + std::to_string(M) + "_d" + std::to_string(d) + ".log";
    // the log's own header names its seed
    std::ifstream in(log);
    std::string header;
    if (!std::getline(in, header) || header.find("seed=") == std::string::npos)
      throw twolayer::bad_input("cannot read a restart log header from " + log + " (run twolayer-etf --M " +
                                std::to_string(M) + " --d " + std::to_string(d) + " --out " + dir + " first)");
    twolayer::multi_start_options logged = options;
    logged.seed = std::stoull(header.substr(header.find("seed=") + 5));
    twolayer::search_catalogue catalogue;
    std::size_t dropped = 0;
    twolayer::restart_log::replay(log, twolayer::restart_log::header(M, d, logged), logged, catalogue, dropped);

    std::vector<known_maximum> maxima;
    for (double v : maxima_values(dir + "/etf_optima.csv", M, d)) {
      known_maximum m{v, 0, {}};
      for (const auto& b : catalogue.basins)
        if (std::abs(b.value - v) < same_value) {
          m.uniform_hits += b.count;
          if (m.U.size() == 0)
            m.U = b.representative;
        }
      if (m.U.size() == 0)
        throw twolayer::bad_input("the maximum with Phi = " + std::to_string(v) + " in " + dir +
                                  "/etf_optima.csv has no basin in " + log + " (files from different runs?)");
      maxima.push_back(m);
    }
    if (maxima.empty())
      throw twolayer::bad_input(dir + "/etf_optima.csv lists no strict local maximum for (M, d) = (" + std::to_string(M) +
                                ", " + std::to_string(d) + ")");
    std::vector<matrix<double>> saddles;
    for (const auto& b : catalogue.basins) {
      bool is_max = false;
      for (const auto& m : maxima)
        is_max = is_max || std::abs(b.value - m.value) < same_value;
      if (!is_max)
        saddles.push_back(b.representative);
    }
    std::printf("(M, d) = (%d, %d): %zu known maxima from %s (%ld uniform restarts, seed %llu):", M, d, maxima.size(),
                log.c_str(), catalogue.restarts, static_cast<unsigned long long>(logged.seed));
    for (const auto& m : maxima)
      std::printf(" Phi = %.12f (%ld hits)", m.value, m.uniform_hits);
    std::printf("; %zu other search basins\n", saddles.size());

    const std::uint64_t seed = 424242;
    std::vector<tally> tallies;
    // runs a strategy unless --only leaves it out (the uniform rival always runs: it is the yardstick)
    auto run = [&](const std::string& name, const std::function<matrix<double>(std::uint64_t)>& start) {
      if (tallies.empty() || s.only.empty() || name.find(s.only) != std::string::npos)
        tallies.push_back(run_strategy(name, starts, start, maxima, threads));
    };
    run("uniform (fresh seed)", [&](std::uint64_t i) {
      return sp::random_point(M, d, twolayer::restart_seed(seed, M, d, i));
    });
    for (double sigma : {0.3, 0.6, 1.0})
      for (std::size_t k = 0; k < maxima.size(); ++k) {
        char name[64];
        std::snprintf(name, sizeof name, "maximum %zu perturbed, sigma %.1f", k + 1, sigma);
        run(name, [&](std::uint64_t i) {
          const auto& U = maxima[k].U;
          return sp::retract<double>(U, sigma * gaussian_tangent(U, twolayer::restart_seed(seed + 1, M, d, i)));
        });
      }
    for (double spread : {0.05, 0.2}) {
      char name[64];
      std::snprintf(name, sizeof name, "planted antipodal pair, spread %.2f%s", spread,
                    spread == 0.05 ? " (--planted-starts)" : "");
      run(name, [&](std::uint64_t i) {
        return twolayer::planted_antipodal_point(M, d, twolayer::restart_seed(seed + 2, M, d, i), spread);
      });
    }
    if (M > d + 1)
      run("simplex ETF of d+1 + uniform extras", [&](std::uint64_t i) {
        matrix<double> U = sp::random_point(M, d, twolayer::restart_seed(seed + 4, M, d, i));
        U.leftCols(d + 1) = twolayer::simplex_etf<double>(d + 1, d, twolayer::restart_seed(seed + 5, M, d, i));
        return sp::retract<double>(U, 0.05 * gaussian_tangent(U, twolayer::restart_seed(seed + 6, M, d, i)));
      });
    // saddles pushed along random combinations of their unstable directions
    if (!saddles.empty()) {
      const auto phi = twolayer::phi_problem(options.search.singular_tolerance);
      std::vector<matrix<double>> unstable;  // per saddle: T times the unstable eigenvectors
      for (const auto& S : saddles) {
        const matrix<double> H = phi.hessian(S);
        Eigen::SelfAdjointEigenSolver<matrix<double>> eig(H);
        const double largest = eig.eigenvalues().cwiseAbs().maxCoeff();
        std::vector<Eigen::Index> up;
        for (Eigen::Index j = 0; j < H.rows(); ++j)
          if (eig.eigenvalues()(j) > 1e-8 * largest)
            up.push_back(j);
        matrix<double> V(H.rows(), static_cast<Eigen::Index>(up.size()));
        for (std::size_t j = 0; j < up.size(); ++j)
          V.col(static_cast<Eigen::Index>(j)) = eig.eigenvectors().col(up[j]);
        unstable.push_back(sp::tangent_bases(S) * V);
        std::printf("saddle Phi = %.12f: %zu unstable directions\n", phi(S).value, up.size());
      }
      for (double epsilon : {0.05, 0.2})
      {
        char name[64];
        std::snprintf(name, sizeof name, "saddles pushed along unstable directions, %.2f", epsilon);
        run(name, [&](std::uint64_t i) {
          const std::size_t s = i % saddles.size();
          const matrix<double>& S = saddles[s];
          boost::random::mt19937_64 engine(twolayer::restart_seed(seed + 7, M, d, i));
          boost::random::normal_distribution<double> normal(0.0, 1.0);
          Eigen::VectorXd g(unstable[s].cols());
          for (Eigen::Index j = 0; j < g.size(); ++j)
            g(j) = normal(engine);
          if (g.size() == 0)
            return S;
          const Eigen::VectorXd step = unstable[s] * g.normalized() * epsilon;
          matrix<double> Z = Eigen::Map<const matrix<double>>(step.data(), d, M);
          return sp::retract<double>(S, Z);
        });
      }
    }

    std::printf("\n%-56s %7s %9s %9s", "strategy", "starts", "seconds", "converged");
    for (std::size_t k = 0; k < maxima.size(); ++k)
      std::printf("  max%zu hits (first)  s/hit", k + 1);
    std::printf("\n");
    const double uniform_seconds_per_start = tallies[0].seconds / double(tallies[0].starts);
    std::printf("%-56s %7ld %9.1f %9s", "uniform (the reproduction's log; time as fresh)", catalogue.restarts,
                uniform_seconds_per_start * double(catalogue.restarts), "");
    for (const auto& m : maxima)
      std::printf("  %9ld %8s %8.1f", m.uniform_hits, "",
                  m.uniform_hits ? uniform_seconds_per_start * double(catalogue.restarts) / double(m.uniform_hits) : 0.0);
    std::printf("\n");
    for (const auto& t : tallies) {
      std::printf("%-56s %7ld %9.1f %9ld", t.name.c_str(), t.starts, t.seconds, t.converged);
      for (std::size_t k = 0; k < maxima.size(); ++k)
        std::printf("  %9ld %8ld %8.1f", t.hits[k], t.first[k], t.hits[k] ? t.seconds / double(t.hits[k]) : 0.0);
      std::printf("\n");
    }
    // the finding, from the numbers: for the rarest known maximum, the strategy with the fewest
    // seconds per hit against the uniform start
    std::size_t rarest = 0;
    for (std::size_t k = 0; k < maxima.size(); ++k)
      if (maxima[k].uniform_hits < maxima[rarest].uniform_hits)
        rarest = k;
    const tally* fastest = nullptr;
    for (const auto& t : tallies)
      if (t.hits[rarest] > 0 && (!fastest || t.seconds / double(t.hits[rarest]) < fastest->seconds / double(fastest->hits[rarest])))
        fastest = &t;
    const double uniform_rate = double(maxima[rarest].uniform_hits) / double(catalogue.restarts);
    std::printf("\nThe rarest known maximum (Phi = %.12f) is reached by %.2e of the uniform restarts (%.1f s per hit)",
                maxima[rarest].value, uniform_rate,
                maxima[rarest].uniform_hits ? uniform_seconds_per_start / uniform_rate : 0.0);
    if (fastest)
      std::printf("; fastest here: %s, %.2e of its starts (%.1f s per hit).\n", fastest->name.c_str(),
                  double(fastest->hits[rarest]) / double(fastest->starts), fastest->seconds / double(fastest->hits[rarest]));
    else
      std::printf("; no strategy here reached it in %ld starts.\n", starts);
    return 0;
  });
}
