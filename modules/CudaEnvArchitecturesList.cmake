#[=======================================================================[.rst:
CudaEnvArchitecturesList
------------------------

Prints the architecture list CudaEnv would choose, in the forms people paste
into other builds: a ``cmake -P`` script, so that it is the same resolver
(:command:`cudaenv_resolve_architectures`) with the same toolkit facts as the
modules, not a second copy of the rules.

.. code-block:: sh

  cmake -P <prefix>/lib/cmake/CudaEnv/CudaEnvArchitecturesList.cmake -- \
        --capabilities "8.6;8.9;12.0" [--platform sbsa] [--format all]

(from a CudaEnv source tree: ``cmake -P modules/CudaEnvArchitecturesList.cmake``.)

Options:

``--capabilities <entries>``
  Any entries :command:`cudaenv_select_architectures` accepts (``8.6``,
  ``9.0a``, ``Hopper``, ``default``, ``native`` with ``--gpus``). Without
  it: ``$CUDAARCHS``, then ``default``, as the modules read them.
``--platform <x86_64|sbsa|jetson>``
  Whose default set applies (default: ``$CUDAENV_PLATFORM``, else
  ``x86_64``; use ``sbsa`` for GH200, GB200, DGX Spark and Thor builds).
``--toolkit <X.Y>``
  Resolve for that CUDA release from the facts file, without running
  nvcc. Without it, the nvcc the top-level include would find
  (``$CUDACXX``, ``PATH``, ``$CUDAToolkit_ROOT``, ``$CUDA_PATH``,
  ``/usr/local/cuda``) gives its release and ``--list-gpu-code``.
``--nvcc <path>``
  That nvcc instead.
``--forward-compat <ON|OFF>``
  As ``CUDAENV_FORWARD_COMPAT``.
``--gpus <capabilities>``
  The GPUs ``native`` stands for (``8.6,12.1``) (``cudaenv detect`` lists this machine's).
``--format <all|cmake|gencode|torch|env>``
  ``cmake``: the list, for ``CUDAARCHS`` or ``-DCMAKE_CUDA_ARCHITECTURES``;
  ``gencode``: nvcc's ``-gencode`` flags; ``torch``: a
  ``TORCH_CUDA_ARCH_LIST`` (PyTorch extensions); ``env``: ``export`` lines
  for a shell; ``all`` (default): each, labelled.

``TORCH_CUDA_ARCH_LIST`` cannot say "PTX only": a ``90-virtual`` beside
``90a-real`` becomes ``9.0+PTX``, which also builds sm_90 SASS. CMake 3.25
rejects family entries (``100f``) in ``CMAKE_CUDA_ARCHITECTURES``; use
``10.0`` there, or CMake 3.31.8 or newer.

Since 0.1.
#]=======================================================================]
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvResolveArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/CapabilityKeys.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/FindNvcc.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/NvccArchitectures.cmake")

function(_cudaenv_list_fail why)
  message(FATAL_ERROR "CudaEnvArchitecturesList: ${why}\n"
    "Usage: cmake -P CudaEnvArchitecturesList.cmake -- [--capabilities <entries>] [--platform x86_64|sbsa|jetson] "
    "[--toolkit X.Y | --nvcc <path>] [--forward-compat ON|OFF] [--gpus <capabilities>] [--format all|cmake|gencode|torch|env]")
endfunction()

# The script's own arguments: those after its path (and an optional --).
function(_cudaenv_list_arguments)
  set(options capabilities platform toolkit nvcc forward-compat gpus format)
  set(seen_script OFF)
  set(i 1)
  while(i LESS CMAKE_ARGC)
    set(word "${CMAKE_ARGV${i}}")
    math(EXPR i "${i} + 1")
    if(NOT seen_script)
      if(word STREQUAL "${CMAKE_SCRIPT_MODE_FILE}" OR word MATCHES "CudaEnvArchitecturesList\\.cmake$")
        set(seen_script ON)
      endif()
      continue()
    endif()
    if(word STREQUAL "--")
      continue()
    endif()
    if(NOT word MATCHES "^--(.+)$" OR NOT CMAKE_MATCH_1 IN_LIST options)
      _cudaenv_list_fail("unknown argument '${word}'.")
    endif()
    set(name "${CMAKE_MATCH_1}")
    if(NOT i LESS CMAKE_ARGC)
      _cudaenv_list_fail("--${name} needs a value.")
    endif()
    string(TOUPPER "${name}" upper)
    string(REPLACE "-" "_" upper "${upper}")
    set(ARG_${upper} "${CMAKE_ARGV${i}}" PARENT_SCOPE)
    math(EXPR i "${i} + 1")
  endwhile()
endfunction()

function(_cudaenv_list_print line)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${line}")
endfunction()

# The forms of one CUDA_ARCHITECTURES list.
function(_cudaenv_list_forms archs)
  set(gencode "")
  set(torch "")
  foreach(arch IN LISTS archs)
    _cudaenv_parse_architecture_entry(e "${arch}")
    set(image "${e_NUMBER}${e_VARIANT}")
    if(e_SASS)
      list(APPEND gencode "-gencode arch=compute_${image},code=sm_${image}")
    endif()
    if(e_PTX)
      list(APPEND gencode "-gencode arch=compute_${image},code=compute_${image}")
    endif()
    set(key "${e_KEY}")
    if(e_PTX)
      string(APPEND key "+PTX")
    endif()
    list(APPEND torch "${key}")
  endforeach()
  list(JOIN gencode " " gencode)
  set(GENCODE "${gencode}" PARENT_SCOPE)
  set(TORCH "${torch}" PARENT_SCOPE)
endfunction()

# Only the answer on stdout (the resolver's STATUS notes would go there too);
# warnings and errors go to stderr.
set(CMAKE_MESSAGE_LOG_LEVEL NOTICE)
_cudaenv_list_arguments()
if(NOT DEFINED ARG_FORMAT)
  set(ARG_FORMAT all)
endif()
if(NOT ARG_FORMAT MATCHES "^(all|cmake|gencode|torch|env)$")
  _cudaenv_list_fail("--format '${ARG_FORMAT}' is not all, cmake, gencode, torch or env.")
endif()
if(DEFINED ARG_CAPABILITIES)
  set(spec "${ARG_CAPABILITIES}")
elseif(NOT "$ENV{CUDAARCHS}" STREQUAL "")
  set(spec "$ENV{CUDAARCHS}")
else()
  set(spec default)
endif()
if(DEFINED ARG_PLATFORM)
  set(platform "${ARG_PLATFORM}")
elseif(NOT "$ENV{CUDAENV_PLATFORM}" STREQUAL "")
  set(platform "$ENV{CUDAENV_PLATFORM}")
else()
  set(platform x86_64)
endif()
string(TOLOWER "${spec}" spec_lower)
if(spec_lower MATCHES "(^|[,; ])native($|[,; ])" AND NOT DEFINED ARG_GPUS)
  _cudaenv_list_fail("'native' needs --gpus <capabilities> here ('cudaenv detect' lists this machine's GPUs).")
endif()

set(supported "")
if(DEFINED ARG_TOOLKIT)
  set(toolkit "${ARG_TOOLKIT}")
else()
  if(DEFINED ARG_NVCC)
    set(nvcc "${ARG_NVCC}")
  else()
    _cudaenv_find_nvcc(nvcc how)
  endif()
  if(NOT nvcc)
    _cudaenv_list_fail("no nvcc found ($CUDACXX, PATH, $CUDAToolkit_ROOT, $CUDA_PATH, /usr/local/cuda); pass --nvcc or --toolkit.")
  endif()
  _cudaenv_nvcc_release(toolkit "${nvcc}")
  if(NOT toolkit)
    _cudaenv_list_fail("${nvcc} --version names no CUDA release.")
  endif()
  _cudaenv_nvcc_list_gpu_code(supported "${nvcc}" "${toolkit}")
endif()
string(REGEX REPLACE "[, ]+" ";" ARG_GPUS "${ARG_GPUS}")
set(forward_compat "")
if(DEFINED ARG_FORWARD_COMPAT)
  set(forward_compat FORWARD_COMPAT "${ARG_FORWARD_COMPAT}")
endif()

cudaenv_resolve_architectures(archs SPEC ${spec} TOOLKIT_VERSION ${toolkit} PLATFORM ${platform}
  ${forward_compat} GPUS ${ARG_GPUS} TOOLKIT_SUPPORTED ${supported})
_cudaenv_list_forms("${archs}")
if(ARG_FORMAT STREQUAL "cmake")
  _cudaenv_list_print("${archs}")
elseif(ARG_FORMAT STREQUAL "gencode")
  _cudaenv_list_print("${GENCODE}")
elseif(ARG_FORMAT STREQUAL "torch")
  _cudaenv_list_print("${TORCH}")
elseif(ARG_FORMAT STREQUAL "env")
  _cudaenv_list_print("export CUDAARCHS='${archs}'")
  _cudaenv_list_print("export TORCH_CUDA_ARCH_LIST='${TORCH}'")
else()
  _cudaenv_list_print("CUDA ${toolkit} (${platform}), from '${spec}':")
  _cudaenv_list_print("  CMAKE_CUDA_ARCHITECTURES / CUDAARCHS: ${archs}")
  _cudaenv_list_print("  nvcc flags:                           ${GENCODE}")
  _cudaenv_list_print("  TORCH_CUDA_ARCH_LIST:                 ${TORCH}")
endif()
