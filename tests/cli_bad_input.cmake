# Every bad command line gets exit status 2, a message on stderr and nothing on stdout.
# Arguments are separated by ';' inside one list element, '|' separates the cases.
set(cases
  "--activation|nonsense"
  "--activation|relu,,step"
  "--digits|0"
  "--digits|15"
  "--digits|1000000"
  "--digits|abc"
  "--digits|50x"
  "--digits|nan"
  "--digits"
  "--digits|50|--digits|60"
  "--rho|1.5"
  "--rho|nan"
  "--rho|0.3,abc"
  "--rho|"
  "--norms|1"
  "--norms|-1,1"
  "--norms|0,1"
  "--d|0"
  "--d|-3"
  "--samples|1"
  "--format|xml"
  "--slope|inf"
  "--slope|1e"
  "--slope|1e-"
  "--slope|1e999"
  "--slope|1e30"
  "--unknown"
  "positional"
  "--help=yes"
)
set(failures 0)
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" args "${case}")
  execute_process(COMMAND ${PROGRAM} ${args}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 2 OR NOT out STREQUAL "" OR err STREQUAL "")
    message(SEND_ERROR "case '${case}': status ${status}, stdout '${out}', stderr '${err}'")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
list(LENGTH cases count)
message(STATUS "${count} bad command lines tried, ${failures} not rejected properly")
