# Table test for cudaenv_resolve_architectures: every row is checked, every
# mismatch reported. Expected values come from the toolkit facts
# (cuda-facts.md tables B1/B4: nvcc --list-gpu-code, CMake's all/all-major
# tables) and the rules in CudaEnvArchitectures.cmake's documentation; they
# are written out by hand, not produced by the resolver.
#
# Row: toolkit | platform | forward compat (empty: not passed) | spec | GPUS |
# TOOLKIT_SUPPORTED | expected. Lists inside a row are space-separated; '%'
# in a spec stands for ';'.
include(CudaEnvArchitectures)

set(rows
  # default: baseline capabilities, no Jetson, none past their default window
  "11.8|x86_64|ON|default|||60-real 61-real 70-real 75-real 80-real 86-real 89-real 90"
  "12.4|x86_64|ON|default|||70-real 75-real 80-real 86-real 89-real 90"
  "12.8|x86_64|ON|default|||75-real 80-real 86-real 89-real 90-real 100-real 120"
  "12.9|x86_64|ON|default|||75-real 80-real 86-real 89-real 90-real 100-real 103-real 120-real 121"
  "13.0|x86_64|ON|default|||75-real 80-real 86-real 89-real 90-real 100-real 103-real 120-real 121"
  "13.4|x86_64|ON|default|||75-real 80-real 86-real 89-real 90-real 100-real 103-real 107-real 120-real 121"
  # sbsa: also the Jetsons its stack serves (Thor from CUDA 12.8 as 10.1,
  # 13.0 as 11.0; Orin from 13.4)
  "13.0|sbsa|ON|default|||75-real 80-real 86-real 89-real 90-real 100-real 103-real 110-real 120-real 121"
  "12.9|sbsa|ON|DEFAULT|||75-real 80-real 86-real 89-real 90-real 100-real 101-real 103-real 120-real 121"
  "13.4|sbsa|ON|default|||75-real 80-real 86-real 87-real 89-real 90-real 100-real 103-real 107-real 110-real 120-real 121"
  "13.0|x86_64|OFF|default|||75-real 80-real 86-real 89-real 90-real 100-real 103-real 120-real 121-real"
  # Jetson: only Tegra capabilities (Xavier's window ends with 12.2, 8.8 never)
  "11.8|jetson|ON|default|||72-real 87"
  "12.4|jetson|ON|default|||87"
  "12.8|jetson|ON|default|||87-real 101"
  "13.0|jetson|ON|default|||87-real 110"
  "13.4|jetson|ON|default|||87-real 110"
  # all = nvcc -arch=all (CMake's table), all-major = lowest of each major
  "11.8|x86_64|ON|all|||35-real 37-real 50-real 52-real 53-real 60-real 61-real 62-real 70-real 72-real 75-real 80-real 86-real 87-real 89-real 90"
  "12.4|x86_64|ON|all|||50-real 52-real 53-real 60-real 61-real 62-real 70-real 72-real 75-real 80-real 86-real 87-real 89-real 90"
  "12.8|x86_64|ON|all|||50-real 52-real 53-real 60-real 61-real 62-real 70-real 72-real 75-real 80-real 86-real 87-real 89-real 90-real 100-real 101-real 120"
  "12.9|x86_64|ON|all|||50-real 52-real 53-real 60-real 61-real 62-real 70-real 72-real 75-real 80-real 86-real 87-real 89-real 90-real 100-real 101-real 103-real 120-real 121"
  "13.0|x86_64|ON|all|||75-real 80-real 86-real 87-real 88-real 89-real 90-real 100-real 103-real 110-real 120-real 121"
  "13.4|jetson|ON|all|||75-real 80-real 86-real 87-real 88-real 89-real 90-real 100-real 103-real 107-real 110-real 120-real 121"
  "11.8|x86_64|ON|all-major|||35-real 50-real 60-real 70-real 80-real 90"
  "12.4|sbsa|ON|All-Major|||50-real 60-real 70-real 80-real 90"
  "12.9|x86_64|ON|all-major|||50-real 60-real 70-real 80-real 90-real 100-real 120"
  "13.0|x86_64|ON|all-major|||75-real 80-real 90-real 100-real 110-real 120"
  # every entry form; ',' ';' and spaces separate
  "13.0|x86_64|ON|8.6,9.0a 100f%sm_120a|||86-real 90a-real 100f-real 120-virtual 120a-real"
  "13.0|x86_64|ON|  8.6 ,, 9.0 |||86-real 90"
  "13.0|x86_64|ON|86%sm_89%SM_90|||86-real 89-real 90"
  "12.8|x86_64|ON|9.0a|||90-virtual 90a-real"
  "12.0|x86_64|ON|90a|||90-virtual 90a-real"
  "13.0|x86_64|ON|sm_90a sm_100a|||90a-real 100-virtual 100a-real"
  "13.0|x86_64|ON|12.1f|||121-virtual 121f-real"
  "13.4|x86_64|ON|10.7f 10.0|||100-real 107-virtual 107f-real"
  "13.0|x86_64|ON|9.0,9.0|||90"
  "13.0|x86_64|ON|80-real 90-virtual|||80-real 90-virtual"
  # forward compatibility off: PTX only where asked
  "12.4|x86_64|OFF|8.6+PTX 9.0|||86 90-real"
  "13.0|x86_64|OFF|80-real 90-virtual|||80-real 90-virtual"
  "13.0|x86_64|OFF|80 86|||80-real 86-real"
  "13.0|x86_64|OFF|compute_80|||80-virtual"
  "13.0|x86_64|OFF|90-real%90-virtual|||90"
  "13.0|x86_64|OFF|9.0a 10.0f|||90a-real 100f-real"
  # a/f only, forward compatibility not asked for: no baseline PTX (code for
  # 9.0a may use wgmma, which compute_90 cannot hold); asked for: one PTX
  "13.0|x86_64||9.0a|||90a-real"
  "13.0|x86_64||9.0a 10.0f 12.0a|||90a-real 100f-real 120a-real"
  "13.0|x86_64||8.6 9.0a|||86-real 90-virtual 90a-real"
  "13.0|x86_64|ON|9.0a|||90-virtual 90a-real"
  # PyTorch's forms: 9.0a+PTX is 9.0a (with a warning); Ampere+PTX adds PTX
  # of the newest Ampere
  "13.0|x86_64|OFF|9.0a+PTX|||90a-real"
  "13.0|x86_64|OFF|Ampere+PTX|||80-real 86"
  "13.0|x86_64|ON|Ampere+PTX|||80-real 86"
  "13.0|x86_64|0|8.6+ptx|||86"
  # generation names, filtered by what the toolkit supports
  "13.0|x86_64|ON|Ampere|||80-real 86"
  "13.0|x86_64|ON|HOPPER|||90"
  "13.0|x86_64|ON|Blackwell|||100-real 103-real 120-real 121"
  "12.8|x86_64|ON|blackwell|||100-real 120"
  "13.0|x86_64|ON|Turing Ada|||75-real 89"
  "13.0|sbsa|ON|Ampere+Tegra Blackwell+Tegra|||87-real 110"
  "12.4|x86_64|ON|Pascal Volta|||60-real 61-real 70"
  # native uses the GPUs; a GPU newer than the toolkit gets SASS of its major or PTX
  "13.0|x86_64|ON|native|8.6 8.9||86-real 89"
  "13.0|x86_64|ON|native|86 sm_120||86-real 120"
  "13.0|x86_64|ON|native,8.0|12.1||80-real 121"
  "13.0|x86_64|OFF|NATIVE|7.5 7.5||75-real"
  "13.0|sbsa|ON|native|9.0||90"
  # the toolkit's own list wins over the facts file, also for unknown releases
  "13.0|x86_64|ON|all||7.5 8.0 8.6|75-real 80-real 86"
  "13.5|x86_64|ON|all||75 80 sm_130|75-real 80-real 130"
  "13.5|x86_64|ON|default||7.5 8.0 13.0|75-real 80-real 130"
  "13.0|x86_64|ON|9.0a||7.5 9.0|90-virtual 90a-real"
  # Jetson capabilities where they belong
  "13.0|sbsa|ON|8.7 11.0|||87-real 110"
  "12.4|jetson|ON|8.7|||87"
  "12.9.41|x86_64|ON|8.9|||89"
)

set(failures 0)
foreach(row IN LISTS rows)
  # Fields may be empty, so split with one regex rather than as a list.
  string(REGEX MATCH "^([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|(.*)$" _ "${row}")
  set(toolkit "${CMAKE_MATCH_1}")
  set(platform "${CMAKE_MATCH_2}")
  set(fc "${CMAKE_MATCH_3}")
  set(spec "${CMAKE_MATCH_4}")
  string(REPLACE " " ";" gpus "${CMAKE_MATCH_5}")
  string(REPLACE " " ";" supported "${CMAKE_MATCH_6}")
  string(REPLACE " " ";" expected "${CMAKE_MATCH_7}")
  string(REPLACE "%" ";" spec "${spec}")
  set(fc_args "")
  if(NOT fc STREQUAL "")
    set(fc_args FORWARD_COMPAT ${fc})
  endif()
  cudaenv_resolve_architectures(actual
    SPEC "${spec}"
    TOOLKIT_VERSION ${toolkit}
    PLATFORM ${platform}
    ${fc_args}
    GPUS ${gpus}
    TOOLKIT_SUPPORTED ${supported})
  if(NOT actual STREQUAL expected)
    message(SEND_ERROR "CUDA ${toolkit} ${platform} FORWARD_COMPAT '${fc}' '${spec}' GPUS '${gpus}' TOOLKIT_SUPPORTED '${supported}':\n  expected ${expected}\n  got      ${actual}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
# What the project's code supports (SUPPORTED), intersected with the
# selection by the rule cudaenv_add_kernel_library uses for its variants.
# Row: toolkit | spec | SUPPORTED | expected.
set(supported_rows
  "13.0|8.6 8.9 9.0 10.0|8.0+|86-real 89-real 90-real 100"
  "13.0|7.5 8.0 8.6|8.0+|80-real 86"
  "13.0|8.0 9.0|8.0 9.0a|80 90a-real"
  "13.0|8.0 9.0|8.0+ 9.0a|80-real 90 90a-real"
  "13.0|default|Hopper Blackwell|90-real 100-real 103-real 120-real 121"
  "13.0|8.6 9.0a|8.0+|86-real 90-virtual 90a-real"
  "13.0|9.0 10.0|sm_90 100f|90 100f-real"
  "13.0|9.0|9.0a|90a-real"
  "13.0|120|12.0+|120")
foreach(row IN LISTS supported_rows)
  string(REGEX MATCH "^([^|]*)\\|([^|]*)\\|([^|]*)\\|(.*)$" _ "${row}")
  set(toolkit "${CMAKE_MATCH_1}")
  string(REPLACE " " ";" spec "${CMAKE_MATCH_2}")
  string(REPLACE " " ";" project_supported "${CMAKE_MATCH_3}")
  string(REPLACE " " ";" expected "${CMAKE_MATCH_4}")
  cudaenv_resolve_architectures(actual SPEC ${spec} TOOLKIT_VERSION ${toolkit} SUPPORTED ${project_supported})
  if(NOT actual STREQUAL expected)
    message(SEND_ERROR "CUDA ${toolkit} '${spec}' SUPPORTED '${project_supported}':\n  expected ${expected}\n  got      ${actual}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
list(LENGTH rows count)
list(LENGTH supported_rows supported_count)
math(EXPR count "${count} + ${supported_count}")
message(STATUS "${count} vectors, ${failures} failed")
