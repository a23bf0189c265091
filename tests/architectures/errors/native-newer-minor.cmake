include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC native GPUS 8.9 TOOLKIT_VERSION 11.7)
message(NOTICE "RESULT=${result}")
