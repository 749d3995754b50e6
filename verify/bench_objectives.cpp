// twolayer-bench-objectives: evaluations per second of the finite objective L_N with its
// gradient (N = 10⁴, d = 32, M = 8) and of the reduced objective Φ with its Riemannian
// gradient ((M, d) = (9, 8) and (17, 16)), in double and at 50 digits; also the reduced
// finite objective Ψ_N with its Riemannian gradient (the gap report's optimiser step) and
// the constant term E[f_N²] on one and two threads.
#include "twolayer/model/target_law.hpp"
#include "twolayer/objective/finite_objective.hpp"
#include "twolayer/objective/reduced_loss.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/optimize/multi_start.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <type_traits>

namespace {

using clock_type = std::chrono::steady_clock;

/// Runs `work` until at least `budget` seconds have passed; returns evaluations per second.
template <class Work>
double rate(Work work, double budget)
{
  const auto start = clock_type::now();
  long count = 0;
  double seconds = 0;
  do {
    work();
    ++count;
    seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  } while (seconds < budget);
  return count / seconds;
}

template <class Real>
void bench_finite(const char* name, double budget)
{
  const twolayer::target_law law{};
  const auto target = twolayer::sample_target(law, 32, 10000, 1);
  const auto compressed = twolayer::sample_target(law, 32, 8, 2);
  // The O(N²) constant term is timed in double only (5·10⁷ kernels; ~10 min at 50 digits).
  const bool with_constant = std::is_same_v<Real, double>;
  const auto construction_start = clock_type::now();
  const twolayer::finite_relu_objective<Real> objective(target.a.cast<Real>(),
                                                        target.W.cast<Real>(), with_constant);
  const double construction =
      std::chrono::duration<double>(clock_type::now() - construction_start).count();
  const twolayer::vector<Real> b = compressed.a.cast<Real>();
  const twolayer::matrix<Real> V = compressed.W.cast<Real>();
  twolayer::vector<Real> grad_b;
  twolayer::matrix<Real> grad_V;
  Real sink = 0;
  const double per_second = rate(
      [&] {
        sink += objective.variable_part(b, V);
        objective.gradient(b, V, grad_b, grad_V);
      },
      budget);
  std::printf("L_N + gradient, N=1e4 d=32 M=8, %-8s %10.3f evaluations/s", name, per_second);
  if (with_constant)
    std::printf("  (constant term E[f_N^2]: %.2f s, once)", construction);
  std::printf("\n");
  (void)sink;
}

template <class Real>
void bench_reduced_finite(const char* name, double budget)
{
  const twolayer::target_law law{};
  const auto target = twolayer::sample_target(law, 32, 10000, 1);
  const twolayer::target_cross_term<Real> cross(twolayer::vector<Real>(target.a.cast<Real>() / Real(10000)),
                                                target.W.cast<Real>());
  const twolayer::matrix<Real> U = twolayer::sphere_product::random_point(8, 32, 3).cast<Real>();
  const Real tolerance = Eigen::NumTraits<Real>::epsilon() * 1000;
  Real sink = 0;
  const double per_second = rate(
      [&] {
        twolayer::vector<Real> t;
        twolayer::matrix<Real> gradients;
        cross.values_and_gradients(U, t, gradients);
        const auto value = twolayer::reduced_loss(twolayer::activation::relu{}, U, t, &gradients, tolerance);
        sink += value.psi + value.gradient(0, 0);
      },
      budget);
  std::printf("Psi_N + gradient, N=1e4 d=32 M=8, %-8s %8.3f evaluations/s\n", name, per_second);
  (void)sink;
}

void bench_second_moment(unsigned threads)
{
  const auto target = twolayer::sample_target(twolayer::target_law{}, 32, 10000, 1);
  const twolayer::target_cross_term<double> cross(twolayer::vector<double>(target.a / 10000.0), target.W);
  const auto start = clock_type::now();
  const double moment = cross.second_moment(threads);
  std::printf("E[f_N^2], N=1e4 d=32, double, %u thread%s: %.2f s (value %.15g)\n", threads,
              threads == 1 ? " " : "s", std::chrono::duration<double>(clock_type::now() - start).count(), moment);
}

template <class Real>
void bench_reduced(const char* name, int M, int d, double budget)
{
  const twolayer::matrix<Real> U = twolayer::sphere_product::random_point(M, d, 3).cast<Real>();
  const Real tolerance = Eigen::NumTraits<Real>::epsilon() * 1000;
  Real sink = 0;
  const double per_second = rate(
      [&] {
        const auto value = twolayer::reduced_objective(U, tolerance);
        const auto gradient = twolayer::sphere_product::project(
            U, twolayer::reduced_objective_euclidean_gradient(U, value.scales));
        sink += value.value + gradient(0, 0);
      },
      budget);
  std::printf("Phi + gradient, M=%-2d d=%-2d, %-8s %12.0f evaluations/s  (%.3g us each)\n", M, d,
              name, per_second, 1e6 / per_second);
  (void)sink;
}

}  // namespace

int main(int argc, char** argv)
{
  if (argc > 1) {
    if (std::string(argv[1]) == "--help") {
      std::printf("Usage: twolayer-bench-objectives\n\nPrints evaluations per second of L_N "
                  "with gradient, of Psi_N with gradient and of Phi with gradient, in double and 50 digits,\nand the time of E[f_N^2] on 1 and 2 threads (~40 s).\n");
      return 0;
    }
    std::fprintf(stderr, "twolayer-bench-objectives: error: unexpected argument '%s'\n", argv[1]);
    return 2;
  }
  bench_reduced<double>("double", 9, 8, 1.0);
  bench_reduced<double>("double", 17, 16, 1.0);
  bench_reduced<twolayer::mpfr50>("mpfr50", 9, 8, 1.0);
  bench_reduced<twolayer::mpfr50>("mpfr50", 17, 16, 1.0);
  bench_finite<double>("double", 2.0);
  bench_finite<twolayer::mpfr50>("mpfr50", 2.0);
  bench_reduced_finite<double>("double", 2.0);
  bench_reduced_finite<twolayer::mpfr50>("mpfr50", 2.0);
  bench_second_moment(1);
  bench_second_moment(2);
  return 0;
}
