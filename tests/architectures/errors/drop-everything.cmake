include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 7.0 6.1 TOOLKIT_VERSION 13.0 ON_UNSUPPORTED DROP)
message(NOTICE "RESULT=${result}")
