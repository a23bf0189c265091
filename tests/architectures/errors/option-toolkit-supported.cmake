include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC all TOOLKIT_VERSION 13.0 TOOLKIT_SUPPORTED compute_80)
message(NOTICE "RESULT=${result}")
