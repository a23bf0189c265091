include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6 TOOLKIT_VERSION thirteen)
message(NOTICE "RESULT=${result}")
