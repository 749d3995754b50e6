// twolayer-bench-kernels: closed-form ReLU kernel evaluations per second, in each scalar
// type. Each evaluation forms the angle from a cosine (two arccos and a square root) and
// the kernel from it, for cosines spread over [−1, 1].
#include "twolayer/gaussian/closed_form_kernel.hpp"

#include <chrono>
#include <cstdio>
#include <string>

namespace {

template <class Real>
void bench(const char* name)
{
  using clock = std::chrono::steady_clock;
  const Real norm_u = Real(5) / 4;
  const Real norm_v = Real(3) / 4;
  constexpr int points = 1000;
  std::vector<Real> rhos;
  for (int i = 0; i < points; ++i)
    rhos.push_back(Real(2 * i + 1 - points) / points);
  Real sink = 0;
  long evaluations = 0;
  const auto start = clock::now();
  double seconds = 0;
  while (seconds < 1.0) {
    // Tell the compiler the inputs may have changed, so it cannot hoist the (pure)
    // evaluations out of the timing loop.
    asm volatile("" : : "g"(rhos.data()) : "memory");
    for (const Real& rho : rhos)
      sink += twolayer::closed_form_kernel(twolayer::activation::relu{}, norm_u, norm_v,
                                           twolayer::angle<Real>::from_cosine(rho));
    evaluations += points;
    seconds = std::chrono::duration<double>(clock::now() - start).count();
  }
  std::printf("%-18s %12.0f evaluations/s  (%.3g us each; checksum %.6g)\n", name,
              evaluations / seconds, 1e6 * seconds / evaluations, static_cast<double>(sink));
}

}  // namespace

int main(int argc, char** argv)
{
  if (argc > 1) {
    const std::string arg = argv[1];
    if (arg == "--help") {
      std::printf("Usage: twolayer-bench-kernels\n\nPrints closed-form relu kernel "
                  "evaluations per second in double, cpp_bin_float_50, mpfr 50 and mpfr 100 "
                  "digits (about 1 s each).\n");
      return 0;
    }
    std::fprintf(stderr, "twolayer-bench-kernels: error: unexpected argument '%s'\n", argv[1]);
    return 2;
  }
  bench<double>("double");
  bench<twolayer::bin50>("cpp_bin_float_50");
  bench<twolayer::mpfr50>("mpfr 50 digits");
  bench<twolayer::mpfr100>("mpfr 100 digits");
  return 0;
}
