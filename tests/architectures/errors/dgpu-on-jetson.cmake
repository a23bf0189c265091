include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6 8.7 TOOLKIT_VERSION 12.4 PLATFORM jetson)
message(NOTICE "RESULT=${result}")
