# twolayer-gap on its quick grid: the four files are byte-identical on 1 and 2 threads; a
# sub-grid reproduces the full grid's rows exactly; gap.csv has the required columns; bad
# command lines exit with status 2, a message on stderr, and write nothing.
set(out ${WORK_DIR})
file(REMOVE_RECURSE ${out})
foreach(threads 1 2)
  execute_process(COMMAND ${PROGRAM} --quick --quiet --threads ${threads} --out ${out}/threads${threads}
                  RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "--quick --threads ${threads}: status ${status}\n${err}")
  endif()
endforeach()
foreach(name gap.md gap.csv gap.json gap.tex gap_sup_dev.gp gap_sup_dev.svg)
  file(READ ${out}/threads1/${name} one)
  file(READ ${out}/threads2/${name} two)
  if(NOT one STREQUAL two)
    message(FATAL_ERROR "${name} differs between 1 and 2 threads")
  endif()
endforeach()

file(STRINGS ${out}/threads1/gap.csv full_rows)
list(GET full_rows 0 header)
foreach(column law d N replicate M sup_cross_dev bias_floor const_gap const_gap_hat min_gap
               min_gap_hat etf_distance)
  string(REPLACE "," ";" columns "${header}")
  list(FIND columns ${column} found)
  if(found EQUAL -1)
    message(FATAL_ERROR "gap.csv lacks the column ${column}: ${header}")
  endif()
endforeach()

execute_process(COMMAND ${PROGRAM} --quick --quiet --laws uniform,rademacher --d 8,4 --N 10000,100
                        --M d+1 --out ${out}/sub
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "sub-grid: status ${status}\n${err}")
endif()
file(STRINGS ${out}/sub/gap.csv sub_rows)
list(REMOVE_AT sub_rows 0)
list(LENGTH sub_rows count)
if(NOT count EQUAL 16)  # 2 laws x 2 d x 2 N x 2 replicates, one M each
  message(FATAL_ERROR "sub-grid has ${count} rows, expected 16")
endif()
foreach(row IN LISTS sub_rows)
  list(FIND full_rows "${row}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "a sub-grid row is not in the full grid:\n${row}")
  endif()
endforeach()

# Targets with a mean: --mean 1 on a small grid names the laws /mean=1, states --mean in its command,
# prints the mean-field target and the optimum of Psi, and gives the same bytes on 1 and 2 threads.
foreach(threads 1 2)
  execute_process(COMMAND ${PROGRAM} --quiet --mean 1 --laws gaussian,rademacher --d 2,4 --N 100,1000 --seeds 2
                          --restarts 8 --threads ${threads} --out ${out}/mean${threads}
                  RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "--mean 1 --threads ${threads}: status ${status}\n${err}")
  endif()
endforeach()
foreach(name gap.md gap.csv gap.json gap.tex)
  file(READ ${out}/mean1/${name} one)
  file(READ ${out}/mean2/${name} two)
  if(NOT one STREQUAL two)
    message(FATAL_ERROR "--mean 1: ${name} differs between 1 and 2 threads")
  endif()
endforeach()
file(READ ${out}/mean1/gap.md report)
foreach(expected "--laws gaussian,rademacher .* --mean 1`" "## Targets with a mean" "\\| gaussian/mean=1 \\| 4 \\| 1 \\| "
                 "\\| 5 \\| 4 \\| 1 \\| [0-9.e+-]+ \\| [0-9.e+-]+ \\|")
  if(NOT report MATCHES "${expected}")
    message(FATAL_ERROR "--mean 1: gap.md lacks '${expected}'")
  endif()
endforeach()
file(STRINGS ${out}/mean1/gap.csv mean_rows)
list(FILTER mean_rows INCLUDE REGEX "^rademacher/mean=1,")
list(LENGTH mean_rows count)
if(NOT count EQUAL 12)  # 2 d x 2 N x 2 replicates, M = 3 at d = 2 and M = 3, 5 at d = 4
  message(FATAL_ERROR "--mean 1: ${count} rademacher rows, expected 12")
endif()

# Bad input: status 2, nothing on stdout, nothing written.
include(${CMAKE_CURRENT_LIST_DIR}/usage_errors.cmake)
expect_usage_errors(${PROGRAM} twolayer-gap ${out}/bad
                    "--laws|cauchy" "--d|1" "--N|100,x" "--M|0" "--M|d+2" "--seeds|0" "--N|3|--M|3"
                    "--quick|--quick" "--screen|-1" "--threads|0" "--bogus" "--progress|--quiet"
                    "--mean|-1" "--mean|x" "--mean|2000")
# An output directory that cannot be created: status 2 (a usage error), no report anywhere.
file(WRITE ${out}/a_file "")
execute_process(COMMAND ${PROGRAM} --quick --quiet --d 2 --N 100 --seeds 1 --out ${out}/a_file/sub
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 2 OR NOT err MATCHES "twolayer-gap: error:.*cannot create")
  message(FATAL_ERROR "unwritable --out: status ${status}, stderr '${err}'")
endif()
execute_process(COMMAND ${PROGRAM} --help RESULT_VARIABLE status OUTPUT_VARIABLE help)
if(NOT status EQUAL 0 OR NOT help MATCHES "Usage: twolayer-gap")
  message(FATAL_ERROR "--help: status ${status}\n${help}")
endif()
