include(CudaEnvArchitectures)
cudaenv_select_architectures(ARCHITECTURES 9.0 CAPABILITIES 8.6)
