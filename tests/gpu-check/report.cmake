# scripts/gpu-check.sh's report (scripts/gpu-check-report.awk) on the TSVs
# of a made-up GPU run (sample/): a failed case with quotes and backslashes
# in its message, a failed measurement, a sanitizer that is unsupported,
# PyTorch on one shape only, a GEMM with B column-major, a sweep whose
# fastest configuration is picked per shape past a wrong one, clocks. The Markdown has each table; the JSON parses
# and carries the same figures.
find_program(AWK awk REQUIRED)
set(sample "${SOURCE_ROOT}/tests/gpu-check/sample")
execute_process(COMMAND "${AWK}" -F "\t" -v "out=${WORK_DIR}" -v date=2026-11-29T12:00Z -v "gpu=NVIDIA H200"
    -v driver=580.159.04 -v capability=9.0 -v built=9.0 -v nvcc=13.0.88 -v total=253
    -f "${SOURCE_ROOT}/scripts/gpu-check-report.awk"
    "${sample}/steps.tsv" "${sample}/correctness.tsv" "${sample}/throughput.tsv" "${sample}/sweep.tsv"
    "${sample}/clocks.tsv" "${sample}/torch.tsv"
  OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the report script failed (${rc})")
endif()
message(STATUS "TABLE\n${table}")
file(READ "${WORK_DIR}/report.md" markdown)
message(STATUS "MARKDOWN\n${markdown}")
file(READ "${WORK_DIR}/report.json" json)
string(JSON gemm_ratio GET "${json}" gemm 0 ratio)
string(JSON gemm_failed GET "${json}" gemm 1 cudaenv_tflops)
string(JSON torch GET "${json}" attention 0 pytorch_tflops)
string(JSON torch_missing GET "${json}" attention 2 pytorch_tflops)
string(JSON detail GET "${json}" cases 1 detail)
string(JSON dispatch GET "${json}" dispatch ok)
string(JSON racecheck GET "${json}" steps 3 result)
string(JSON gemm_b GET "${json}" gemm 2 b_layout)
string(JSON sweep_status GET "${json}" sweep 2 status)
string(JSON sweep_ctas GET "${json}" sweep 0 ctas_per_sm)
message(STATUS "JSON gemm ratio ${gemm_ratio}, failed ${gemm_failed}, torch ${torch}, missing ${torch_missing}, "
  "dispatch ${dispatch}, racecheck ${racecheck}, detail [${detail}]")
message(STATUS "JSON gemm B ${gemm_b}, sweep ${sweep_status}, CTAs ${sweep_ctas}")
