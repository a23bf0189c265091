include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC native GPUS 12.0 TOOLKIT_VERSION 12.4)
message(NOTICE "RESULT=${result}")
