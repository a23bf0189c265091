include(CudaEnvArchitectures)
set(ENV{CUDAENV_NATIVE_FALLBACK} sometimes)
cudaenv_resolve_architectures(result SPEC native TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
