// The Hermite-series route to the ReLU kernel (docs/mathematics.md §4).
//
// With probabilists' Hermite coefficients γ_n = E[relu(z) He_n(z)] of ReLU (γ, not c: c_d is the
// sphere mean of docs/mathematics.md §2),
//   γ_0 = 1/√(2π), γ_1 = 1/2, γ_{2m+2} = (−1)^m (2m−1)!! / √(2π), other odd γ_n = 0,
// Mehler's formula gives E[relu(z) relu(z')] = Σ_n γ_n² ρ^n / n! = k(ρ)/2π, i.e.
//   k(ρ) = 1 + (π/2) ρ + Σ_{m≥0} q_m ρ^{2m+2},   q_m = ((2m−1)!!)² / (2m+2)!  (exact rationals).
//
// Truncation after n terms of the m-sum (q_m decreases, q_{m+1}/q_m < 1):
//   |ρ| < 1:  tail ≤ q_n ρ^{2n+2} / (1 − ρ²)                         (geometric bound)
//   any ρ:    tail ≤ (n−1)^{−3/2} / (6√π)  for n ≥ 2,  from
//             q_m = C(2m,m) / (4^m (2m+1)(2m+2)) ≤ 1 / (4 √π m^{5/2})  [C(2m,m) ≤ 4^m/√(πm)]
//             and Σ_{m≥n} m^{−5/2} ≤ ∫_{n−1}^∞ x^{−5/2} dx = (2/3)(n−1)^{−3/2}.
// The series converges geometrically for |ρ| < 1 and only algebraically at |ρ| = 1.
//
// Literature (docs/mathematics.md §8): Mehler 1866 (the expansion); Cho and Saul 2009 (the kernel
//   it sums to).
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <boost/math/constants/constants.hpp>
#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cstdint>

namespace twolayer {

/// γ_k = E[relu(z) He_k(z)], z ~ N(0, 1), exactly.
template <class Real>
Real relu_hermite_coefficient(unsigned k)
{
  const Real inv_sqrt_two_pi = boost::math::constants::one_div_root_two_pi<Real>();
  if (k == 0)
    return inv_sqrt_two_pi;
  if (k == 1)
    return Real(1) / 2;
  if (k % 2 == 1)
    return Real(0);
  const unsigned m = (k - 2) / 2;
  Real double_factorial = 1;  // (2m−1)!!
  for (unsigned j = 1; j + 1 <= 2 * m; j += 2)
    double_factorial *= j;
  return (m % 2 == 0 ? double_factorial : Real(-double_factorial)) * inv_sqrt_two_pi;
}

/// q_m = ((2m−1)!!)² / (2m+2)! as an exact rational.
inline boost::multiprecision::cpp_rational arc_cosine_series_coefficient(unsigned m)
{
  using boost::multiprecision::cpp_int;
  cpp_int double_factorial = 1;
  for (unsigned j = 1; j + 1 <= 2 * m; j += 2)
    double_factorial *= j;
  cpp_int factorial = 1;
  for (unsigned j = 2; j <= 2 * m + 2; ++j)
    factorial *= j;
  return boost::multiprecision::cpp_rational(double_factorial * double_factorial, factorial);
}

template <class Real>
struct series_result {
  Real value;             // the partial sum
  Real truncation_bound;  // a proven bound on |value − limit|
  unsigned terms;         // number of m-terms summed
};

/// k(ρ) by its Hermite series, summed until the proven truncation bound falls below
/// the working precision (relative) or max_terms m-terms have been summed.
template <class Real>
series_result<Real> arc_cosine_kernel_series(const Real& rho, unsigned max_terms = 200000)
{
  using std::abs;
  using std::sqrt;
  const Real pi = boost::math::constants::pi<Real>();
  const Real rho2 = rho * rho;
  const Real epsilon = Eigen::NumTraits<Real>::epsilon();
  const Real algebraic_constant = 1 / (6 * boost::math::constants::root_pi<Real>());

  Real sum = 1 + pi * rho / 2;
  Real q = Real(1) / 2;  // q_0
  Real power = rho2;     // ρ^{2m+2}
  unsigned n = 0;
  Real bound = 0;
  for (;;) {
    // bound on the tail Σ_{m≥n} q_m ρ^{2m+2} before adding term n
    bound = n >= 2 ? Real(algebraic_constant / (Real(n - 1) * sqrt(Real(n - 1))))
                   : Real(pi / 2 - 1);  // Σ_m q_m = k(1) − 1 − π/2
    if (rho2 < 1)
      bound = (std::min)(bound, Real(q * power / (1 - rho2)));
    if (bound <= epsilon * abs(sum) / 4 || n >= max_terms)
      break;
    sum += q * power;
    // q_{m+1} / q_m = (2m+1)² / ((2m+3)(2m+4)), exact integers for m < 2^20
    const std::uint64_t m = n;
    q *= Real((2 * m + 1) * (2 * m + 1));
    q /= Real((2 * m + 3) * (2 * m + 4));
    power *= rho2;
    ++n;
  }
  return {sum, bound, n};
}

}  // namespace twolayer
