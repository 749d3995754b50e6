// twolayer-bench-search: restarts per second of the double-precision Riemannian L-BFGS
// maximising Φ from uniform random starts, to a gradient norm of 1e-10, with the share
// of restarts that converged (one thread, and the multi-start on two); the time of the
// Newton polish to a gradient of 1e-45 and of the Hessian spectrum at 50 digits at (9, 8).
#include "twolayer/check/polished_optimum.hpp"
#include "twolayer/check/second_order.hpp"
#include "twolayer/check/strict_max_certificate.hpp"
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
    const auto run = twolayer::maximise(
        twolayer::phi_problem(options.singular_tolerance),
        twolayer::sphere_product::random_point(M, d, twolayer::restart_seed(7000, M, d, r)), options);
    converged += run.status == twolayer::search_status::converged;
    evaluations += run.evaluations;
    best = std::max(best, run.value);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("(M, d) = (%2d, %2d): %8.1f restarts/s, %5.1f evaluations per restart, %d of %d "
              "converged, best Phi %.15f\n",
              M, d, restarts / seconds, double(evaluations) / restarts, converged, restarts, best);
}

void bench_parallel(int M, int d, int restarts, unsigned threads)
{
  const auto start = std::chrono::steady_clock::now();
  twolayer::search_catalogue catalogue;
  const twolayer::multi_start_options options;
  twolayer::run_restarts(twolayer::phi_problem(options.search.singular_tolerance), M, d, 0,
                         static_cast<std::uint64_t>(restarts), options, catalogue, threads);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("(M, d) = (%2d, %2d), multi-start with catalogue on %u threads: %8.1f restarts/s\n", M, d, threads,
              restarts / seconds);
}

void bench_second_order(int M, int d)
{
  using R = twolayer::mpfr50;
  auto start = std::chrono::steady_clock::now();
  const auto result = twolayer::second_order_test(twolayer::phi_problem(R("1e-40")), twolayer::simplex_etf<R>(M, d),
                                                  R("1e-30"), R("1e-40"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("Hessian spectrum and second-order test at the ETF (M, d) = (%d, %d), 50 digits: %.2f s (Hessian "
              "%d x %d, verdict %s, %d zero modes = orbit %d, margin %.6f)\n",
              M, d, seconds, M * (d - 1), M * (d - 1), twolayer::to_string(result.verdict).c_str(), result.zero_modes,
              result.orbit_dim, static_cast<double>(result.margin));

  // polish: from the double optimum of one restart to a gradient of 1e-45, at 50 digits
  twolayer::search_catalogue catalogue;
  const twolayer::multi_start_options options;
  twolayer::run_restarts(twolayer::phi_problem(options.search.singular_tolerance), M, d, 0, 1, options, catalogue);
  start = std::chrono::steady_clock::now();
  const auto polished = twolayer::newton_polish(twolayer::phi_problem(R("1e-25")),
                                                twolayer::matrix<R>(catalogue.basins.front().representative.cast<R>()),
                                                R("1e-45"), 60);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("Newton polish at (M, d) = (%d, %d), 50 digits, to a gradient of 1e-45: %.2f s (%d iterations,"
              " gradient norms", M, d, seconds, polished.iterations);
  for (const auto& g : polished.gradient_norms)
    std::printf(" %.1e", static_cast<double>(g));
  std::printf(")\n");
}

void bench_certificate(int M, int d)
{
  const auto start = std::chrono::steady_clock::now();
  const auto certificate = twolayer::certify_simplex_etf<twolayer::interval50>(M, d);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("certificate of the ETF (M, d) = (%d, %d), MPFI at 50 digits: %.2f s (%s, margin >= %.6f)\n", M, d,
              seconds, certificate.certified ? "certified" : certificate.reason.c_str(),
              static_cast<double>(boost::multiprecision::lower(certificate.margin)));
}

}  // namespace

int main(int argc, char** argv)
{
  if (argc > 1) {
    if (std::string(argv[1]) == "--help") {
      std::printf("Usage: twolayer-bench-search\n\nPrints restarts per second of the double "
                  "L-BFGS search for (M, d) = (9, 8) and (17, 16), and the time of the "
                  "multi-start on 1 and 2 threads, and the time of the Newton polish and of the\nsecond-order test at (9, 8) at 50 digits.\n");
      return 0;
    }
    std::fprintf(stderr, "twolayer-bench-search: error: unexpected argument '%s'\n", argv[1]);
    return 2;
  }
  bench(9, 8, 2000);
  bench(17, 16, 300);
  bench_parallel(9, 8, 4000, 1);
  bench_parallel(9, 8, 4000, 2);
  bench_second_order(9, 8);
  bench_certificate(5, 4);
  bench_certificate(9, 8);
  return 0;
}
