include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 10.1 TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
