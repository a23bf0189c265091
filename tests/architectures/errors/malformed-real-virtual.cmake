include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 80-real-virtual TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
