include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6)
