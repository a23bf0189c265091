include(CudaEnvArchitectures)
# Orin runs the sbsa stack only from CUDA 13.4 (JetPack 7.2): before, 8.7 on
# sbsa warns as on x86_64; Thor (11.0) does not.
cudaenv_resolve_architectures(result SPEC 8.7 11.0 TOOLKIT_VERSION 13.0 PLATFORM sbsa)
message(NOTICE "RESULT=${result}")
cudaenv_resolve_architectures(result SPEC 8.7 TOOLKIT_VERSION 13.4 PLATFORM sbsa)
message(NOTICE "RESULT-13.4=${result}")
