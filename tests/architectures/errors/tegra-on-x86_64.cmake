include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.7 TOOLKIT_VERSION 12.4)
message(NOTICE "RESULT=${result}")
