include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 100f TOOLKIT_VERSION 12.8)
message(NOTICE "RESULT=${result}")
