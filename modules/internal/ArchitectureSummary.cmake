# Internal to CudaEnv: what cudaenv_select_architectures prints (one table
# per configure and result) and checks at the end of the configure (every
# target compiles CUDA for the list printed).
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/../CudaEnvFacts.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CapabilityKeys.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaTargets.cmake")
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# One table per configure and result: capability, generation, GPUs, code.
function(_cudaenv_print_summary archs toolkit platform source)
  string(SHA1 id "${archs}|${toolkit}|${platform}")
  get_property(done GLOBAL PROPERTY "_CUDAENV_SUMMARY_${id}")
  if(done)
    return()
  endif()
  set_property(GLOBAL PROPERTY "_CUDAENV_SUMMARY_${id}" ON)
  set(caps "")
  foreach(arch IN LISTS archs)
    _cudaenv_parse_architecture_entry(e "${arch}")
    set(cap "${e_CAPABILITY}")
    if(NOT cap IN_LIST caps)
      list(APPEND caps "${cap}")
      set(sass_${cap} "")
      set(ptx_${cap} "")
    endif()
    if(e_SASS)
      list(APPEND sass_${cap} "sm_${e_NUMBER}${e_VARIANT}")
    endif()
    if(e_PTX)
      set(ptx_${cap} "compute_${e_NUMBER}")
    endif()
  endforeach()
  set(lines "CudaEnv: CUDA architectures for CUDA ${toolkit} (${platform}), from ${source}:")
  string(APPEND lines "\n  capability  generation  code                        example GPUs")
  foreach(cap IN LISTS caps)
    cudaenv_capability_fact(generation "${cap}" generation)
    cudaenv_capability_fact(gpus "${cap}" gpus)
    if(NOT generation)
      set(generation "?")
    endif()
    list(JOIN sass_${cap} " " code)
    if(ptx_${cap})
      string(STRIP "${code} + PTX ${ptx_${cap}}" code)
    endif()
    set(row "${cap}            ")
    string(SUBSTRING "${row}" 0 12 row)
    set(gen "${generation}            ")
    string(SUBSTRING "${gen}" 0 12 gen)
    set(code_cell "${code}                            ")
    string(SUBSTRING "${code_cell}" 0 28 code_cell)
    string(APPEND lines "\n  ${row}${gen}${code_cell}${gpus}")
  endforeach()
  list(JOIN archs ";" joined)
  string(APPEND lines "\n  CUDA_ARCHITECTURES = ${joined}")
  message(STATUS "${lines}")
  set_property(GLOBAL APPEND_STRING PROPERTY CUDAENV_ARCHITECTURES_SUMMARY "${lines}\n")
endfunction()

# At the end of the configure: the summary printed must be what the build
# compiles. A target that compiles CUDA with a list other than every
# selection made (a set(CMAKE_CUDA_ARCHITECTURES ...) after the call, its
# own CUDA_ARCHITECTURES) gets one warning naming it and its list.
function(_cudaenv_check_target_architectures)
  get_property(selections GLOBAL PROPERTY _CUDAENV_SELECTIONS)
  _cudaenv_cuda_targets(targets)
  foreach(target IN LISTS targets)
    get_target_property(own_flags "${target}" CUDAENV_GENERATE_CODE)
    if(own_flags)
      continue()  # cudaenv_add_kernel_library's variants choose their own code
    endif()
    get_target_property(archs "${target}" CUDA_ARCHITECTURES)
    string(REPLACE ";" "," archs_key "${archs}")
    # OFF: the target passes its own --generate-code flags, on purpose.
    if(archs_key IN_LIST selections OR archs MATCHES "\\$<" OR archs STREQUAL "OFF")
      continue()
    endif()
    list(GET selections -1 selected)
    string(REPLACE "," ";" selected "${selected}")
    message(WARNING "CudaEnv: target '${target}' compiles CUDA for '${archs}', not for the architectures "
      "cudaenv_select_architectures chose and printed (${selected}): its CUDA_ARCHITECTURES was set on its own, or "
      "CMAKE_CUDA_ARCHITECTURES changed after the call, so -DCUDAENV_CAPABILITIES, CUDAARCHS and "
      "-DCMAKE_CUDA_ARCHITECTURES do not reach it. Pass it with TARGETS, or drop its own list.")
  endforeach()
endfunction()

cmake_policy(POP)
