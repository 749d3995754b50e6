# A short run over every activation in every format: exit status 0, every check held.
foreach(format md csv json)
  execute_process(COMMAND ${PROGRAM} --activation relu,step,abs,leaky_relu,linear,quadratic
                          --digits 30 --rho -0.5,0.3 --d 2,5 --samples 20000
                          --format ${format} --quiet
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "format ${format}: status ${status}\n${err}\n${out}")
  endif()
  if(out MATCHES "FAIL")
    message(FATAL_ERROR "format ${format}: a check failed\n${out}")
  endif()
endforeach()
if(NOT out MATCHES "\"checks_failed\": 0")
  message(FATAL_ERROR "json output lacks checks_failed: 0\n${out}")
endif()
execute_process(COMMAND ${PROGRAM} --help RESULT_VARIABLE status OUTPUT_VARIABLE out)
if(NOT status EQUAL 0 OR NOT out MATCHES "Usage: twolayer-kernels")
  message(FATAL_ERROR "--help: status ${status}\n${out}")
endif()
