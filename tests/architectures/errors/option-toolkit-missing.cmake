include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6)
message(NOTICE "RESULT=${result}")
