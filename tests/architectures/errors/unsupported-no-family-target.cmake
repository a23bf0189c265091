include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 9.0f TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
