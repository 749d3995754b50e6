// Compiled instances (include/twolayer/numeric/instances.hpp): Φ, its Hessian, the manifold,
// the geometry of configurations and the multi-start search, in the search precision.
#include "twolayer/check/optimum_catalogue.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/reduced_hessian.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SPHERE_PRODUCT, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_VARIABLE_PROJECTION, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_REDUCED_OBJECTIVE, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_REDUCED_HESSIAN, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_ORBIT, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_INVARIANTS, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_GRAM_MATCHING, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SIMPLEX_ETF, double)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_PHI_SEARCH, double)
}  // namespace twolayer
