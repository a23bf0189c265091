include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC Kepler TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
