# Imported targets for the C libraries behind Boost.Multiprecision's MPFR and MPFI
# backends: twolayer::gmp, twolayer::mpfr, twolayer::mpfi. MPFI ships no pkg-config
# file on Debian 12, so all three are found with find_path/find_library alike.
include(FindPackageHandleStandardArgs)
find_path(TWOLAYER_GMP_INCLUDE_DIR gmp.h)
find_library(TWOLAYER_GMP_LIBRARY gmp)
find_path(TWOLAYER_MPFR_INCLUDE_DIR mpfr.h)
find_library(TWOLAYER_MPFR_LIBRARY mpfr)
find_path(TWOLAYER_MPFI_INCLUDE_DIR mpfi.h)
find_library(TWOLAYER_MPFI_LIBRARY mpfi)
find_package_handle_standard_args(MultiprecisionBackends
  REQUIRED_VARS TWOLAYER_GMP_LIBRARY TWOLAYER_GMP_INCLUDE_DIR
                TWOLAYER_MPFR_LIBRARY TWOLAYER_MPFR_INCLUDE_DIR
                TWOLAYER_MPFI_LIBRARY TWOLAYER_MPFI_INCLUDE_DIR)
foreach(lib gmp mpfr mpfi)
  string(TOUPPER ${lib} LIB)
  if(MultiprecisionBackends_FOUND AND NOT TARGET twolayer::${lib})
    add_library(twolayer::${lib} UNKNOWN IMPORTED)
    set_target_properties(twolayer::${lib} PROPERTIES
      IMPORTED_LOCATION "${TWOLAYER_${LIB}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${TWOLAYER_${LIB}_INCLUDE_DIR}")
  endif()
endforeach()
if(TARGET twolayer::mpfi)
  set_property(TARGET twolayer::mpfi APPEND PROPERTY INTERFACE_LINK_LIBRARIES twolayer::mpfr)
  set_property(TARGET twolayer::mpfr APPEND PROPERTY INTERFACE_LINK_LIBRARIES twolayer::gmp)
endif()
