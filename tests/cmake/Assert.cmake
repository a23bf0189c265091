# Assertions for case bodies (tests/fixtures/project): each names what it
# checks and fails the configure with the expected and the actual value.
include_guard(GLOBAL)

# cudaenv_assert_equal(<what> <actual> <expected>)
function(cudaenv_assert_equal what actual expected)
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: expected '${expected}', got '${actual}'")
  endif()
endfunction()

# cudaenv_assert_property(<target> <property> <expected>)
function(cudaenv_assert_property target property expected)
  get_target_property(actual "${target}" "${property}")
  cudaenv_assert_equal("${target} ${property}" "${actual}" "${expected}")
endfunction()

# cudaenv_assert_matches(<what> <actual> <regex>)
function(cudaenv_assert_matches what actual regex)
  if(NOT "${actual}" MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected to match '${regex}', got '${actual}'")
  endif()
endfunction()
