# expect_usage_errors(<program> <name> <out_dir> <case>...): every case (its arguments
# separated by '|', since CMake splits function arguments at ';') must exit with status 2, print "<name>: error:" on
# stderr and nothing on stdout, and must not create <out_dir> (it is passed as --out).
function(expect_usage_errors program name out_dir)
  foreach(case IN LISTS ARGN)
    string(REPLACE "|" ";" arguments "${case}")
    execute_process(COMMAND ${program} ${arguments} --out ${out_dir}
                    RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE err)
    if(NOT status EQUAL 2 OR NOT stdout STREQUAL "" OR NOT err MATCHES "${name}: error:")
      message(FATAL_ERROR "'${arguments}': status ${status}, stdout '${stdout}', stderr '${err}'")
    endif()
    if(EXISTS ${out_dir})
      message(FATAL_ERROR "'${arguments}' created the output directory")
    endif()
  endforeach()
endfunction()
