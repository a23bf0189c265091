include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 9.0a TOOLKIT_VERSION 11.8)
message(NOTICE "RESULT=${result}")
