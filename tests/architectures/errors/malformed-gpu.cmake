include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC native GPUS eight TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
