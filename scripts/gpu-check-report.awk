# scripts/gpu-check.sh's report: reads its TSVs (steps, correctness,
# throughput, sweep, clocks, torch; tab-separated), writes <out>/report.md and
# <out>/report.json and prints a short table. POSIX awk, so the report needs
# nothing the GPU machine may lack.
# Variables: out, date, gpu, driver, capability, built, nvcc, total.

function esc(s,    i, c, r) {  # a JSON string (a loop: awks differ on backslashes in gsub)
  r = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c == "\\" || c == "\"") r = r "\\" c
    else if (c == "\t") r = r " "
    else r = r c
  }
  return "\"" r "\""
}
function num(s) { return (s ~ /^[0-9.]+$/) ? s : "null" }
function tflops(flop, ms) { return (ms ~ /^[0-9.]+$/ && ms > 0) ? sprintf("%.1f", flop / ms / 1e9) : "-" }
function ratio(a, b) { return (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) ? sprintf("%.2f", a / b) : "-" }

FILENAME ~ /steps\.tsv$/ { nsteps++; step[nsteps] = $1; result[nsteps] = $2; secs[nsteps] = $3; detail[nsteps] = $4; next }
FILENAME ~ /correctness\.tsv$/ {
  if ($1 == "dispatch") { chosen = $2; expected = $3; sub(/^expected /, "", expected); dispatch_ok = $4; next }
  ncases++; cvariant[ncases] = $2; cname[ncases] = $3; cok[ncases] = $4; cerror[ncases] = $5; cdetail[ncases] = $6
  if (!($2 in vpassed)) { nvariants++; variant[nvariants] = $2; vpassed[$2] = 0; vfailed[$2] = 0; vworst[$2] = 0 }
  if ($4 == "ok") { vpassed[$2]++; if ($5 + 0 > vworst[$2]) vworst[$2] = $5 + 0 } else vfailed[$2]++
  next
}
FILENAME ~ /throughput\.tsv$/ && $1 == "gemm" {
  ng++; gtype[ng] = $2; gm[ng] = $3; gn[ng] = $4; gk[ng] = $5; gours[ng] = $6; gtheirs[ng] = $7
  gb[ng] = ($10 == "col" ? "col" : "row"); gerr[ng] = $11; ggbs[ng] = $12; ggbs_blas[ng] = $13
  next
}
FILENAME ~ /sweep\.tsv$/ && $1 == "sweep" {
  # sweep config type shape ours_ms cublas_ms tflops error registers shared ctas status
  ns++; sconf[ns] = $2; stype[ns] = $3; sshape[ns] = $4; sours[ns] = $5; stheirs[ns] = $6; stf[ns] = $7
  serr[ns] = $8; sregs[ns] = $9; ssmem[ns] = $10; sctas[ns] = $11; sstatus[ns] = $12
  skey = $3 " " $4
  if (sstatus[ns] == "ok" && $5 ~ /^[0-9.]+$/ && (!(skey in best_ms) || $5 + 0 < best_ms[skey] + 0)) {
    if (!(skey in best_ms)) { nbest++; best_key[nbest] = skey }
    best_ms[skey] = $5; best_conf[skey] = $2; best_blas[skey] = $6
  }
  next
}
FILENAME ~ /clocks\.tsv$/ { nclk++; clk[nclk] = $0; next }
FILENAME ~ /throughput\.tsv$/ && $1 == "attention" {
  na++; key = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6 SUBSEP $7; akey[na] = key
  atype[na] = $2; ab[na] = $3; ah[na] = $4; as[na] = $5; ad[na] = $6; ac[na] = $7; aours[na] = $8; ablas[na] = $9
  next
}
FILENAME ~ /torch\.tsv$/ && $1 == "torch" {
  key = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6 SUBSEP $7; torch_ms[key] = $8; torch_backend[key] = $9
  next
}

END {
  md = out "/report.md"; js = out "/report.json"
  print "# CudaEnv GPU check" > md
  print "" > md
  printf "- date: %s\n- GPU: %s (capability %s), driver %s\n- built for: %s with nvcc %s\n- total: %s s\n", \
    date, (gpu == "" ? "none" : gpu), (capability == "" ? "-" : capability), (driver == "" ? "-" : driver), \
    built, (nvcc == "" ? "-" : nvcc), total > md
  print "\n## Steps\n\n| step | result | seconds | detail |\n|---|---|---|---|" > md
  for (i = 1; i <= nsteps; i++) printf "| %s | %s | %s | %s |\n", step[i], result[i], secs[i], detail[i] > md

  print "\n## Correctness\n" > md
  if (chosen != "") printf "Dispatcher: chooses %s (expected %s): %s\n\n", chosen, expected, dispatch_ok > md
  if (nvariants > 0) print "| variant | cases passed | failed | largest relative error norm |\n|---|---|---|---|" > md
  for (i = 1; i <= nvariants; i++) printf "| %s | %d | %d | %.3g |\n", variant[i], vpassed[variant[i]], vfailed[variant[i]], vworst[variant[i]] > md
  for (i = 1; i <= ncases; i++) if (cok[i] != "ok") printf "\n- FAIL [%s] %s: %s", cvariant[i], cname[i], cdetail[i] > md
  print "" > md

  if (ng > 0) {
    print "\n## GEMM, TFLOP/s (fp32 out, row-major A and C)\n\n| type | m x n x k | B | CudaEnv | cuBLAS | CudaEnv / cuBLAS | error vs cuBLAS | GB/s CudaEnv / cuBLAS |\n|---|---|---|---|---|---|---|---|" > md
    for (i = 1; i <= ng; i++) {
      flop = 2 * gm[i] * gn[i] * gk[i]
      g_o[i] = tflops(flop, gours[i]); g_t[i] = tflops(flop, gtheirs[i]); g_r[i] = ratio(g_o[i], g_t[i])
      printf "| %s | %d x %d x %d | %s | %s | %s | %s | %s | %s / %s |\n", gtype[i], gm[i], gn[i], gk[i], gb[i], g_o[i], g_t[i], g_r[i], gerr[i], ggbs[i], ggbs_blas[i] > md
    }
  }
  if (ns > 0) {
    print "\n## GEMM sweep (each configuration checked against cuBLAS, then timed)\n" > md
    print "Best per shape:\n\n| type shape | configuration | ms | cuBLAS ms | ratio |\n|---|---|---|---|---|" > md
    for (i = 1; i <= nbest; i++) printf "| %s | %s | %s | %s | %s |\n", best_key[i], best_conf[best_key[i]], best_ms[best_key[i]], best_blas[best_key[i]], ratio(best_blas[best_key[i]], best_ms[best_key[i]]) > md
    print "\n| configuration | type | shape | TFLOP/s | ratio to cuBLAS | error | registers | shared B | CTAs/SM | status |\n|---|---|---|---|---|---|---|---|---|---|" > md
    for (i = 1; i <= ns; i++) printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", sconf[i], stype[i], sshape[i], stf[i], ratio(stheirs[i], sours[i]), serr[i], sregs[i], ssmem[i], sctas[i], sstatus[i] > md
  }
  if (nclk > 0) {
    print "\n## Clocks (nvidia-smi, before and after the timed steps)\n" > md
    for (i = 1; i <= nclk; i++) print "    " clk[i] > md
  }
  if (na > 0) {
    print "\n## Attention forward, TFLOP/s (4 b h s^2 d, halved when causal)\n" > md
    print "| type | batch | heads | seq | d | causal | CudaEnv | PyTorch SDPA | cuBLAS + softmax | CudaEnv / PyTorch | CudaEnv / cuBLAS+softmax |" > md
    print "|---|---|---|---|---|---|---|---|---|---|---|" > md
    for (i = 1; i <= na; i++) {
      flop = 4 * ab[i] * ah[i] * as[i] * as[i] * ad[i] * (ac[i] == 1 ? 0.5 : 1)
      a_o[i] = tflops(flop, aours[i]); a_b[i] = tflops(flop, ablas[i])
      a_t[i] = (akey[i] in torch_ms) ? tflops(flop, torch_ms[akey[i]]) : "-"
      a_tb[i] = (akey[i] in torch_backend) ? torch_backend[akey[i]] : ""
      printf "| %s | %d | %d | %d | %d | %s | %s | %s%s | %s | %s | %s |\n", atype[i], ab[i], ah[i], as[i], ad[i], \
        (ac[i] == 1 ? "yes" : "no"), a_o[i], a_t[i], (a_tb[i] != "" && a_tb[i] != "flash" ? " (" a_tb[i] ")" : ""), \
        a_b[i], ratio(a_o[i], a_t[i]), ratio(a_o[i], a_b[i]) > md
    }
  }
  close(md)

  printf "{\n  \"date\": %s, \"gpu\": %s, \"capability\": %s, \"driver\": %s,\n", esc(date), esc(gpu), esc(capability), esc(driver) > js
  printf "  \"built_for\": %s, \"nvcc\": %s, \"seconds\": %s,\n  \"steps\": [", esc(built), esc(nvcc), num(total) > js
  for (i = 1; i <= nsteps; i++) printf "%s\n    {\"step\": %s, \"result\": %s, \"seconds\": %s, \"detail\": %s}", (i > 1 ? "," : ""), esc(step[i]), esc(result[i]), num(secs[i]), esc(detail[i]) > js
  printf "\n  ],\n  \"dispatch\": {\"chosen\": %s, \"expected\": %s, \"ok\": %s},\n  \"cases\": [", esc(chosen), esc(expected), (dispatch_ok == "ok" ? "true" : "false") > js
  for (i = 1; i <= ncases; i++) printf "%s\n    {\"variant\": %s, \"case\": %s, \"ok\": %s, \"error_norm\": %s, \"detail\": %s}", (i > 1 ? "," : ""), esc(cvariant[i]), esc(cname[i]), (cok[i] == "ok" ? "true" : "false"), num(cerror[i]), esc(cdetail[i]) > js
  printf "\n  ],\n  \"gemm\": [" > js
  for (i = 1; i <= ng; i++) printf "%s\n    {\"type\": %s, \"m\": %d, \"n\": %d, \"k\": %d, \"b_layout\": %s, \"cudaenv_ms\": %s, \"cublas_ms\": %s, \"cudaenv_tflops\": %s, \"cublas_tflops\": %s, \"ratio\": %s}", (i > 1 ? "," : ""), esc(gtype[i]), gm[i], gn[i], gk[i], esc(gb[i]), num(gours[i]), num(gtheirs[i]), num(g_o[i]), num(g_t[i]), num(g_r[i]) > js
  printf "\n  ],\n  \"sweep\": [" > js
  for (i = 1; i <= ns; i++) printf "%s\n    {\"configuration\": %s, \"type\": %s, \"shape\": %s, \"cudaenv_ms\": %s, \"cublas_ms\": %s, \"registers\": %s, \"shared_bytes\": %s, \"ctas_per_sm\": %s, \"status\": %s}", (i > 1 ? "," : ""), esc(sconf[i]), esc(stype[i]), esc(sshape[i]), num(sours[i]), num(stheirs[i]), num(sregs[i]), num(ssmem[i]), num(sctas[i]), esc(sstatus[i]) > js
  printf "\n  ],\n  \"attention\": [" > js
  for (i = 1; i <= na; i++) printf "%s\n    {\"type\": %s, \"batch\": %d, \"heads\": %d, \"seq\": %d, \"head_dim\": %d, \"causal\": %s, \"cudaenv_tflops\": %s, \"pytorch_tflops\": %s, \"pytorch_backend\": %s, \"cublas_softmax_tflops\": %s, \"ratio_pytorch\": %s, \"ratio_cublas_softmax\": %s}", (i > 1 ? "," : ""), esc(atype[i]), ab[i], ah[i], as[i], ad[i], (ac[i] == 1 ? "true" : "false"), num(a_o[i]), num(a_t[i]), esc(a_tb[i]), num(a_b[i]), num(ratio(a_o[i], a_t[i])), num(ratio(a_o[i], a_b[i])) > js
  printf "\n  ]\n}\n" > js
  close(js)

  # The short table, last on the screen.
  print ""
  print "step          result       seconds"
  for (i = 1; i <= nsteps; i++) printf "%-13s %-12s %7s  %s\n", step[i], result[i], secs[i], substr(detail[i], 1, 60)
  for (i = 1; i <= nvariants; i++) printf "variant %-10s %d passed, %d failed, largest error norm %.3g\n", variant[i], vpassed[variant[i]], vfailed[variant[i]], vworst[variant[i]]
  if (ng > 0) print "\nGEMM TFLOP/s          CudaEnv  cuBLAS  ratio"
  for (i = 1; i <= ng; i++) printf "%-4s %5dx%5dx%5d %s %7s %7s %6s\n", gtype[i], gm[i], gn[i], gk[i], (gb[i] == "col" ? "Bt" : "  "), g_o[i], g_t[i], g_r[i]
  if (nbest > 0) print "\nGEMM sweep, best configuration per shape"
  for (i = 1; i <= nbest; i++) printf "%-26s %-24s %6s\n", best_key[i], best_conf[best_key[i]], ratio(best_blas[best_key[i]], best_ms[best_key[i]])
  if (na > 0) print "\nattention TFLOP/s           CudaEnv  PyTorch  ratio  cuBLAS+sm  ratio"
  for (i = 1; i <= na; i++) if (atype[i] == "f16") printf "%-4s s%-5d d%-3d %-6s    %7s  %7s %6s  %9s %6s\n", atype[i], as[i], ad[i], (ac[i] == 1 ? "causal" : "full"), a_o[i], a_t[i], ratio(a_o[i], a_t[i]), a_b[i], ratio(a_o[i], a_b[i])
  printf "\nreport: %s, %s\n", md, js
}
