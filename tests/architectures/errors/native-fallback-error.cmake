include(CudaEnvArchitectures)
set(CUDAENV_NATIVE_FALLBACK error)
cudaenv_resolve_architectures(result SPEC native TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
