// Eigen 3.4 with every multiprecision type (project NumTraits, numeric/eigen_traits.hpp):
// the symmetric eigensolver that Boost 1.74's own Eigen support cannot compile, applied
// to kernel Gram matrices, which must be positive semidefinite; Cholesky on intervals.
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/numeric/interval_linear_algebra.hpp"
#include "random_matrices.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <catch2/catch.hpp>

#include <string>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_eigen {

using namespace twolayer;
namespace act = twolayer::activation;

namespace {

template <class Real, class Activation>
matrix<Real> gram(const Activation& sigma, const matrix<Real>& v)
{
  matrix<Real> g(v.cols(), v.cols());
  for (int i = 0; i < v.cols(); ++i)
    for (int j = 0; j < v.cols(); ++j)
      g(i, j) = closed_form_kernel(sigma, v.col(i), v.col(j));
  return g;
}

// Templated on Real alone (the activation enters through the matrix): one eigensolver check per
// scalar type, not one per (type, activation) pair — a fifth of the test's compile time.
template <class Real>
void check_positive_semidefinite(const std::string& name, const matrix<Real>& g)
{
  Eigen::SelfAdjointEigenSolver<matrix<Real>> solver(g);
  REQUIRE(solver.info() == Eigen::Success);
  const Real epsilon = Eigen::NumTraits<Real>::epsilon();
  const Real scale = solver.eigenvalues().cwiseAbs().maxCoeff();
  INFO(name << ": smallest eigenvalue " << solver.eigenvalues().minCoeff());
  CHECK(solver.eigenvalues().minCoeff() >= -1000 * epsilon * scale);
  const matrix<Real> rebuilt = solver.eigenvectors() * solver.eigenvalues().asDiagonal() *
                               solver.eigenvectors().transpose();
  CHECK((rebuilt - g).norm() <= 1000 * epsilon * scale);
}

template <class Real>
void check_all_kernels()
{
  const matrix<Real> v = testing::gaussian_matrix<Real>(5, 8, 11);
  check_positive_semidefinite<Real>(act::relu::name(), gram<Real>(act::relu{}, v));
  check_positive_semidefinite<Real>(act::step::name(), gram<Real>(act::step{}, v));
  check_positive_semidefinite<Real>(act::absolute::name(), gram<Real>(act::absolute{}, v));
  check_positive_semidefinite<Real>(act::erf::name(), gram<Real>(act::erf{}, v));
  check_positive_semidefinite<Real>(act::quadratic::name(), gram<Real>(act::quadratic{}, v));
}

}  // namespace

TEST_CASE("kernel Gram matrices are PSD: mpfr50", "[eigen]") { check_all_kernels<mpfr50>(); }
TEST_CASE("kernel Gram matrices are PSD: cpp_bin_float_50", "[eigen]") { check_all_kernels<bin50>(); }
TEST_CASE("kernel Gram matrices are PSD: run-time mpfr, 60 digits", "[eigen]")
{
  scoped_precision precision(60);
  check_all_kernels<mpfr_dynamic>();
}
TEST_CASE("kernel Gram matrices are PSD: double", "[eigen]") { check_all_kernels<double>(); }

TEST_CASE("the PSD check can fail: a non-kernel matrix is caught", "[eigen]")
{
  matrix<mpfr50> g(2, 2);
  g << 1, 2, 2, 1;  // eigenvalues 3 and −1
  Eigen::SelfAdjointEigenSolver<matrix<mpfr50>> solver(g);
  CHECK(solver.eigenvalues().minCoeff() < -mpfr50("0.5"));
}

TEST_CASE("Cholesky and products on MPFI intervals", "[eigen]")
{
  const matrix<mpfr50> v = testing::gaussian_matrix<mpfr50>(5, 4, 3);
  const matrix<mpfr50> g = gram<mpfr50>(act::relu{}, v) + matrix<mpfr50>::Identity(4, 4);
  matrix<interval50> gi = g.cast<interval50>();
  Eigen::LLT<matrix<interval50>> llt(gi);
  const matrix<interval50> l = llt.matrixL();
  const matrix<interval50> product = l * l.transpose();
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      CHECK(boost::multiprecision::lower(product(i, j)) <= g(i, j));
      CHECK(g(i, j) <= boost::multiprecision::upper(product(i, j)));
    }
}

TEST_CASE("identity_defect encloses the infinity norm of X'X - I", "[eigen]")
{
  // 1.1 I: X'X - I = 0.21 I, every row sum 0.21 (a second route: the exact value)
  const matrix<interval50> scaled = matrix<interval50>::Identity(3, 3) * interval50(11) / interval50(10);
  const interval50 defect = identity_defect(matrix<interval50>(scaled.transpose() * scaled));
  const mpfr50 exact = mpfr50(21) / 100;
  CHECK(boost::multiprecision::lower(defect) <= exact);
  CHECK(exact <= boost::multiprecision::upper(defect));
  // an orthonormal basis from a QR factorisation: the defect is rounding only
  const matrix<mpfr50> q = Eigen::HouseholderQR<matrix<mpfr50>>(testing::gaussian_matrix<mpfr50>(4, 4, 9)).householderQ();
  const matrix<interval50> qi = q.cast<interval50>();
  CHECK(boost::multiprecision::upper(identity_defect(matrix<interval50>(qi.transpose() * qi))) < pow(mpfr50(10), -40));
  // two equal columns are not a basis: the defect is not provably below 1
  matrix<interval50> dependent = matrix<interval50>::Identity(3, 2);
  dependent.col(1) = dependent.col(0);
  CHECK_FALSE(boost::multiprecision::upper(identity_defect(matrix<interval50>(dependent.transpose() * dependent))) < mpfr50(1));
}

}  // namespace unit_eigen
