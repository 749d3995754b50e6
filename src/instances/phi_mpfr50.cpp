// Compiled instances (include/twolayer/numeric/instances.hpp): Φ, its Hessian, the manifold and
// the geometry of configurations at 50 digits (the tests' precision).
#include "twolayer/geometry/gram_matching.hpp"
#include "twolayer/geometry/invariants.hpp"
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/reduced_hessian.hpp"
#include "twolayer/objective/simplified_hessian.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SPHERE_PRODUCT, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_VARIABLE_PROJECTION, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_REDUCED_OBJECTIVE, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_REDUCED_HESSIAN, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SIMPLIFIED_HESSIAN, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_ORBIT, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_INVARIANTS, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_GRAM_MATCHING, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SIMPLEX_ETF, mpfr50)
}  // namespace twolayer
