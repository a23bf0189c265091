include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC all TOOLKIT_VERSION 14.1)
message(NOTICE "RESULT=${result}")
