# The conventions every executable shares (README, "Conventions"): --help and --version
# exit 0 with text on stdout; every bad command line below — across the executables —
# exits with status 2, a message on stderr, nothing on stdout, and no file created or
# modified in an existing --out directory (a sentinel file is watched) or anywhere else in
# the work directory.
set(work ${WORK_DIR}/cli_conventions)
file(REMOVE_RECURSE ${work})
set(out ${work}/existing)
file(MAKE_DIRECTORY ${out})
file(WRITE ${out}/sentinel.txt "untouched\n")
file(WRITE ${work}/a.csv "1\n2\n3\n")
file(WRITE ${work}/W.csv "1,0\n0,1\n1,1\n")

function(listing result)
  file(GLOB_RECURSE files LIST_DIRECTORIES true RELATIVE ${work} ${work}/*)
  list(SORT files)
  set(${result} "${files}" PARENT_SCOPE)
endfunction()
listing(before)

foreach(program kernels gap etf precision compress sample-network reproduce orientation)
  foreach(flag --help --version)
    execute_process(COMMAND ${BIN}/twolayer-${program} ${flag} RESULT_VARIABLE status OUTPUT_VARIABLE stdout)
    if(NOT status EQUAL 0 OR NOT stdout MATCHES "twolayer-${program}")
      message(SEND_ERROR "twolayer-${program} ${flag}: status ${status}, stdout '${stdout}'")
    endif()
  endforeach()
endforeach()

# program|arguments... ('|' separates the words; --out ${out} is added to each).
set(cases
  "kernels|--digits|0"
  "kernels|--digits|1000000"
  "kernels|--digits|nan"
  "kernels|--rho|1.5"
  "kernels|--d|0"
  "kernels|--format|pdf"
  "kernels|--threads|0"
  "kernels|--quick|--activation|relu"
  "gap|--d|0"
  "gap|--d|-3"
  "gap|--N|0"
  "gap|--N|1e9"
  "gap|--M|0"
  "gap|--M|100000|--N|1000"
  "gap|--seeds|0"
  "gap|--laws|cauchy"
  "gap|--threads|abc"
  "gap|--N|100000000|--finite-max-N|100000000"
  "gap|--quick|--quick"
  "etf|--M|0|--d|3"
  "etf|--M|3|--d|0"
  "etf|--M|40|--d|64"
  "etf|--M|3|--d|3|--digits|0"
  "etf|--M|3|--d|3|--digits|1000000"
  "etf|--M|3"
  "etf|--grid|--quick"
  "etf|--M|3|--d|3|--restarts|-5"
  "precision|--M|5|--d|3"
  "precision|--M|30|--d|29"
  "precision|--M|3"
  "precision|--format|xml"
  "precision|--break-route"
  "compress|--a|${work}/a.csv|--W|${work}/W.csv|--M|0"
  "compress|--a|${work}/a.csv|--W|${work}/W.csv|--M|4"
  "compress|--a|${work}/a.csv|--W|${work}/W.csv|--M|2|--digits|5"
  "compress|--a|${work}/a.csv|--W|${work}/missing.csv|--M|2"
  "compress|--a|${work}/W.csv|--W|${work}/W.csv|--M|2"
  "sample-network|--N|0|--d|3"
  "sample-network|--N|10|--d|-1"
  "sample-network|--N|10|--d|3|--law|cauchy"
  "reproduce|--format|xml"
  "reproduce|--threads|0"
  "reproduce|--unknown"
  "reproduce|positional"
  "orientation|--d|1"
  "orientation|--M|0"
  "orientation|--R|-1"
  "orientation|--R|abc"
  "orientation|--digits|5"
  "orientation|--restarts|0"
  "orientation|--format|xml"
)
set(count 0)
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" words "${case}")
  list(POP_FRONT words program)
  execute_process(COMMAND ${BIN}/twolayer-${program} ${words} --out ${out}
                  RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT status EQUAL 2 OR NOT stdout STREQUAL "" OR NOT stderr MATCHES "error")
    message(SEND_ERROR "twolayer-${program} ${words}: status ${status}, stdout '${stdout}', stderr '${stderr}'")
  endif()
  file(READ ${out}/sentinel.txt sentinel)
  listing(after)
  if(NOT sentinel STREQUAL "untouched\n" OR NOT after STREQUAL before)
    message(SEND_ERROR "twolayer-${program} ${words}: changed the files: ${after}")
  endif()
  math(EXPR count "${count} + 1")
endforeach()

# An --out that cannot be created (below a regular file): status 2, nothing created.
foreach(program kernels gap etf precision reproduce orientation)
  set(valid "")
  if(program STREQUAL "etf")
    set(valid --M 3 --d 3)
  endif()
  execute_process(COMMAND ${BIN}/twolayer-${program} ${valid} --out ${out}/sentinel.txt/sub
                  RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT status EQUAL 2 OR NOT stdout STREQUAL "" OR NOT stderr MATCHES "cannot create")
    message(SEND_ERROR "twolayer-${program} --out under a file: status ${status}, stderr '${stderr}'")
  endif()
  math(EXPR count "${count} + 1")
endforeach()
listing(after)
if(NOT after STREQUAL before)
  message(SEND_ERROR "the --out cases changed the files: ${after}")
endif()
message(STATUS "${count} bad command lines rejected with status 2 and no file touched")
