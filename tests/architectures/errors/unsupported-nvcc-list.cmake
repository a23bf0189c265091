include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.7 TOOLKIT_VERSION 13.0 TOOLKIT_SUPPORTED 7.5 8.0)
message(NOTICE "RESULT=${result}")
