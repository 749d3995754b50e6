// Everything twolayer offers, for users who prefer one include. The rooms, lowest first:
// numeric ← model ← gaussian ← objective ← optimise ← check (check runs optimisers: a sup is found
// by ascent), with geometry beside objective; io (the files a user brings) and report apart.
#pragma once

#include "twolayer/numeric/agreement.hpp"
#include "twolayer/numeric/constants.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/numeric/eigen_traits.hpp"
#include "twolayer/numeric/parallel.hpp"
#include "twolayer/numeric/scalar.hpp"

#include "twolayer/model/activation.hpp"
#include "twolayer/model/target_law.hpp"

#include "twolayer/gaussian/angle.hpp"
#include "twolayer/gaussian/angular_kernel.hpp"
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/enclosure.hpp"
#include "twolayer/gaussian/hermite_series.hpp"
#include "twolayer/gaussian/homogeneous_kernel.hpp"
#include "twolayer/gaussian/monte_carlo_kernel.hpp"
#include "twolayer/gaussian/quadrature_kernel.hpp"
#include "twolayer/gaussian/quadrature_rules.hpp"
#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/gaussian/relu_target_moments.hpp"
#include "twolayer/gaussian/scaling_factor.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"

#include "twolayer/geometry/invariants.hpp"
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"

#include "twolayer/objective/compressed_term.hpp"
#include "twolayer/objective/etf_enclosure.hpp"
#include "twolayer/objective/finite_objective.hpp"
#include "twolayer/objective/reduced_hessian.hpp"
#include "twolayer/objective/reduced_loss.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/objective/simplified_hessian.hpp"
#include "twolayer/objective/simplified_objective.hpp"
#include "twolayer/objective/target_cross_term.hpp"

#include "twolayer/optimize/compression_search.hpp"
#include "twolayer/optimize/fixed_hessian_newton.hpp"
#include "twolayer/optimize/hessian_by_duals.hpp"
#include "twolayer/optimize/lbfgs.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/optimize/newton_polish.hpp"
#include "twolayer/optimize/reduced_loss_problem.hpp"
#include "twolayer/optimize/sphere_product.hpp"

#include "twolayer/check/compression.hpp"
#include "twolayer/check/cross_deviation.hpp"
#include "twolayer/check/gap_measurement.hpp"
#include "twolayer/check/polished_optimum.hpp"
#include "twolayer/check/second_order.hpp"
#include "twolayer/check/strict_max_certificate.hpp"

#include "twolayer/io/csv_matrix.hpp"
#include "twolayer/io/network_file.hpp"
#include "twolayer/io/npy.hpp"
#include "twolayer/io/numeric_array.hpp"

#include "twolayer/report/atomic_file.hpp"
#include "twolayer/report/gnuplot.hpp"
#include "twolayer/report/loglog_fit.hpp"
#include "twolayer/report/table.hpp"
