include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6+PTX 12.0 TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
