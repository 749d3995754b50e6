// The best M-node compression of a user's network f(x) = Σ_i a_i σ(<w_i, x>) under
// x ~ N(0, I_d) (docs/mathematics.md §2; no 1/N factor: the stored network is the target), with
// what a researcher needs to trust it:
//
//   search     multi-start Riemannian L-BFGS on the reduced loss Ψ in double
//              (study/compression_search.hpp), on the target scaled by
//              S = Σ_i |a_i| ‖w_i‖^h so that tolerances mean the same for any network;
//   polish     where M·d ≤ hessian_max_Md: the Hessian of Ψ at the best point by dual
//              numbers (optimize/hessian_by_duals.hpp) — its eigenvalues are the
//              second-order test, all negative for a strict local minimum of the loss — and
//              Newton steps in double; where M·d ≤ polish_max_Md also simplified Newton in
//              the working precision (optimize/fixed_hessian_newton.hpp);
//   loss       L = E[f²] − Ψ·S², E[f²] in the working precision for N up to a bound (O(N²)
//              kernel evaluations) and in double always: two routes, their agreement stated;
//   prediction (relu) the simplified objective for a target with the same expected
//              scaling factor A = Σ_i a_i ‖w_i‖ (F(x) = A c_d ‖x‖): min L~ = A² d c_d² (1 −
//              2π d c_d² Φ*), Φ* = Φ_ETF(M) for M ≤ d+1 (§3), else the best Φ found by a
//              multi-start search (no ETF exists; not proven optimal); and the distance of
//              the optimal directions from a simplex ETF, max_{j<k} |<v̂_j, v̂_k> + 1/(M−1)|.
//
// The compressed network is returned with unit first-layer rows (for a homogeneous σ only
// b_j ‖v_j‖^h is determined) and b = the optimal scales.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/check/critical_point.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/study/compression_search.hpp"
#include "twolayer/optimize/fixed_hessian_newton.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/objective/reduced_loss_hessian.hpp"
#include "twolayer/optimize/hessian_by_duals.hpp"
#include "twolayer/optimize/newton_polish.hpp"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <optional>

namespace twolayer {

struct compression_settings {
  compression_search_options search;
  int polish_max_Md = 256;          // polish in the working precision where M·d ≤ this
  int hessian_max_Md = 2048;        // second-order test and Newton in double where M·d ≤ this
  std::size_t exact_max_N = 2000;   // E[f²] in the working precision up to this N
  int max_polish_iterations = 30;
  int phi_restarts = 200;           // the search for Φ* when M > d+1 (relu)
  /// Progress messages ("searching", ...), when wanted.
  std::function<void(const std::string&)> stage;
};

template <class Real>
struct simplified_prediction {
  Real scaling_factor;    // A = Σ_i a_i ‖w_i‖
  Real second_moment;     // E[F²] = A² d c_d²
  Real phi;               // Φ*
  std::string phi_source; // how Φ* was obtained
  int phi_digits = 0;     // digits known of Φ*
  Real loss;              // min L~
  Real relative_loss;     // min L~ / E[F²] = 1 − 2π d c_d² Φ*
  Real gap;               // L − min L~
  Real relative_gap;      // L / E[f²] − min L~ / E[F²]
};

template <class Real>
struct compression_outcome {
  int N = 0, d = 0, M = 0;
  Real scale;                               // S = Σ_i |a_i| ‖w_i‖^h
  std::vector<compression_start> runs;      // every start, in order
  int best = -1;                            // index into runs

  matrix<Real> V;  // d × M, unit columns
  vector<Real> b;  // M

  Real psi;                      // Ψ at the optimum (unscaled)
  Real second_moment;            // E[f²], the more precise route
  std::string second_moment_route;
  double second_moment_double = 0;
  int second_moment_agreement = 0;  // digits the two routes agree on (working precision route present)
  int second_moment_digits = 0;     // digits known of E[f²]
  Real loss;                     // E[f²] − Ψ
  Real relative_loss;            // loss / E[f²]
  int loss_digits = 0;           // digits known of the loss (relative to itself)

  bool polished = false;
  fixed_hessian_polish<Real> polish;
  double double_gradient_norm = 0;  // after the double search and Newton steps
  int double_newton_steps = 0;
  vector<double> hessian_eigenvalues;  // of Ψ (normalised target) at the optimum, ascending
  std::string second_order = "not computed";  // the verdict in words (classify_critical_point)
  bool negative_loss_curvature = false;       // a direction along which the loss falls: not a minimum
  std::string second_order_at;         // where its Hessian was computed

  std::optional<simplified_prediction<Real>> prediction;
  std::optional<double> etf_distance;
};

namespace compression_detail {

template <class Real>
int digits_of(const Real& error, const Real& value)
{
  using std::abs;
  using std::log10;
  if (value == 0)
    return 0;
  if (error == 0)
    return std::numeric_limits<int>::max();
  const double digits = static_cast<double>(-log10(abs(error / value)));
  return std::isfinite(digits) ? std::max(0, static_cast<int>(std::floor(digits))) : 0;
}

template <class Real>
int agreeing(const Real& a, const Real& b)
{
  using std::abs;
  return digits_of(Real(abs(a - b)), b);
}

}  // namespace compression_detail

/// Compresses the network (a: N weights; W: d × N, the w_i as columns) to M neurons; Real
/// is the working precision (its current precision for a run-time MPFR type).
template <class Real, class Activation>
compression_outcome<Real> compress_network(const vector<double>& a, const matrix<double>& W,
                                           const Activation& sigma_double, const compression_settings& settings)
{
  using namespace compression_detail;
  using std::abs;
  using std::pow;
  constexpr int h = Activation::homogeneity;
  static_assert(h >= 0, "twolayer: compression needs a positively homogeneous activation");
  const auto stage = [&](const std::string& message) {
    if (settings.stage)
      settings.stage(message);
  };

  compression_outcome<Real> out;
  out.N = static_cast<int>(a.size());
  out.d = static_cast<int>(W.rows());
  out.M = settings.search.M;
  const int d = out.d;
  const int M = out.M;
  if (a.size() != W.cols() || a.size() == 0 || d == 0 || M < 1)
    throw std::invalid_argument("twolayer: compression needs N >= 1, d >= 1, M >= 1 and one weight per column of W");

  // The scale S = Σ |a_i| ‖w_i‖^h, a double, so that the target scaled by 1/S is the same
  // number in double and in the working precision.
  double scale = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    scale += std::abs(a(i)) * std::pow(W.col(i).norm(), h);
  if (!(scale > 0) || !std::isfinite(scale))
    throw std::invalid_argument("twolayer: the target network is zero (Σ |a_i| ‖w_i‖^h = 0) or overflows");
  out.scale = Real(scale);
  const vector<double> c = a / scale;
  const target_cross_term<double, Activation> target(c, W, sigma_double);

  stage("searching: " + std::to_string(settings.search.random_starts) + " random starts");
  out.runs = search_compressions(target, sigma_double, settings.search);
  out.best = best_compression(out.runs);
  if (out.best < 0)
    throw std::runtime_error("twolayer: every start of the search ended degenerate or diverged");
  const auto& found = out.runs[static_cast<std::size_t>(out.best)].run;

  // Second-order test and polish: the Hessian of Ψ by dual numbers, column by column
  // (optimize/hessian_by_duals.hpp), then Newton in double from the L-BFGS optimum, then,
  // where M·d is small enough, Newton in the working precision.
  const Real scale_squared = out.scale * out.scale;
  const auto sigma = activation::in_precision<Real>(sigma_double);
  const Real tolerance = Real(settings.search.lbfgs.singular_tolerance);
  std::optional<target_cross_term<Real, std::decay_t<decltype(sigma)>>> precise;
  const bool second_order = M * d <= settings.hessian_max_Md && d >= 2;
  const bool polish = second_order && M * d <= settings.polish_max_Md;
  matrix<double> U_double = found.U;
  std::optional<matrix<Real>> U_working;  // the directions in the working precision, once polished
  out.double_gradient_norm = found.gradient_norm;
  if (polish || out.N <= static_cast<int>(settings.exact_max_N))
    precise.emplace(vector<Real>(a.template cast<Real>() / out.scale), W.template cast<Real>(), sigma);  // a / S exactly
  if (second_order) {
    stage("second-order test: Hessian by dual numbers, " + std::to_string(M * (d - 1)) + " directions");
    using D = dual<double>;
    const auto sigma_dual = activation::in_precision<D>(sigma_double);
    const target_cross_term<D, std::decay_t<decltype(sigma_dual)>> dual_target(c.template cast<D>(), W.template cast<D>(), sigma_dual);
    const double singular = settings.search.lbfgs.singular_tolerance;
    std::optional<double_hessian> last;  // the Hessian at the latest point it was computed
    const auto hessian_at = [&](const matrix<double>& point) {
      double_hessian h;
      h.T = sphere_product::tangent_bases(point);
      h.H = reduced_loss_hessian_by_duals(target, dual_target, sigma_dual, point, h.T, singular);
      if (h.H.size() && h.H.allFinite())
        last = h;
      else if (last)
        return *last;  // undefined here (see below): the latest defined one serves Newton
      return h;
    };
    stage("Newton in double with that Hessian");
    const auto double_problem = finite_reduced_problem(target, sigma_double, singular);
    const auto refined = polish_with_fixed_hessian(double_problem, found.U, hessian_at,
                                                   64 * std::numeric_limits<double>::epsilon(), 10, 2);
    if (!refined.degenerate && refined.gradient_norms.back() < found.gradient_norm) {
      U_double = refined.U;
      out.double_gradient_norm = refined.gradient_norms.back();
      out.double_newton_steps = refined.iterations;
    }
    if (!last)
      hessian_at(U_double);  // the double search had already converged: no Newton step needed one
    if (!last) {
      out.second_order = "degenerate (coincident directions)";
    } else {
      matrix<Real> U = U_double.template cast<Real>();
      if (polish) {
        stage("polishing in the working precision");
        const auto problem = finite_reduced_problem(*precise, sigma, tolerance);
        const Real target_norm = pow(Real(10), -(decimal_digits<Real>() - 5));
        out.polish = polish_with_fixed_hessian(problem, U, hessian_at, target_norm, settings.max_polish_iterations);
        if (!out.polish.degenerate) {
          out.polished = true;
          U = out.polish.U;
        }
      }
      // The second-order test with the Hessian at the latest point (within the polish's
      // first step of the optimum); at a direction that meets a target neuron exactly (an
      // N = M target) the kernel is only C² and dual numbers give 0·∞ there: the latest
      // point where it was defined is used, and named.
      out.second_order_at = "the last Newton iterate where it is defined";
      const Eigen::SelfAdjointEigenSolver<matrix<double>> spectrum(last->H, Eigen::EigenvaluesOnly);
      out.hessian_eigenvalues = spectrum.eigenvalues();
      const double largest = out.hessian_eigenvalues.cwiseAbs().maxCoeff();
      const double zero = 1e-8 * largest;  // relative: the target is scaled to Σ|p_i| = 1
      // Ψ_N is maximised (the loss is E[f_N²] − Ψ_N) and has no continuous symmetry: no zero
      // mode is expected. A direction of negative loss curvature is named first, also where
      // zero modes exist as well: it is the way out of the point.
      const auto c = classify_critical_point(out.hessian_eigenvalues, zero, 0, optimisation_sense::maximise);
      out.negative_loss_curvature = c.positive > 0;
      out.second_order = c.type == critical_point_type::strict_local_max ? "strict local minimum of the loss"
                         : c.positive == 0 ? "degenerate (a zero curvature of the loss)"
                                           : "saddle (a direction of negative curvature of the loss)";
      if (out.polished)
        U_double = U.template cast<double>();
      U_working = U;
    }
  }
  const matrix<Real> U = U_working ? *U_working : matrix<Real>(U_double.template cast<Real>());

  // Ψ, the scales and the directions in the working precision.
  vector<Real> t;
  if (precise) {
    t = precise->values(U);
  } else {
    t = target.values(U_double).template cast<Real>();
  }
  // the scales s = G⁻¹t by the variable projection Ψ itself uses (objective/variable_projection.hpp)
  const auto projected = project_scales<Real>(angular_gram(sigma, U), &t, Real(0));
  if (projected.degenerate)
    throw std::runtime_error("twolayer: the compressed directions are degenerate (their Gram matrix is singular)");
  const vector<Real>& s = projected.scales;
  out.V = U;
  out.b = s * out.scale;
  out.psi = t.dot(s) * scale_squared;

  // E[f²] by two routes.
  stage("E[f^2]: " + std::to_string(static_cast<double>(out.N) * (out.N + 1) / 2) + " kernel evaluations in double");
  const double second_double = target.second_moment(settings.search.threads);
  const double second_double_other = target.second_moment(settings.search.threads, 97);
  out.second_moment_double = second_double * scale * scale;
  const double unit = std::numeric_limits<double>::epsilon();
  if (precise && out.N <= static_cast<int>(settings.exact_max_N)) {
    stage("E[f^2] in the working precision");
    out.second_moment = precise->second_moment(settings.search.threads) * scale_squared;
    out.second_moment_route = "working precision (double agrees to the stated digits)";
    out.second_moment_agreement = agreeing(Real(second_double), Real(out.second_moment / scale_squared));
    out.second_moment_digits = decimal_digits<Real>() - 1 -
                               static_cast<int>(std::ceil(std::log10(static_cast<double>(out.N) + 1)));
  } else {
    out.second_moment = Real(second_double) * scale_squared;
    out.second_moment_route = "double (N above the working-precision bound)";
    out.second_moment_agreement = agreeing(Real(second_double_other), Real(second_double));
    // The a priori bound of a blocked sum of N² terms with Σ|terms| ≤ κ(1) (Σ|p|)² = κ(1):
    // (2N + 512) u κ(1), against the digits two summation orders agree on.
    const double kappa_one = static_cast<double>(angular_kernel(sigma_double, angle<double>::zero()));
    const double bound = (2.0 * out.N + 512) * unit * kappa_one;
    out.second_moment_digits =
        std::min(out.second_moment_agreement, digits_of(Real(bound), Real(second_double)));
  }
  out.loss = out.second_moment - out.psi;
  out.relative_loss = out.loss / out.second_moment;

  // Digits of the loss: the error of E[f²] plus that of Ψ (for a polished optimum
  // ‖g‖²/|λ|min plus rounding; in double the L-BFGS gradient norm and rounding).
  {
    const Real second_error = abs(out.second_moment) * pow(Real(10), -out.second_moment_digits);
    Real psi_error;
    if (out.polished && out.hessian_eigenvalues.size() > 0) {
      const Real g = out.polish.gradient_norms.back();
      const Real curvature = Real(out.hessian_eigenvalues.cwiseAbs().minCoeff());
      psi_error = (g * g / curvature + pow(Real(10), -(decimal_digits<Real>() - 3)) * abs(t.dot(s))) *
                  scale_squared;
    } else if (out.hessian_eigenvalues.size() > 0) {
      const double g = out.double_gradient_norm;
      const double curvature = out.hessian_eigenvalues.cwiseAbs().minCoeff();
      psi_error = Real(g * g / curvature + 1024 * unit * (1 + std::abs(found.value))) * scale_squared;
    } else {
      psi_error = Real(found.gradient_norm + 64 * unit * (1 + std::abs(found.value))) * scale_squared;
    }
    out.loss_digits = digits_of(Real(second_error + psi_error), out.loss);
  }

  // ETF distance and the simplified prediction (relu).
  if (M >= 2 && M <= d + 1) {
    double distance = 0;
    for (int j = 0; j < M; ++j)
      for (int k = j + 1; k < M; ++k)
        distance = std::max(distance, std::abs(static_cast<double>(U.col(j).dot(U.col(k))) + 1.0 / (M - 1)));
    out.etf_distance = distance;
  }
  if constexpr (std::is_same_v<Activation, activation::relu>) {
    if (d >= 2) {
      simplified_prediction<Real> p;
      p.scaling_factor = 0;
      for (Eigen::Index i = 0; i < a.size(); ++i)
        p.scaling_factor += Real(a(i)) * vector<Real>(W.col(i).template cast<Real>()).norm();
      const Real cd = sphere_relu_mean<Real>(static_cast<unsigned>(d));
      const Real dcc = Real(d) * cd * cd;
      if (M <= d + 1) {
        p.phi = simplex_etf_phi<Real>(M);
        p.phi_source = "Phi_ETF(M), closed form (docs/mathematics.md section 3)";
        p.phi_digits = decimal_digits<Real>() - 2;
      } else {
        stage("Phi*: " + std::to_string(settings.phi_restarts) + " restarts of the reduced objective (no ETF: M > d+1)");
        multi_start_options phi_options;
        phi_options.seed = settings.search.seed;
        search_catalogue catalogue;
        run_restarts(phi_problem(phi_options.search.singular_tolerance), M, d, 0,
                     static_cast<std::uint64_t>(settings.phi_restarts), phi_options, catalogue,
                     settings.search.threads);
        const basin* top = catalogue.best();
        if (!top)
          throw std::runtime_error("twolayer: the search for Phi* found no optimum");
        const auto refined = newton_polish(phi_problem(tolerance), matrix<Real>(top->representative.template cast<Real>()),
                                           pow(Real(10), -(decimal_digits<Real>() - 5)), 30);
        p.phi = refined.degenerate ? Real(top->value) : refined.value;
        p.phi_digits = refined.converged ? decimal_digits<Real>() - 5 : 8;
        p.phi_source = "best Phi of " + std::to_string(settings.phi_restarts) +
                       " restarts, Newton-polished (no simplex ETF exists for M > d+1; not proven optimal)";
      }
      p.second_moment = p.scaling_factor * p.scaling_factor * dcc;
      p.relative_loss = 1 - 2 * pi<Real>() * dcc * p.phi;
      p.loss = p.second_moment * p.relative_loss;
      p.gap = out.loss - p.loss;
      p.relative_gap = out.relative_loss - p.relative_loss;
      out.prediction = p;
    }
  }
  return out;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, Activation)                                       \
  EXTERN template compression_outcome<Real> compress_network(const vector<double>&, const matrix<double>&, \
                                                             const Activation&, const compression_settings&);
// Every positively homogeneous activation of the registry (the ones the pipeline supports).
#define TWOLAYER_INSTANCES_COMPRESSION(EXTERN, Real)                                 \
  TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, activation::relu)                 \
  TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, activation::step)                 \
  TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, activation::absolute)             \
  TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, activation::leaky_relu<double>)   \
  TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, activation::linear)               \
  TWOLAYER_INSTANCE_COMPRESS_NETWORK(EXTERN, Real, activation::quadratic)
TWOLAYER_EXTERN_DYNAMIC_INSTANCES(TWOLAYER_INSTANCES_COMPRESSION)

}  // namespace twolayer
