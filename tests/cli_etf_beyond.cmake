# twolayer-etf on single cases beyond the simplex ETF (M > d + 1), as a new user runs them:
# the run succeeds, draws no Hessian-at-the-ETF figure (there is no ETF) and says so; and when
# gnuplot cannot be run at all, the finished search's reports are written all the same, the
# failure is named for what it is, and the status stays 0.
set(out ${WORK_DIR})
file(REMOVE_RECURSE ${out})
execute_process(COMMAND ${PROGRAM} --M 5 --d 2 --restarts 300 --seed 7 --quiet --out ${out}/beyond
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "--M 5 --d 2: status ${status}\n${err}")
endif()
foreach(name etf.md etf.csv etf_optima.csv etf.json etf.tex etf_phi.svg etf_M5_d2.svg)
  if(NOT EXISTS ${out}/beyond/${name})
    message(FATAL_ERROR "--M 5 --d 2 wrote no ${name}")
  endif()
endforeach()
if(EXISTS ${out}/beyond/etf_hessian.svg)
  message(FATAL_ERROR "a Hessian-at-the-ETF figure was drawn for a case without an ETF")
endif()
file(READ ${out}/beyond/etf.md report)
foreach(text "No Hessian figure: no case of this run has a simplex ETF"
             "No simplex ETF of 5 vectors exists in R^2"
             "Coverage over the maxima")
  string(FIND "${report}" "${text}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "etf.md lacks '${text}':\n${report}")
  endif()
endforeach()

# several cases beyond d + 1 in one run, and the generated sentence on the gain per neuron
execute_process(COMMAND ${PROGRAM} --M 3,4,5 --d 2 --restarts 200 --quiet --out ${out}/gain
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "--M 3,4,5 --d 2: status ${status}\n${err}")
endif()
file(READ ${out}/gain/etf.md report)
string(FIND "${report}" "each further neuron raises the best Φ found by between" found)
if(found EQUAL -1)
  message(FATAL_ERROR "etf.md lacks the sentence on the gain beyond d + 1:\n${report}")
endif()

# no gnuplot on the PATH: reports written, warning on stderr, status 0, the figure named as not drawn
execute_process(COMMAND ${CMAKE_COMMAND} -E env PATH=${out}/no-such-dir ${PROGRAM} --M 4 --d 3 --restarts 100 --quiet
                        --out ${out}/no_gnuplot
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "without gnuplot: status ${status} (a figure is a side product)\n${err}")
endif()
string(FIND "${err}" "figure not drawn, the reports are written" found)
if(found EQUAL -1)
  message(FATAL_ERROR "without gnuplot: no warning on stderr:\n${err}")
endif()
string(FIND "${err}" "gnuplot not found" found)
if(found EQUAL -1)
  message(FATAL_ERROR "without gnuplot: the failure is not named as a missing gnuplot:\n${err}")
endif()
foreach(name etf.md etf.csv etf_optima.csv etf.json etf.tex etf_phi.gp)
  if(NOT EXISTS ${out}/no_gnuplot/${name})
    message(FATAL_ERROR "without gnuplot: ${name} was not written")
  endif()
endforeach()
file(READ ${out}/no_gnuplot/etf.md report)
string(FIND "${report}" "(Figure `etf_phi.svg` not drawn: gnuplot not found" found)
if(found EQUAL -1)
  message(FATAL_ERROR "etf.md does not say the figure was not drawn:\n${report}")
endif()
