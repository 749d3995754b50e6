// Compiled instances of the heavy templates (docs/numerics.md §10).
//
// Φ with its gradient and Hessian, the Newton polish, the second-order test, the catalogue
// of optima, a conjecture case, the certificate and the compression are templates over the
// scalar type, and every unit that calls them used to instantiate them again: the same
// hundreds of Eigen and MPFR functions compiled by each test batch and each executable. The
// static libraries twolayer::instances and twolayer::executable_instances (src/instances/)
// compile each of them once, for the scalar types the executables and the tests use. A header
// that defines such a template also
// states its instances as a macro TWOLAYER_INSTANCES_<NAME>(EXTERN, Real) that expands to
// `EXTERN template <declaration>;` lines:
//   - with EXTERN = extern, an explicit instantiation *declaration*: the unit uses the
//     library's copy and instantiates nothing;
//   - with EXTERN empty, the explicit instantiation *definition* a unit of the library makes.
// The declarations are made only where TWOLAYER_COMPILED_INSTANCES is defined, which linking
// twolayer::instances does; header-only use of the library (a downstream project linking
// twolayer::twolayer alone) instantiates as before. A declared instance that no linked library
// defines is an undefined symbol at link time, so the two lists cannot drift apart silently.
//
// The instance lists invoke the macros inside `namespace twolayer`.
#pragma once

#include "twolayer/numeric/scalar.hpp"

#if defined(TWOLAYER_COMPILED_INSTANCES)
/// The search precision: Φ, its gradient and the L-BFGS restarts in double.
#define TWOLAYER_EXTERN_SEARCH_INSTANCES(INSTANCE) INSTANCE(extern, double)
/// The verification precisions: the tests' 50 digits and the executables' run-time precision.
#define TWOLAYER_EXTERN_VERIFICATION_INSTANCES(INSTANCE) \
  INSTANCE(extern, twolayer::mpfr50)                   \
  INSTANCE(extern, twolayer::mpfr_dynamic)
/// The certificate's interval type (twolayer-precision, the benchmarks, the tests).
#define TWOLAYER_EXTERN_INTERVAL_INSTANCES(INSTANCE) INSTANCE(extern, twolayer::interval50)
/// The run-time precision alone (the executables' compression).
#define TWOLAYER_EXTERN_DYNAMIC_INSTANCES(INSTANCE) INSTANCE(extern, twolayer::mpfr_dynamic)
#else
#define TWOLAYER_EXTERN_SEARCH_INSTANCES(INSTANCE)
#define TWOLAYER_EXTERN_VERIFICATION_INSTANCES(INSTANCE)
#define TWOLAYER_EXTERN_INTERVAL_INSTANCES(INSTANCE)
#define TWOLAYER_EXTERN_DYNAMIC_INSTANCES(INSTANCE)
#endif

/// In a unit of src/instances/: the explicit instantiation definitions for one scalar type.
#define TWOLAYER_DEFINE_INSTANCES(INSTANCE, Real) INSTANCE(, Real)
