include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 7.0 8.0 TOOLKIT_VERSION 13.0 ON_UNSUPPORTED drop)
message(NOTICE "RESULT=${result}")
