// The activations σ of docs/mathematics.md §4, each with the points where it is not smooth.
//
// An activation is a callable `sigma(z)` for every Real, plus
//   name()          its command-line name
//   kinks<Real>()   the breakpoints where σ or a derivative jumps; the generic
//                   quadrature route splits the Gaussian integral along them (§4)
//   homogeneity     p if σ(c z) = c^p σ(z) for c > 0, -1 otherwise
// Closed-form Gaussian kernels live in gaussian/closed_form_kernel.hpp.
#pragma once

// scalar.hpp brings boost/multiprecision/mpfr.hpp, whose boost::math::erf overload calls MPFR's
// mpfr_erf. It must be declared before erf::operator() below: a qualified call is looked up
// where the template is defined, so without it a file that includes this header first gets
// Boost.Math's generic erf series for MPFR numbers — about 20 times slower at 50 digits.
#include "twolayer/numeric/scalar.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <type_traits>

#include <string>
#include <vector>

namespace twolayer::activation {

/// relu(z) = max(z, 0)
struct relu {
  static constexpr int homogeneity = 1;
  static std::string name() { return "relu"; }
  template <class Real>
  static std::vector<Real> kinks() { return {Real(0)}; }
  template <class Real>
  Real operator()(const Real& z) const { return z > 0 ? z : Real(0); }
};

/// Heaviside step, with step(0) = 0.
struct step {
  static constexpr int homogeneity = 0;
  static std::string name() { return "step"; }
  template <class Real>
  static std::vector<Real> kinks() { return {Real(0)}; }
  template <class Real>
  Real operator()(const Real& z) const { return z > 0 ? Real(1) : Real(0); }
};

/// |z|
struct absolute {
  static constexpr int homogeneity = 1;
  static std::string name() { return "abs"; }
  template <class Real>
  static std::vector<Real> kinks() { return {Real(0)}; }
  template <class Real>
  Real operator()(const Real& z) const { return z < 0 ? Real(-z) : z; }
};

/// max(z, s z) for z > 0 and z < 0: z for z ≥ 0, s z below.
template <class Real>
struct leaky_relu {
  Real slope;
  static constexpr int homogeneity = 1;
  static std::string name() { return "leaky_relu"; }
  template <class R>
  static std::vector<R> kinks() { return {R(0)}; }
  template <class R>
  R operator()(const R& z) const { return z > 0 ? z : R(R(slope) * z); }
};

/// erf(z): smooth, no kinks, not homogeneous.
struct erf {
  static constexpr int homogeneity = -1;
  static std::string name() { return "erf"; }
  template <class Real>
  static std::vector<Real> kinks() { return {}; }
  template <class Real>
  Real operator()(const Real& z) const
  {
    // Boost.Math's erf is specialised to MPFR's correctly rounded mpfr_erf for MPFR
    // numbers (the erf found by argument-dependent lookup is a slower generic series).
    if constexpr (std::is_floating_point_v<Real>)
      return std::erf(z);
    else
      return boost::math::erf(z);
  }
};

/// z
struct linear {
  static constexpr int homogeneity = 1;
  static std::string name() { return "linear"; }
  template <class Real>
  static std::vector<Real> kinks() { return {}; }
  template <class Real>
  Real operator()(const Real& z) const { return z; }
};

/// z²
struct quadratic {
  static constexpr int homogeneity = 2;
  static std::string name() { return "quadratic"; }
  template <class Real>
  static std::vector<Real> kinks() { return {}; }
  template <class Real>
  Real operator()(const Real& z) const { return z * z; }
};

/// The same activation with its parameters in the scalar type R (leaky relu's slope; the
/// others have none).
template <class R, class Activation>
Activation in_precision(const Activation& sigma)
{
  return sigma;
}
template <class R, class S>
leaky_relu<R> in_precision(const leaky_relu<S>& sigma)
{
  return leaky_relu<R>{R(sigma.slope)};
}

}  // namespace twolayer::activation
