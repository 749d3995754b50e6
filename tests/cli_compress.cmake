# twolayer-compress on the command line: bad command lines and bad files get exit status
# 2, a message on stderr, nothing on stdout and no output directory; a sampled network is
# compressed and its files written; the compressed network, fed back as a target with
# N = M, is compressed with loss 0 to 30 digits (the .npy writer and reader round trip).
cmake_policy(SET CMP0053 NEW)
include(${CMAKE_CURRENT_LIST_DIR}/usage_errors.cmake)
set(work ${WORK_DIR}/cli_compress)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})
execute_process(COMMAND ${SAMPLER} --N 300 --d 4 --seed 7 --out ${work}/net RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "twolayer-sample-network failed: ${status}")
endif()
set(a ${work}/net/a.npy)
set(W ${work}/net/W.npy)

# Bad files, written here: text where numbers belong, NaN, Inf, ragged rows, mismatched N,
# a transposed W, a wrong shape of a, a truncated .npy (the first 100 bytes of W.npy).
file(WRITE ${work}/text.csv "1,2\nx,4\n")
file(WRITE ${work}/nan.csv "1\nnan\n")
file(WRITE ${work}/inf.csv "1,2\n3,inf\n")
file(WRITE ${work}/ragged.csv "1,2\n3\n")
file(WRITE ${work}/a2.csv "1\n1\n")
file(WRITE ${work}/a3.csv "1\n1\n1\n")
file(WRITE ${work}/W22.csv "1,0\n0,1\n")
file(WRITE ${work}/W32.csv "1,0\n0,1\n1,1\n")
file(WRITE ${work}/W23.csv "1,0,1\n0,1,1\n")
file(WRITE ${work}/a_matrix.csv "1,2\n3,4\n")
file(WRITE ${work}/empty.csv "")
# A truncated .npy: W.npy's first 64 bytes, its header without the data (the header is
# text, which file(READ)/file(WRITE) carry unchanged).
file(READ ${W} header LIMIT 64)
file(WRITE ${work}/truncated.npy "${header}")

set(out ${work}/should_not_exist)
expect_usage_errors(${PROGRAM} twolayer-compress ${out}
  "--W|${W}|--M|3"
  "--a|${a}|--M|3"
  "--a|${a}|--W|${W}"
  "--a|${a}|--W|${W}|--M|0"
  "--a|${a}|--W|${W}|--M|-2"
  "--a|${a}|--W|${W}|--M|abc"
  "--a|${a}|--W|${W}|--M|1e9"
  "--a|${a}|--W|${W}|--M|301"
  "--a|${a}|--W|${W}|--M|3|--activation|erf"
  "--a|${a}|--W|${W}|--M|3|--activation|tanh"
  "--a|${a}|--W|${W}|--M|3|--slope|0.1"
  "--a|${a}|--W|${W}|--M|3|--digits|0"
  "--a|${a}|--W|${W}|--M|3|--digits|1000000"
  "--a|${a}|--W|${W}|--M|3|--digits|nan"
  "--a|${a}|--W|${W}|--M|3|--format|xml"
  "--a|${a}|--W|${W}|--M|3|--M|4"
  "--a|${a}|--W|${W}|--M|3|--unknown"
  "--a|${a}|--W|${W}|--M|3|--restarts|0|--etf-starts|0|--no-target-start"
  "--a|${a}|--W|${W}|--M|3|--progress|--quiet"
  "--a|${work}/missing.npy|--W|${W}|--M|3"
  "--a|${work}|--W|${W}|--M|3"
  "--a|${a}|--W|${work}/text.csv|--M|3"
  "--a|${work}/nan.csv|--W|${work}/W22.csv|--M|1"
  "--a|${work}/a2.csv|--W|${work}/inf.csv|--M|1"
  "--a|${work}/a2.csv|--W|${work}/ragged.csv|--M|1"
  "--a|${work}/a2.csv|--W|${work}/W32.csv|--M|1"
  "--a|${work}/a3.csv|--W|${work}/W23.csv|--M|1"
  "--a|${work}/a_matrix.csv|--W|${work}/W22.csv|--M|1"
  "--a|${work}/empty.csv|--W|${work}/W22.csv|--M|1"
  "--a|${a}|--W|${work}/truncated.npy|--M|3"
)

# An --out that cannot be created (a path under a regular file).
execute_process(COMMAND ${PROGRAM} --a ${a} --W ${W} --M 3 --out ${work}/text.csv/sub --quiet
                RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE err)
if(NOT status EQUAL 2 OR NOT stdout STREQUAL "" OR NOT err MATCHES "cannot create")
  message(FATAL_ERROR "--out under a file: status ${status}, stdout '${stdout}', stderr '${err}'")
endif()

# A good run writes every file and the summary.
execute_process(COMMAND ${PROGRAM} --a ${a} --W ${W} --M 3 --restarts 4 --out ${work}/result --quiet --threads 2
                RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT stdout MATCHES "strict local minimum of the loss")
  message(FATAL_ERROR "good run: status ${status}, stderr '${err}', stdout '${stdout}'")
endif()
foreach(f compressed_b.npy compressed_V.npy compressed.csv compression.md compression.json)
  if(NOT EXISTS ${work}/result/${f})
    message(FATAL_ERROR "good run did not write ${f}")
  endif()
endforeach()
# The same on one thread, byte for byte.
execute_process(COMMAND ${PROGRAM} --a ${a} --W ${W} --M 3 --restarts 4 --out ${work}/result1 --quiet --threads 1
                RESULT_VARIABLE status OUTPUT_QUIET)
foreach(f compressed_b.npy compressed_V.npy compressed.csv compression.md compression.json)
  file(SHA256 ${work}/result/${f} h2)
  file(SHA256 ${work}/result1/${f} h1)
  if(NOT h1 STREQUAL h2)
    message(FATAL_ERROR "${f} differs between 1 and 2 threads")
  endif()
endforeach()

# The compressed network as a target (N = M = 3): loss 0 to 30 digits.
execute_process(COMMAND ${PROGRAM} --a ${work}/result/compressed_b.npy --W ${work}/result/compressed_V.npy --M 3
                        --restarts 4 --format csv --quiet
                RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "round trip: status ${status}, stderr '${err}'")
endif()
string(REGEX MATCH "\nrelative_loss,([^,]*)," line "${stdout}")
set(relative "${CMAKE_MATCH_1}")
string(REGEX MATCH "e-([0-9]+)$" exponent "${relative}")
if(NOT exponent OR CMAKE_MATCH_1 LESS 30)
  message(FATAL_ERROR "round trip: relative loss '${relative}' is not below 1e-30\n${stdout}")
endif()
message(STATUS "round trip relative loss ${relative}")
