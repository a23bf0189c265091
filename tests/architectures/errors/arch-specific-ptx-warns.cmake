include(CudaEnvArchitectures)
# PyTorch's 9.0a+PTX: built as 9.0a, with a warning that arch-specific PTX
# runs on no other GPU; alone, it gets no baseline PTX either.
cudaenv_resolve_architectures(result SPEC 9.0a+PTX TOOLKIT_VERSION 13.0)
message(NOTICE "RESULT=${result}")
