// twolayer-compress's pieces: the .npy and CSV readers (round trips, float32, Fortran order,
// format 2.0, and every malformed file rejected with a message), the angular kernels of
// step and quadratic against their closed forms, the Hessian by dual numbers against
// differences of the gradient, and the compression itself: an N = M network compressed with
// loss 0 to 30 digits, the loss against the direct finite objective, the result the same on
// 1 and 2 threads, and a network sampled from the isotropic Gaussian law approaching the
// simplified prediction as N grows.
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/io/network_file.hpp"
#include "twolayer/model/target_law.hpp"
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/objective/finite_objective.hpp"
#include "twolayer/study/compression.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_compress {

using namespace twolayer;
using R = mpfr50;

namespace {

struct temporary_directory {
  std::filesystem::path path;
  temporary_directory()
  {
    path = std::filesystem::temp_directory_path() /
           ("twolayer_test_compress_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~temporary_directory()
  {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  static int& counter()
  {
    static int c = 0;
    return c;
  }
  std::filesystem::path write(const std::string& name, const std::string& bytes) const
  {
    std::ofstream out(path / name, std::ios::binary);
    out << bytes;
    return path / name;
  }
};

/// A .npy file by hand: any header text, any version, any data bytes.
std::string npy_file(const std::string& header, const std::string& data, int major = 1)
{
  std::string padded = header;
  const std::size_t prefix = major == 1 ? 10 : 12;
  padded.append((64 - (prefix + padded.size() + 1) % 64) % 64, ' ');
  padded += '\n';
  std::string bytes = "\x93NUMPY";
  bytes += static_cast<char>(major);
  bytes += '\0';
  const std::size_t n = padded.size();
  bytes += static_cast<char>(n & 0xff);
  bytes += static_cast<char>((n >> 8) & 0xff);
  if (major != 1) {
    bytes += static_cast<char>((n >> 16) & 0xff);
    bytes += static_cast<char>((n >> 24) & 0xff);
  }
  return bytes + padded + data;
}

template <class T>
std::string raw(const std::vector<T>& values)
{
  std::string bytes(values.size() * sizeof(T), '\0');
  std::memcpy(bytes.data(), values.data(), bytes.size());  // this machine is little-endian
  return bytes;
}

std::string rejection(const std::filesystem::path& path)
{
  try {
    io::read_numeric_array(path);
  } catch (const io::input_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("npy: written and read back, float32, Fortran order and format 2.0", "[compress][io]")
{
  temporary_directory dir;
  const std::vector<double> values{1.5, -2.25, 3e-300, 4.0, 5.0, 6.0};
  const auto written = dir.write("m.npy", io::npy_bytes({2, 3}, values));
  const auto m = io::read_numeric_array(written);
  CHECK(m.shape == std::vector<std::size_t>{2, 3});
  CHECK(m.values == values);

  const auto single = dir.write(
      "f4.npy", npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", raw(std::vector<float>{0.5f, -1.25f, 3.0f})));
  CHECK(io::read_numeric_array(single).values == std::vector<double>{0.5, -1.25, 3.0});

  // Fortran order stores columns: (2, 3) with columns (1,4), (2,5), (3,6).
  const auto fortran = dir.write(
      "fortran.npy", npy_file("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                              raw(std::vector<double>{1, 4, 2, 5, 3, 6})));
  CHECK(io::read_numeric_array(fortran).values == std::vector<double>{1, 2, 3, 4, 5, 6});

  const auto version2 = dir.write(
      "v2.npy", npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", raw(std::vector<double>{7, 8}), 2));
  CHECK(io::read_numeric_array(version2).values == std::vector<double>{7, 8});
}

TEST_CASE("npy and CSV: every malformed file is rejected with a message that says why", "[compress][io]")
{
  temporary_directory dir;
  const std::string good = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
  const std::string four = raw(std::vector<double>{1, 2, 3, 4});
  struct bad_case {
    std::string name, bytes, expected;
  };
  const std::vector<bad_case> cases{
      {"truncated.npy", npy_file(good, four.substr(0, 20)), "truncated .npy data"},
      {"long.npy", npy_file(good, four + "xx"), "longer than shape"},
      {"header.npy", npy_file(good, four).substr(0, 30), "truncated .npy header"},
      {"big_endian.npy", npy_file("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 2), }", four), "'>f8' is not supported"},
      {"integers.npy", npy_file("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }", four), "'<i8' is not supported"},
      {"three_d.npy", npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 2), }", four), "3 dimensions"},
      {"shape.npy", npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (2, x), }", four), "not a whole number"},
      {"order.npy", npy_file("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2, 2), }", four), "neither True nor False"},
      {"no_shape.npy", npy_file("{'descr': '<f8', 'fortran_order': False, }", four), "no 'shape' entry"},
      {"structured.npy", npy_file("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", four), "not supported"},
      {"version.npy", npy_file(good, four, 7), "unsupported .npy format version 7"},
      {"text.csv", "1,2\n3,x\n", "'x' is not a number"},
      {"ragged.csv", "1,2\n3\n", "1 entries where the first row has 2"},
      {"empty_entry.csv", "1,,2\n", "entry 2 is empty"},
      {"header.csv", "a,b\n1,2\n", "'a' is not a number"},
      {"nothing.csv", "# only a comment\n\n", "holds no numbers"},
      {"huge.csv", "1e999\n", "out of the range of double"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const std::string message = rejection(dir.write(c.name, c.bytes));
    CHECK(message.find(c.expected) != std::string::npos);
    CHECK(message.find(c.name) != std::string::npos);  // the message names the file
  }
  CHECK(rejection(dir.path / "missing.npy").find("no such file") != std::string::npos);
}

TEST_CASE("network files: shapes, NaN, Inf, mismatched N and a transposed W are rejected", "[compress][io]")
{
  temporary_directory dir;
  const auto a3 = dir.write("a3.csv", "1\n2\n3\n");
  const auto a_row = dir.write("a_row.csv", "1,2,3\n");
  const auto W32 = dir.write("W32.csv", "1,0\n0,1\n1,1\n");
  const auto W23 = dir.write("W23.csv", "1,0,1\n0,1,1\n");
  const auto W42 = dir.write("W42.csv", "1,0\n0,1\n1,1\n2,2\n");
  const auto a_nan = dir.write("a_nan.csv", "1\nnan\n3\n");
  const auto W_inf = dir.write("W_inf.csv", "1,0\n0,inf\n1,1\n");
  const auto a_matrix = dir.write("a_matrix.csv", "1,2\n3,4\n");

  const auto net = io::read_network(a3, W32);
  CHECK(net.a.size() == 3);
  CHECK(net.W.rows() == 2);
  CHECK(net.W(1, 2) == 1.0);
  CHECK(io::read_network(a_row, W32).a(2) == 3.0);  // (1, N) is accepted

  auto message = [](const auto& a, const auto& W) {
    try {
      io::read_network(a, W);
    } catch (const io::input_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(message(a3, W23).find("looks transposed") != std::string::npos);
  CHECK(message(a3, W42).find("N differs between a (3 entries") != std::string::npos);
  CHECK(message(a_nan, W32).find("entry (1, 0) is NaN") != std::string::npos);
  CHECK(message(a3, W_inf).find("entry (1, 1) is infinite") != std::string::npos);
  CHECK(message(a_matrix, W32).find("expected (N,), (N, 1) or (1, N)") != std::string::npos);
}

TEST_CASE("angular kernels of step and quadratic equal their closed forms", "[compress][kernel]")
{
  const auto U = testing::random_unit_columns<R>(5, 2, 11);
  const R scale_u = R(3) / 2;
  const R scale_v = R(7) / 10;
  const vector<R> u = scale_u * U.col(0);
  const vector<R> v = scale_v * U.col(1);
  const auto a = angle<R>::between(U.col(0), U.col(1));
  CHECK(agreeing_digits(R(angular_kernel(activation::step{}, a)), closed_form_kernel(activation::step{}, u, v)) >= 48);
  CHECK(agreeing_digits(R(scale_u * scale_u * scale_v * scale_v * angular_kernel(activation::quadratic{}, a)),
                        closed_form_kernel(activation::quadratic{}, u, v)) >= 48);
  // κ' against a central difference in ρ.
  const R h = R(1) / R(1000000000000LL);
  const R rho = a.cosine;
  for (int which = 0; which < 2; ++which) {
    auto kappa = [&](const R& r) {
      const auto b = angle<R>::from_cosine(r);
      return which == 0 ? angular_kernel(activation::step{}, b) : angular_kernel(activation::quadratic{}, b);
    };
    const R difference = (kappa(rho + h) - kappa(rho - h)) / (2 * h);
    const R derivative = which == 0 ? angular_kernel_derivative(activation::step{}, a)
                                    : angular_kernel_derivative(activation::quadratic{}, a);
    CHECK(agreeing_digits(difference, derivative) >= 20);
  }
}

TEST_CASE("the Hessian by dual numbers equals central differences of the Riemannian gradient", "[compress][hessian]")
{
  const int d = 4, M = 3, N = 40;
  const auto target_net = sample_target(target_law{entry_law::gaussian}, d, N, 5);
  const vector<R> c = target_net.a.cast<R>() / R(N);
  const matrix<R> W = target_net.W.cast<R>();
  const target_cross_term<R> target(c, W);
  const target_cross_term<dual<R>> dual_target(c.cast<dual<R>>(), W.cast<dual<R>>());
  const R tolerance = R(1) / R(1000000000000LL);
  const auto problem = finite_reduced_problem(target, activation::relu{}, tolerance);
  const auto dual_problem = finite_reduced_problem(dual_target, activation::relu{}, dual<R>(tolerance));
  const matrix<R> U = testing::random_unit_columns<R>(d, M, 3);
  const matrix<R> T = sphere_product::tangent_bases(U);
  const matrix<R> H = riemannian_hessian_by_duals(dual_problem, U, T);
  REQUIRE(H.rows() == M * (d - 1));
  // Column k by differences of the gradient along the retraction, projected at U.
  const R h = R(1) / R(100000000000000000LL);  // 1e-17: error h² = 1e-34
  for (Eigen::Index k = 0; k < T.cols(); ++k) {
    const matrix<R> xi = Eigen::Map<const matrix<R>>(vector<R>(T.col(k)).data(), d, M);
    const auto plus = problem(sphere_product::retract(U, matrix<R>(h * xi)));
    const auto minus = problem(sphere_product::retract(U, matrix<R>(-h * xi)));
    const matrix<R> difference = sphere_product::project(U, matrix<R>((plus.gradient - minus.gradient) / (2 * h)));
    const vector<R> column = T.transpose() * Eigen::Map<const vector<R>>(difference.data(), difference.size());
    for (Eigen::Index i = 0; i < column.size(); ++i)
      CHECK(abs(column(i) - H(i, k)) < R(1e-28) * H.cwiseAbs().maxCoeff());
  }
}

TEST_CASE("the column-by-column Hessian of the reduced loss equals the generic one by dual numbers", "[compress][hessian]")
{
  const int d = 5, M = 4, N = 30;
  const auto net = sample_target(target_law{entry_law::uniform}, d, N, 9);
  const vector<R> c = net.a.cast<R>() / R(N);
  const matrix<R> W = net.W.cast<R>();
  const target_cross_term<R> target(c, W);
  const target_cross_term<dual<R>> dual_target(c.cast<dual<R>>(), W.cast<dual<R>>());
  const R tolerance = R(1) / R(1000000000000LL);
  const auto dual_problem = finite_reduced_problem(dual_target, activation::relu{}, dual<R>(tolerance));
  const matrix<R> U = testing::random_unit_columns<R>(d, M, 21);
  const matrix<R> T = sphere_product::tangent_bases(U);
  const matrix<R> generic = riemannian_hessian_by_duals(dual_problem, U, T);
  const matrix<R> by_columns = reduced_loss_hessian_by_duals(target, dual_target, activation::relu{}, U, T, tolerance);
  REQUIRE(generic.rows() == M * (d - 1));
  REQUIRE(by_columns.rows() == generic.rows());
  const R largest = generic.cwiseAbs().maxCoeff();
  INFO("largest difference " << (generic - by_columns).cwiseAbs().maxCoeff() << " of " << largest);
  CHECK((generic - by_columns).cwiseAbs().maxCoeff() < R(1e-45) * largest);
}

TEST_CASE("a network that already has M neurons is compressed with loss 0 to 30 digits", "[compress]")
{
  // Random signs of a: the target is not any law's typical network.
  const int d = 5, M = 3;
  const auto net = sample_target(target_law{entry_law::gaussian}, d, M, 17);
  vector<double> a(M);
  a << 1.5, -0.75, 2.0;
  compression_settings settings;
  settings.search.M = M;
  settings.search.random_starts = 8;
  settings.search.target_start = false;  // the search must find the target's own neurons
  scoped_precision precision(50);
  const auto result = compress_network<mpfr_dynamic>(a, net.W, activation::relu{}, settings);
  REQUIRE(result.polished);
  CHECK(result.polish.converged);
  CHECK(result.second_order == "strict local minimum of the loss");
  INFO("loss " << result.loss << ", E[f^2] " << result.second_moment);
  CHECK(abs(result.loss) < mpfr_dynamic(1e-30) * result.second_moment);
  // The compressed neurons are the target's, up to order: b_j v_j = a_i w_i.
  for (int i = 0; i < M; ++i) {
    bool matched = false;
    for (int j = 0; j < M; ++j) {
      const vector<mpfr_dynamic> difference =
          result.b(j) * result.V.col(j) - mpfr_dynamic(a(i)) * net.W.col(i).cast<mpfr_dynamic>();
      matched = matched || difference.norm() < mpfr_dynamic(1e-30);
    }
    CHECK(matched);
  }
}

TEST_CASE("the compression's loss equals the finite objective at (b, V), and threads change nothing", "[compress]")
{
  const int d = 4, M = 3, N = 60;
  const auto net = sample_target(target_law{entry_law::rademacher}, d, N, 23);
  compression_settings settings;
  settings.search.M = M;
  settings.search.random_starts = 6;
  scoped_precision precision(50);
  settings.search.threads = 1;
  const auto one = compress_network<mpfr_dynamic>(net.a, net.W, activation::relu{}, settings);
  settings.search.threads = 2;
  const auto two = compress_network<mpfr_dynamic>(net.a, net.W, activation::relu{}, settings);
  CHECK(one.V == two.V);
  CHECK(one.b == two.b);
  CHECK(one.loss == two.loss);

  // Second route: L_N of the stored network (a, W) at (b, V), per-pair compressed term.
  const finite_objective<mpfr_dynamic> direct(net.a.cast<mpfr_dynamic>() * mpfr_dynamic(N),
                                              net.W.cast<mpfr_dynamic>());
  const mpfr_dynamic loss = direct.value(one.b, one.V);
  INFO("reduced route " << one.loss << ", direct " << loss);
  CHECK(agreeing_digits(loss, one.loss) >= 40);
  CHECK(one.loss_digits >= 40);
}

TEST_CASE("a network sampled from the isotropic Gaussian law approaches the simplified prediction", "[compress]")
{
  // The relative gap between the best compression and the mean-field prediction shrinks as
  // N grows (about as N^(-1/2): the gap report measures the rate); averaged over seeds.
  const int d = 4, M = 3;
  compression_settings settings;
  settings.search.M = M;
  settings.search.random_starts = 4;
  settings.exact_max_N = 0;  // E[f²] in double: enough for a gap of 1e-3
  settings.polish_max_Md = 0;
  std::vector<double> mean_gap;
  scoped_precision precision(30);
  for (std::size_t N : {100u, 1000u, 10000u}) {
    double sum = 0;
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const auto net = sample_target(target_law{entry_law::gaussian}, d, N, seed);
      const auto result = compress_network<mpfr_dynamic>(net.a, net.W, activation::relu{}, settings);
      REQUIRE(result.prediction);
      sum += std::abs(static_cast<double>(result.prediction->relative_gap));
    }
    mean_gap.push_back(sum / 3);
  }
  INFO("mean |relative gap| at N = 1e2, 1e3, 1e4: " << mean_gap[0] << ", " << mean_gap[1] << ", " << mean_gap[2]);
  CHECK(mean_gap[1] < mean_gap[0]);
  CHECK(mean_gap[2] < mean_gap[1]);
  CHECK(mean_gap[2] < mean_gap[0] / 4);
}

}  // namespace unit_compress
