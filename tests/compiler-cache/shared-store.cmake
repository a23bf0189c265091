include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Two CI runners, each with its own checkout path and an empty local ccache,
# share a real Redis server on 127.0.0.1. The second hits on (nearly) every
# compile and gets byte-identical objects; one more capability recompiles the
# CUDA objects only; an edit under __CUDA_ARCH__ is never a false hit; with
# the server gone the build still succeeds, compiling locally.
foreach(tool IN ITEMS ccache redis-server redis-cli)
  find_program(path_${tool} ${tool})
  if(NOT path_${tool})
    message(FATAL_ERROR "${tool} is not installed; scripts/setup.sh installs it (apt-get install ccache redis-server)")
  endif()
endforeach()

# A free port: try random ones until a server answers.
set(port "")
foreach(try RANGE 1 10)
  string(RANDOM LENGTH 4 ALPHABET 0123456789 random)
  math(EXPR candidate "20000 + ${random}")
  execute_process(COMMAND "${path_redis-server}" --port ${candidate} --bind 127.0.0.1 --save "" --appendonly no
      --daemonize yes --pidfile "${WORK_DIR}/redis.pid" --logfile "${WORK_DIR}/redis.log" --dir "${WORK_DIR}"
    RESULT_VARIABLE started OUTPUT_QUIET ERROR_QUIET)
  foreach(wait RANGE 1 20)
    execute_process(COMMAND "${path_redis-cli}" -p ${candidate} ping OUTPUT_VARIABLE pong ERROR_QUIET)
    if(pong MATCHES "PONG")
      set(port ${candidate})
      break()
    endif()
    execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 0.1)
  endforeach()
  if(port)
    break()
  endif()
endforeach()
if(NOT port)
  message(FATAL_ERROR "could not start redis-server on a free port (see ${WORK_DIR}/redis.log)")
endif()
message(STATUS "REDIS on 127.0.0.1:${port}")

function(stop_server)
  execute_process(COMMAND "${path_redis-cli}" -p ${port} shutdown nosave OUTPUT_QUIET ERROR_QUIET)
endfunction()

# build(<runner> <capabilities> <out-prefix>): configure (first time) and
# build in <runner>'s own tree; sets <out-prefix>_steps (compile steps run),
# _hits, _misses, _errors (ccache's counts for this build).
function(build runner capabilities out)
  set(env "CCACHE_DIR=${WORK_DIR}/${runner}/ccache" "CCACHE_REMOTE_STORAGE=redis://127.0.0.1:${port}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env ${env} "${path_ccache}" --zero-stats OUTPUT_QUIET)
  # cmake with ccache's environment; on failure the server goes first.
  macro(run_cmake what output)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E env ${env} "${CMAKE_COMMAND}" ${ARGN}
      RESULT_VARIABLE result OUTPUT_VARIABLE ${output} ERROR_VARIABLE errors)
    if(NOT result EQUAL 0)
      stop_server()
      message(FATAL_ERROR "${what} ${runner} failed:\n${${output}}\n${errors}")
    endif()
  endmacro()
  run_cmake(configuring configure_out -S "${WORK_DIR}/${runner}/src/compiler-cache" -B "${WORK_DIR}/${runner}/build"
    -G Ninja "-DCMAKE_MODULE_PATH=${CMAKE_MODULE_PATH}" "-DCUDAENV_CAPABILITIES=${capabilities}")
  string(REGEX MATCH "CudaEnv: compiler cache: [^\n]*" cache_line "${configure_out}")
  message(STATUS "${runner}: ${cache_line}")
  run_cmake(building build_out --build "${WORK_DIR}/${runner}/build")
  string(REGEX MATCHALL "Building (CUDA|CXX) object" steps "${build_out}")
  list(LENGTH steps steps)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env ${env} "${path_ccache}" --print-stats OUTPUT_VARIABLE stats)
  foreach(counter IN ITEMS direct_cache_hit preprocessed_cache_hit cache_miss remote_storage_hit remote_storage_error)
    string(REGEX MATCH "${counter}\t([0-9]+)" _ "${stats}")
    set(${counter} "${CMAKE_MATCH_1}")
  endforeach()
  math(EXPR hits "${direct_cache_hit} + ${preprocessed_cache_hit}")
  set(${out}_steps ${steps} PARENT_SCOPE)
  set(${out}_hits ${hits} PARENT_SCOPE)
  set(${out}_misses ${cache_miss} PARENT_SCOPE)
  set(${out}_remote_hits ${remote_storage_hit} PARENT_SCOPE)
  set(${out}_errors ${remote_storage_error} PARENT_SCOPE)
  message(STATUS "${runner} (${capabilities}): ${steps} compile steps, ${hits} hits (${remote_storage_hit} from the "
    "shared store), ${cache_miss} misses, ${remote_storage_error} store errors")
endfunction()

function(check name condition)
  separate_arguments(condition UNIX_COMMAND "${condition}")
  if(${condition})
    message(STATUS "CHECK ${name}: ok")
  else()
    message(STATUS "CHECK ${name}: FAILED")
  endif()
endfunction()

# Runner 1 (cold) and runner 2 (its own path and local store, the shared store warm).
foreach(runner IN ITEMS runner1 runner2)
  file(REMOVE_RECURSE "${WORK_DIR}/${runner}")
  file(COPY "${SOURCE_ROOT}/tests/fixtures/compiler-cache" DESTINATION "${WORK_DIR}/${runner}/src")
  file(COPY "${SOURCE_ROOT}/tests/fixtures/project/sources" DESTINATION "${WORK_DIR}/${runner}/src/project")
endforeach()
build(runner1 "8.0,9.0" cold)
build(runner2 "8.0,9.0" warm)
math(EXPR warm_rate "100 * ${warm_hits} / ${warm_steps}")
message(STATUS "HIT RATE of the second runner: ${warm_rate}% (${warm_hits} of ${warm_steps} compile steps)")
check("the first runner compiles everything" "cold_misses EQUAL cold_steps AND cold_steps GREATER 4")
check("the second runner hits on at least 95% of its compile steps" "warm_rate GREATER_EQUAL 95")
check("the second runner's hits come from the shared store" "warm_remote_hits EQUAL warm_hits")

# Its objects are the first runner's, byte for byte.
# (Objects of sources outside the project's folder carry their absolute path
# in their own path, so runner1 becomes runner2 in it.)
file(GLOB_RECURSE objects RELATIVE "${WORK_DIR}/runner1/build" "${WORK_DIR}/runner1/build/*.o")
list(FILTER objects EXCLUDE REGEX "CompilerId")
set(identical ON)
foreach(object IN LISTS objects)
  string(REPLACE "/runner1/" "/runner2/" twin "${object}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/runner1/build/${object}"
    "${WORK_DIR}/runner2/build/${twin}" RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    set(identical OFF)
    message(STATUS "differs: ${object}")
  endif()
endforeach()
list(LENGTH objects object_count)
check("the ${object_count} objects of both runners are byte-identical" "identical AND object_count EQUAL cold_steps")

# One more capability: the CUDA objects and the generated registry compile
# again (misses: their commands changed); host.cpp does not compile at all.
build(runner2 "8.0,8.6,9.0" wider)
check("one more capability recompiles only what it changes" "wider_steps LESS cold_steps AND wider_misses EQUAL wider_steps")

# An edit under #ifdef __CUDA_ARCH__ only: a miss and new device code.
file(GLOB_RECURSE guarded_object "${WORK_DIR}/runner2/build/*guarded.cu.o")
file(SHA1 "${guarded_object}" before)
file(READ "${WORK_DIR}/runner2/src/compiler-cache/guarded.cuh" header)
string(REPLACE "return 1;  // DEVICE-VALUE" "return 2;  // DEVICE-VALUE" header "${header}")
file(WRITE "${WORK_DIR}/runner2/src/compiler-cache/guarded.cuh" "${header}")
build(runner2 "8.0,8.6,9.0" device_edit)
file(SHA1 "${guarded_object}" after)
check("a device-only edit is a miss, never a false hit" "device_edit_misses EQUAL 1 AND device_edit_hits EQUAL 0 AND NOT before STREQUAL after")

# The shared store goes away: the build still succeeds, compiling locally,
# and ccache counts the store's errors.
stop_server()
string(REPLACE "return 2;  // DEVICE-VALUE" "return 3;  // DEVICE-VALUE" header "${header}")
file(WRITE "${WORK_DIR}/runner2/src/compiler-cache/guarded.cuh" "${header}")
build(runner2 "8.0,8.6,9.0" no_server)
check("without the server the build succeeds and compiles locally" "no_server_misses EQUAL 1 AND no_server_errors GREATER_EQUAL 1")
