include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6 TOOLKIT_VERSION 10.2)
message(NOTICE "RESULT=${result}")
