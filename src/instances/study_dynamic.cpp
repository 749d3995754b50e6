// Compiled instances (include/twolayer/numeric/instances.hpp): the polish and second-order test
// on Φ, the catalogue of optima and a conjecture case at the run-time precision (the executables').
#include "twolayer/study/conjecture_case.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SECOND_ORDER, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_POLISHED_OPTIMUM, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_OPTIMUM_CATALOGUE, mpfr_dynamic)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_CONJECTURE_CASE, mpfr_dynamic)
}  // namespace twolayer
