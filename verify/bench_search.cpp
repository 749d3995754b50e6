// twolayer-bench-search: restarts per second of the double-precision Riemannian L-BFGS
// maximising Φ from uniform random starts, to a gradient norm of 1e-10, with the share
// of restarts that converged.
#include "twolayer/check/second_order.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/optimize/multi_start.hpp"

#include <chrono>
#include <cstdio>
#include <string>

namespace {

void bench(int M, int d, int restarts)
{
  const twolayer::lbfgs_options<double> options;
  int converged = 0;
  long evaluations = 0;
  double best = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < restarts; ++r) {
    const auto run = twolayer::maximise_phi(
        twolayer::random_configuration(M, d, twolayer::restart_seed(7000, M, d, r)), options);
    converged += run.status == twolayer::search_status::converged;
    evaluations += run.evaluations;
    best = std::max(best, run.value);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("(M, d) = (%2d, %2d): %8.1f restarts/s, %5.1f evaluations per restart, %d of %d "
              "converged, best Phi %.15f\n",
              M, d, restarts / seconds, double(evaluations) / restarts, converged, restarts, best);
}

void bench_second_order(int M, int d)
{
  using R = twolayer::mpfr50;
  const auto start = std::chrono::steady_clock::now();
  const auto result = twolayer::second_order_test<R>(twolayer::simplex_etf<R>(M, d), R("1e-30"), R("1e-40"));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("second-order test at the ETF (M, d) = (%d, %d), 50 digits: %.2f s (Hessian %d x %d, "
              "verdict %s, %d zero modes = orbit %d, margin %.6f)\n",
              M, d, seconds, M * (d - 1), M * (d - 1), result.verdict.c_str(), result.zero_modes,
              result.orbit_dim, static_cast<double>(result.margin));
}

}  // namespace

int main(int argc, char** argv)
{
  if (argc > 1) {
    if (std::string(argv[1]) == "--help") {
      std::printf("Usage: twolayer-bench-search\n\nPrints restarts per second of the double "
                  "L-BFGS search for (M, d) = (9, 8) and (17, 16), and the time of the "
                  "second-order test at the (9, 8) ETF at 50 digits.\n");
      return 0;
    }
    std::fprintf(stderr, "twolayer-bench-search: error: unexpected argument '%s'\n", argv[1]);
    return 2;
  }
  bench(9, 8, 500);
  bench(17, 16, 100);
  bench_second_order(9, 8);
  return 0;
}
