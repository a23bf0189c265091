include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6 TOOLKIT_VERSION 13.0 FORWARD_COMPAT maybe)
message(NOTICE "RESULT=${result}")
