// The finite objective L_N and the simplified objective L~ (docs/mathematics.md §2): the formulas
// themselves against a Monte Carlo estimate and a direct quadrature of E_x[(f_N − g)²],
// L~ at the simplex ETF against docs/mathematics.md §3's closed form, and both gradients against
// sixth-order finite differences at 50 digits and against dual numbers.
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/objective/finite_objective.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/objective/simplified_objective.hpp"
#include "random_matrices.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_objectives {

using namespace twolayer;
using namespace twolayer::testing;
using R = mpfr50;
namespace constants = boost::math::constants;

namespace {

/// Directional derivative of a scalar function of (b, V) by the sixth-order central stencil.
template <class F>
R directional_derivative(const F& f, const vector<R>& b, const matrix<R>& V,
                         const vector<R>& db, const matrix<R>& dV)
{
  const R h = pow(R(10), -7);
  auto at = [&](int steps) { return f(vector<R>(b + steps * h * db), matrix<R>(V + steps * h * dV)); };
  return (45 * (at(1) - at(-1)) - 9 * (at(2) - at(-2)) + (at(3) - at(-3))) / (60 * h);
}

/// A random point (b, V) and direction (db, dV) for a target (a, W), from one seed.
struct gradient_case {
  vector<R> a;
  matrix<R> W;
  vector<R> b, db;
  matrix<R> V, dV;

  gradient_case(int N, int d, int M, std::uint64_t seed)
      : a(gaussian_vector<R>(N, seed)), W(gaussian_matrix<R>(d, N, seed + 1)),
        b(gaussian_vector<R>(M, seed + 2)), db(gaussian_vector<R>(M, seed + 3)),
        V(gaussian_matrix<R>(d, M, seed + 4)), dV(gaussian_matrix<R>(d, M, seed + 5))
  {
  }
};

/// Checks the analytic gradient of an objective in (b, V) along (db, dV) against two
/// independent routes: the sixth-order finite difference (30 digits) and the same
/// objective's code run on dual numbers, which differentiates itself (45 digits).
template <class Objective, class DualObjective>
void check_gradient(const Objective& objective, const DualObjective& dual_objective,
                    const std::string& name, const gradient_case& c)
{
  using D = dual<R>;
  vector<R> grad_b;
  matrix<R> grad_V;
  objective.gradient(c.b, c.V, grad_b, grad_V);
  const R analytic = grad_b.dot(c.db) + (grad_V.array() * c.dV.array()).sum();
  const R numeric = directional_derivative(
      [&](const vector<R>& bb, const matrix<R>& VV) { return objective.value(bb, VV); }, c.b, c.V,
      c.db, c.dV);
  vector<D> b_dual(c.b.size());
  matrix<D> V_dual(c.V.rows(), c.V.cols());
  for (Eigen::Index j = 0; j < c.b.size(); ++j) {
    b_dual(j) = D(c.b(j), c.db(j));
    for (Eigen::Index k = 0; k < c.V.rows(); ++k)
      V_dual(k, j) = D(c.V(k, j), c.dV(k, j));
  }
  const R by_dual = dual_objective.value(b_dual, V_dual).derivative;
  INFO(name << ": analytic " << analytic << ", finite differences " << numeric << ", dual " << by_dual);
  CHECK(agreeing_digits(numeric, analytic) >= 30);
  CHECK(agreeing_digits(by_dual, analytic) >= 45);
}

/// Monte Carlo estimate of E_x[(f_N(x) − g(x))²] with its standard error, in double.
template <class Activation>
std::pair<double, double> monte_carlo_loss(const Activation& sigma, const vector<double>& a,
                                           const matrix<double>& W, const vector<double>& b,
                                           const matrix<double>& V, int samples,
                                           std::uint64_t seed)
{
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  double mean = 0, m2 = 0;
  vector<double> x(W.rows());
  for (int s = 1; s <= samples; ++s) {
    for (Eigen::Index i = 0; i < x.size(); ++i)
      x(i) = normal(engine);
    double residual = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
      residual += a(i) * sigma(double(W.col(i).dot(x))) / double(a.size());
    for (Eigen::Index j = 0; j < b.size(); ++j)
      residual -= b(j) * sigma(double(V.col(j).dot(x)));
    const double value = residual * residual;
    const double delta = value - mean;
    mean += delta / s;
    m2 += delta * (value - mean);
  }
  return {mean, std::sqrt(m2 / (samples - 1) / samples)};
}

}  // namespace

TEST_CASE("L_N equals a Monte Carlo estimate of E[(f_N - g)^2] (N = 7, d = 3)", "[objectives]")
{
  const int N = 7, d = 3, M = 2;
  const vector<double> a = gaussian_vector<double>(N, 1);
  const matrix<double> W = gaussian_matrix<double>(d, N, 2) / std::sqrt(d);
  const vector<double> b = gaussian_vector<double>(M, 3);
  const matrix<double> V = gaussian_matrix<double>(d, M, 4);
  const double exact = finite_relu_objective<double>(a, W).value(b, V);
  const auto [mean, standard_error] = monte_carlo_loss(activation::relu{}, a, W, b, V, 400000, 5);
  INFO("L_N = " << exact << ", Monte Carlo " << mean << " +- " << standard_error);
  CHECK(std::abs(mean - exact) <= 4 * standard_error);
}

TEST_CASE("L_N equals a direct quadrature of E[(f_N - g)^2] in d = 2 (>= 30 digits)", "[objectives]")
{
  // x = r e_t: (f_N − g)(x) = r h(t), and ∫ r² · r e^{−r²/2} dr = 2, so the loss is
  // (1/π) ∫_0^{2π} h(t)² dt, split where some <z, e_t> changes sign.
  const int N = 7, d = 2, M = 3;
  const vector<R> a = gaussian_vector<R>(N, 11);
  const matrix<R> W = gaussian_matrix<R>(d, N, 12);
  const vector<R> b = gaussian_vector<R>(M, 13);
  const matrix<R> V = gaussian_matrix<R>(d, M, 14);
  const R exact = finite_relu_objective<R>(a, W).value(b, V);

  auto h = [&](const R& t) {
    const R c = cos(t), s = sin(t);
    R value = 0;
    for (int i = 0; i < N; ++i)
      value += a(i) * std::max(R(0), R(W(0, i) * c + W(1, i) * s)) / N;
    for (int j = 0; j < M; ++j)
      value -= b(j) * std::max(R(0), R(V(0, j) * c + V(1, j) * s));
    return R(value * value);
  };
  std::vector<R> cuts{R(0), constants::two_pi<R>()};
  auto add_cuts = [&](const matrix<R>& Z) {
    for (int i = 0; i < Z.cols(); ++i)
      for (const R& t : {R(atan2(Z(1, i), Z(0, i)) + constants::half_pi<R>()),
                         R(atan2(Z(1, i), Z(0, i)) - constants::half_pi<R>())}) {
        R wrapped = t < 0 ? R(t + constants::two_pi<R>()) : t;
        if (wrapped >= constants::two_pi<R>())
          wrapped -= constants::two_pi<R>();
        cuts.push_back(wrapped);
      }
  };
  add_cuts(W);
  add_cuts(V);
  std::sort(cuts.begin(), cuts.end());
  const quadrature_rules<R> rules;
  R integral = 0;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
    if (cuts[i + 1] > cuts[i])
      integral += rules.finite(h, cuts[i], cuts[i + 1]);
  const R by_quadrature = integral / constants::pi<R>();
  INFO("L_N = " << exact << ", quadrature " << by_quadrature);
  CHECK(agreeing_digits(by_quadrature, exact) >= 30);
}

TEST_CASE("a target that is already an M-node network is compressed with loss 0", "[objectives]")
{
  const int N = 4, d = 3;
  const vector<R> a = gaussian_vector<R>(N, 21);
  const matrix<R> W = gaussian_matrix<R>(d, N, 22);
  const finite_relu_objective<R> objective(a, W);
  CHECK(abs(objective.value(vector<R>(a / N), W)) < pow(R(10), -45));
}

TEST_CASE("L~ at the simplex ETF with s* equals a^2 d c^2 (1 - 2 pi d c^2 Phi_ETF)", "[objectives]")
{
  const R alpha = R(13) / 10;
  for (auto [M, d] : std::vector<std::pair<int, int>>{{2, 2}, {3, 2}, {4, 3}, {5, 4}, {5, 7}}) {
    const simplified_relu_objective<R> objective(alpha, d);
    const matrix<R> U = simplex_etf<R>(M, d);
    const auto reduced = reduced_objective(U, pow(R(10), -40));
    // s* = 2π α d c² K̂⁻¹1, carried by the norms (b = 1): v_j = s*_j u_j
    const vector<R> scales = 2 * constants::pi<R>() * objective.cross_coefficient() * reduced.scales;
    matrix<R> V = U;
    for (int j = 0; j < M; ++j)
      V.col(j) *= scales(j);
    const R c = sphere_relu_mean<R>(d);
    const R expected = alpha * alpha * d * c * c *
                       (1 - 2 * constants::pi<R>() * d * c * c * simplex_etf_phi<R>(M));
    INFO("M = " << M << ", d = " << d);
    CHECK(agreeing_digits(objective.value(vector<R>::Ones(M), V), expected) >= 45);
  }
}

TEST_CASE("gradients of L_N and L~ = finite differences (>= 30 digits) = dual numbers (>= 45)", "[objectives]")
{
  using D = dual<R>;
  const gradient_case c(9, 4, 3, 31);
  check_gradient(finite_relu_objective<R>(c.a, c.W), finite_relu_objective<D>(c.a.cast<D>(), c.W.cast<D>()),
                 "L_N", c);
  check_gradient(simplified_relu_objective<R>(R(11) / 10, 4), simplified_relu_objective<D>(D(R(11) / 10), 4),
                 "L~", c);
}

TEST_CASE("simplified target of leaky relu and abs: E[F^2] = a^2 E[kappa(<u,u'>)] (>= 45 digits)",
          "[objectives]")
{
  // From the definition F(x) = E_w[a σ(<w,x>)]: E[F²] = α² E_{u,u'}[K(u,u')] over
  // independent uniform directions, by quadrature over the law of <u,u'>; the simplified
  // objective's constant α² d μ_σ² must equal it.
  const quadrature_rules<R> rules;
  const R alpha = R(9) / 10;
  auto check = [&](const auto& sigma) {
    for (unsigned d : {2u, 3u, 6u}) {
      const simplified_objective<R, std::decay_t<decltype(sigma)>> objective(alpha, d, sigma);
      const R by_quadrature =
          alpha * alpha *
          sphere_marginal_mean<R>(
              d, [&](const R& t) { return angular_kernel(sigma, angle<R>::from_cosine(t)); }, rules);
      INFO(sigma.name() << ", d = " << d);
      CHECK(agreeing_digits(objective.constant_term(), by_quadrature) >= 45);
    }
  };
  check(activation::relu{});
  check(activation::leaky_relu<R>{R(1) / 5});
  check(activation::absolute{});
}

TEST_CASE("gradients for leaky relu and abs = finite differences = dual numbers", "[objectives]")
{
  using D = dual<R>;
  const gradient_case c(6, 3, 2, 41);
  const activation::leaky_relu<R> leaky{R(-3) / 10};
  const activation::leaky_relu<D> leaky_dual{D(R(-3) / 10)};
  check_gradient(finite_objective<R, activation::leaky_relu<R>>(c.a, c.W, true, leaky),
                 finite_objective<D, activation::leaky_relu<D>>(c.a.cast<D>(), c.W.cast<D>(), true, leaky_dual),
                 "L_N leaky", c);
  check_gradient(simplified_objective<R, activation::leaky_relu<R>>(R(1), 3, leaky),
                 simplified_objective<D, activation::leaky_relu<D>>(D(1), 3, leaky_dual), "L~ leaky", c);
  check_gradient(finite_objective<R, activation::absolute>(c.a, c.W),
                 finite_objective<D, activation::absolute>(c.a.cast<D>(), c.W.cast<D>()), "L_N abs", c);
  check_gradient(simplified_objective<R, activation::absolute>(R(1), 3),
                 simplified_objective<D, activation::absolute>(D(1), 3), "L~ abs", c);
}

TEST_CASE("L_N for a smooth activation (erf) equals Monte Carlo", "[objectives]")
{
  const int N = 5, d = 3, M = 2;
  const vector<double> a = gaussian_vector<double>(N, 51);
  const matrix<double> W = gaussian_matrix<double>(d, N, 52);
  const vector<double> b = gaussian_vector<double>(M, 53);
  const matrix<double> V = gaussian_matrix<double>(d, M, 54);
  const double exact = finite_objective<double, activation::erf>(a, W).value(b, V);
  const auto [mean, standard_error] = monte_carlo_loss(activation::erf{}, a, W, b, V, 200000, 55);
  INFO("L_N = " << exact << ", Monte Carlo " << mean << " +- " << standard_error);
  CHECK(std::abs(mean - exact) <= 4 * standard_error);
}

}  // namespace unit_objectives
