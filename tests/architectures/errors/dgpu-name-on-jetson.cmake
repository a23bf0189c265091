include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC Ampere TOOLKIT_VERSION 12.4 PLATFORM jetson)
message(NOTICE "RESULT=${result}")
