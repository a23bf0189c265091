include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6 TOOLKIT_VERSION 13.0 PLATFORM aarch64)
message(NOTICE "RESULT=${result}")
