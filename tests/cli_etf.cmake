# twolayer-etf on small cases: the reports are byte-identical on 1 and 2 threads and after
# an interrupted run (fewer restarts, then a batch cut off mid-write) resumed with --resume;
# the case beyond the ETF, (5, 3), stops where the unseen-mass bound meets --until-bound (1497
# restarts for 0.002) and says so, the others at their cap; 200 planted starts per case are
# counted apart;
# etf.csv has the required columns and the ETF cases hold; bad command lines exit with
# status 2 and write nothing; a restart log of other settings is refused.
set(out ${WORK_DIR})
file(REMOVE_RECURSE ${out})
set(case --M 2,4,5 --d 3 --restarts 1200 --restarts-beyond-etf 3000 --until-bound 2e-3 --planted-starts 200
         --batch 500 --digits 30 --quiet)
foreach(threads 1 2)
  execute_process(COMMAND ${PROGRAM} ${case} --threads ${threads} --out ${out}/threads${threads}
                  RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "--threads ${threads}: status ${status}\n${err}")
  endif()
endforeach()

# interrupted: 1000 restarts, then half a batch written, then resumed to 1200 (1497 for (5, 3))
execute_process(COMMAND ${PROGRAM} --M 2,4,5 --d 3 --restarts 1000 --batch 500 --digits 30 --quiet
                        --out ${out}/resumed RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "first part: status ${status}\n${err}")
endif()
file(APPEND ${out}/resumed/etf_M4_d3.log "batch 1000 500 498 2 0 0\njoin 0 17\n")
execute_process(COMMAND ${PROGRAM} ${case} --resume --out ${out}/resumed RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "resumed: status ${status}\n${err}")
endif()

foreach(name etf.md etf.csv etf_optima.csv etf.json etf.tex etf_M4_d3.svg etf_M4_d3.gp etf_phi.svg etf_M4_d3.log etf_M5_d3.log)
  file(READ ${out}/threads1/${name} one)
  foreach(other threads2 resumed)
    file(READ ${out}/${other}/${name} two)
    if(NOT one STREQUAL two)
      message(FATAL_ERROR "${name} differs between threads1 and ${other}")
    endif()
  endforeach()
endforeach()

file(STRINGS ${out}/threads1/etf.csv rows)
list(GET rows 0 header)
string(REPLACE "," ";" columns "${header}")
foreach(column M d restarts phi_etf phi_best delta digits_known n_distinct best_count singletons
               unseen_estimate unseen_bound_95 unseen_bound_95_all restarts_unrecognised stopped_by planted_starts
               maxima_planted_only stalled
               hessian_verdict zero_threshold margin orbit_dim zero_modes)
  list(FIND columns ${column} found)
  if(found EQUAL -1)
    message(FATAL_ERROR "etf.csv lacks the column ${column}: ${header}")
  endif()
endforeach()
list(GET rows 1 antipodal)
if(NOT antipodal MATCHES "^2,3,.*,degenerate,")
  message(FATAL_ERROR "M = 2 should be degenerate: ${antipodal}")
endif()
list(GET rows 2 tetrahedron)
if(NOT tetrahedron MATCHES "^4,3,1200,.*,2\\.493e-03,[0-9.e+-]+,[0-9]+,restart cap,.*,strict_local_max,.*simplex ETF")
  message(FATAL_ERROR "M = 4, d = 3 should be a strict maximum at the ETF, stopped at its cap: ${tetrahedron}")
endif()
list(GET rows 3 beyond)
if(NOT beyond MATCHES "^5,3,1497,.*,1\\.999e-03,[0-9.e+-]+,[0-9]+,unseen-mass bound target,200,[0-9]+,")
  message(FATAL_ERROR "M = 5, d = 3 should stop at 1497 restarts, where the bound falls below 0.002: ${beyond}")
endif()

# A resume that must be refused: status 2, stderr matching `pattern`, etf.md unchanged.
file(READ ${out}/resumed/etf.md before)
function(expect_refused_resume what pattern)
  execute_process(COMMAND ${PROGRAM} ${ARGN} --resume --out ${out}/resumed RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 2 OR NOT err MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: status ${status}, stderr '${err}'")
  endif()
  file(READ ${out}/resumed/etf.md after)
  if(NOT before STREQUAL after)
    message(FATAL_ERROR "${what}: the refused run changed etf.md")
  endif()
endfunction()

# a log of other settings
expect_refused_resume("mismatched log" "other settings" ${case} --seed 7)
# a log already past this run's stop (1200 restarts; --until-bound 0.01 stops at 299): its report
# would give another n than a fresh run
expect_refused_resume("log past the stop" "more than this run stops at \\(299"
                      --M 2,4,5 --d 3 --restarts 1200 --until-bound 0.01 --batch 500 --digits 30 --quiet)

# A corrupted log — a digit changed inside a complete batch — is detected (checksum) and
# refused with status 2; the reports stay as they were.
file(READ ${out}/resumed/etf_M4_d3.log log4)
string(REGEX REPLACE "\nnew ([0-9]+) ([0-9]+) 0\\.8" "\nnew \\1 \\2 0.7" damaged "${log4}")
if(damaged STREQUAL log4)
  message(FATAL_ERROR "the test could not damage the log:\n${log4}")
endif()
file(WRITE ${out}/resumed/etf_M4_d3.log "${damaged}")
expect_refused_resume("corrupted log" "corrupted at line" ${case})
file(WRITE ${out}/resumed/etf_M4_d3.log "${log4}")

# A truncated log (cut inside its last batch) is reported, the batch rerun, and the
# reports come out as from the uninterrupted run.
file(READ ${out}/resumed/etf_M5_d3.log log5)
string(LENGTH "${log5}" length)
math(EXPR cut "${length} - 40")
string(SUBSTRING "${log5}" 0 ${cut} truncated)
file(WRITE ${out}/resumed/etf_M5_d3.log "${truncated}")
execute_process(COMMAND ${PROGRAM} ${case} --resume --out ${out}/resumed RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT err MATCHES "dropped an incomplete last batch")
  message(FATAL_ERROR "truncated log: status ${status}, stderr '${err}'")
endif()
foreach(name etf.md etf.csv etf_M5_d3.log)
  file(READ ${out}/threads1/${name} one)
  file(READ ${out}/resumed/${name} two)
  if(NOT one STREQUAL two)
    message(FATAL_ERROR "${name} differs after resuming a truncated log")
  endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/usage_errors.cmake)
expect_usage_errors(${PROGRAM} twolayer-etf ${out}/bad
                    "--M|3" "--d|3" "--grid|--M|3" "--M|0|--d|3" "--M|3|--d|0" "--M|3|--d|3|--digits|5"
                    "--M|3|--d|3|--until-coverage|1.5" "--M|3|--d|3|--restarts|0" "--M|x|--d|3" "--bogus")
execute_process(COMMAND ${PROGRAM} --help RESULT_VARIABLE status OUTPUT_VARIABLE help)
if(NOT status EQUAL 0 OR NOT help MATCHES "Usage: twolayer-etf")
  message(FATAL_ERROR "--help: status ${status}\n${help}")
endif()
