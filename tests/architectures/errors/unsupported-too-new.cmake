include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC sm_100 TOOLKIT_VERSION 12.4)
message(NOTICE "RESULT=${result}")
