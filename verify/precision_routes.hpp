// The routes of twolayer-precision at one precision (precision_survey.hpp): included only by
// the units precision_at_*.cpp, each of which instantiates them for one scalar type.
#pragma once

#include "precision_survey.hpp"

namespace twolayer::app::precision {

template <class Real>
void verification::at_precision(int digits)
{
  using std::pow;
  using std::sqrt;
  const bool quadrature = digits <= quadrature_max_digits;
  const twolayer::quadrature_rules<Real> rules;
  for (int d : dimensions()) {
    const auto du = static_cast<unsigned>(d);
    add<Real>("c_d", "", 0, d, "", "closed_form", digits, twolayer::sphere_relu_mean<Real>(du));
    add<Real>("c_d", "", 0, d, "", "recurrence", digits, twolayer::sphere_relu_mean_by_recurrence<Real>(du));
    if (d >= 2 && quadrature)
      add<Real>("c_d", "", 0, d, "", "quadrature", digits, twolayer::sphere_relu_mean_by_quadrature<Real>(du, rules));
    add<Real>("E_norm_w", "", 0, d, "", "closed_form", digits, twolayer::gaussian_norm_mean<Real>(du));
    if (!quadrature)
      continue;
    add<Real>("E_norm_w", "", 0, d, "", "quadrature", digits, twolayer::gaussian_norm_mean_by_quadrature<Real>(du, rules));
    // the Laplace identity gives E‖ξ‖ for ξ ~ N(0, I_d); w = ξ/√d
    add<Real>("E_norm_w", "", 0, d, "", "laplace_quadrature", digits,
              Real(twolayer::gaussian_norm_mean_by_laplace_quadrature<Real>(du, rules) / sqrt(Real(d))));
  }
  for (int M = 2; M <= etf_max_d() + 1; ++M) {
    const Real k = twolayer::arc_cosine_kernel(Real(Real(-1) / (M - 1)));
    const Real phi_closed = twolayer::simplex_etf_phi<Real>(M);
    add<Real>("phi_etf", "", M, 0, "", "closed_form", digits, phi_closed);
    if (M >= 3) {  // at ρ = −1 (M = 2) the series converges only algebraically
      const Real k_series = twolayer::arc_cosine_kernel_series(Real(Real(-1) / (M - 1))).value;
      add<Real>("phi_etf", "", M, 0, "", "hermite_series", digits,
                Real(M / (boost::math::constants::pi<Real>() + (M - 1) * k_series)));
    }
    const Real tolerance = pow(Real(10), -(digits / 2));
    const Real phi_numeric = twolayer::reduced_objective(twolayer::simplex_etf<Real>(M, M - 1, 11), tolerance).value;
    add<Real>("phi_etf", "", M, 0, "", "numeric", digits, phi_numeric);
    for (int d = M - 1; d <= etf_max_d(); ++d) {
      const Real c = twolayer::sphere_relu_mean<Real>(static_cast<unsigned>(d));
      const Real factor = 2 * boost::math::constants::pi<Real>() * d * c * c;
      add<Real>("r_etf", "", M, d, "", "closed_form", digits, Real(1 - factor * phi_closed));
      const Real c_recurrence = twolayer::sphere_relu_mean_by_recurrence<Real>(static_cast<unsigned>(d));
      const auto value = twolayer::reduced_objective(twolayer::simplex_etf<Real>(M, d, 17), tolerance);
      add<Real>("r_etf", "", M, d, "", "numeric", digits,
                Real(1 - 2 * boost::math::constants::pi<Real>() * d * c_recurrence * c_recurrence * value.value));
      // s* = 2π α d c_d² K̂⁻¹1 at α = 1: closed form 2π d c_d² / (π + (M−1) k), and the solve
      add<Real>("s_star", "", M, d, "", "closed_form", digits,
                Real(factor / (boost::math::constants::pi<Real>() + (M - 1) * k)));
      add<Real>("s_star", "", M, d, "", "numeric", digits, Real(factor * value.scales(0)));
    }
  }
  margins<Real>(digits);
  for (const auto& text : rhos) {
    const auto decimal = rational(text);
    const Real rho = Real(decimal.first) / Real(decimal.second);
    const auto a = twolayer::angle<Real>::from_cosine(rho);
    const Real closed = twolayer::closed_form_kernel(twolayer::activation::relu{}, Real(1), Real(1), a);
    add<Real>("kernel", "relu", 0, 0, text, "closed_form", digits, closed);
    if (quadrature)
      add<Real>("kernel", "relu", 0, 0, text, "quadrature", digits,
                twolayer::quadrature_kernel(twolayer::activation::relu{}, Real(1), Real(1), a, rules));
    add<Real>("kernel", "relu", 0, 0, text, "hermite_series", digits,
              Real(twolayer::arc_cosine_kernel_series(rho).value / (2 * boost::math::constants::pi<Real>())));
  }
}

/// The margin at the ETF: smallest |λ| beyond the orbit's zero modes, from the analytic
/// Hessian, from dual numbers (second derivatives along directions, polarised), and from
/// second differences while M(d−1) ≤ 30.
template <class Real>
void verification::margins(int digits)
{
  using std::pow;
  for (int d = 2; d <= margin_max_d(); ++d) {
    if (digits > 100 && d > 4)
      continue;
    for (int M = 3; M <= d + 1; ++M) {
      const matrix<Real> U = twolayer::simplex_etf<Real>(M, d);
      const Real tolerance = pow(Real(10), -(digits / 2));
      const int orbit = twolayer::orbit_dimension(d, M - 1);
      add<Real>("hessian_margin", "", M, d, "", "analytic", digits,
                margin_of(matrix<Real>(twolayer::reduced_objective_hessian(U, tolerance)), orbit));
      const int n = M * (d - 1);
      const matrix<Real> T = twolayer::sphere_product::tangent_bases(U);
      using D2 = twolayer::dual<twolayer::dual<Real>>;
      auto along_dual = [&](const vector<Real>& xi) {
        const vector<Real> ambient = T * xi;
        const D2 t(twolayer::dual<Real>(Real(0), Real(1)), twolayer::dual<Real>(Real(1), Real(0)));
        matrix<D2> moved(d, M);
        for (int j = 0; j < M; ++j) {
          vector<D2> column(d);
          for (int i = 0; i < d; ++i)
            column(i) = D2(U(i, j)) + t * D2(ambient(j * d + i));
          moved.col(j) = column / column.norm();
        }
        return Real(twolayer::reduced_objective(moved, D2(tolerance)).value.derivative.derivative);
      };
      add<Real>("hessian_margin", "", M, d, "", "dual", digits, margin_of(polarised<Real>(n, along_dual), orbit));
      if (n <= 30) {
        const Real h = pow(Real(10), -(digits / 4));
        const Real phi0 = twolayer::reduced_objective(U, tolerance).value;
        auto along_differences = [&](const vector<Real>& xi) {
          const vector<Real> ambient = T * xi;
          auto at = [&](const Real& t) {
            matrix<Real> moved = U;
            for (int j = 0; j < M; ++j) {
              moved.col(j) += t * ambient.segment(j * d, d);
              moved.col(j).normalize();
            }
            return twolayer::reduced_objective(moved, tolerance).value;
          };
          return Real((at(h) - 2 * phi0 + at(Real(-h))) / (h * h));
        };
        add<Real>("hessian_margin", "", M, d, "", "finite_differences", digits,
                  // second differences with h = 10^(−p/4): truncation h² and rounding ε/h²
                  // are both 10^(−p/2), so about half the digits
                  margin_of(polarised<Real>(n, along_differences), orbit), digits / 2 + 4);
      }
    }
  }
}

}  // namespace twolayer::app::precision
