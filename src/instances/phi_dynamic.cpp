// Compiled instances (include/twolayer/numeric/instances.hpp): Φ, its Hessian, the manifold and
// the geometry of configurations at the run-time precision (the executables').
#include "twolayer/geometry/gram_matching.hpp"
#include "twolayer/geometry/invariants.hpp"
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/reduced_hessian.hpp"
#include "twolayer/objective/simplified_hessian.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SPHERE_PRODUCT, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_VARIABLE_PROJECTION, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_REDUCED_OBJECTIVE, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_REDUCED_HESSIAN, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SIMPLIFIED_HESSIAN, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_ORBIT, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_INVARIANTS, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_GRAM_MATCHING, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SIMPLEX_ETF, mpfr_dynamic)
}  // namespace twolayer
