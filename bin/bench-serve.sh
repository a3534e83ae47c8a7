#!/usr/bin/env bash
# Load benchmark of ./rewrite serve on the loopback address, with a model trained on the dev world.
#   bin/bench-serve.sh [MODEL_DIR]
# Installs wrk (and hey) from Debian when missing. Trains a model on ../shared/data/dev-world/train.jsonl.gz unless
# MODEL_DIR (or $BENCH_MODEL) already holds one; skips cleanly (exit 0) when the dev world is absent. Bounded: every
# run lasts $BENCH_SECONDS (default 15) under a hard timeout. Prints one line per run:
#   throughput at saturation (wrk, closed loop) and latency at a fixed rate (wrk with a per-connection delay;
#   hey -q when wrk cannot be had), for single requests and for batches of 16.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DEV_WORLD:-$here/../shared/data/dev-world}"
train="$data/train.jsonl.gz"
evalset="$data/eval.jsonl.gz"
seconds="${BENCH_SECONDS:-15}"
rate="${BENCH_RATE:-1000}"
port="${BENCH_PORT:-18080}"
work="${BENCH_WORK:-${TMPDIR:-/tmp}/bench-serve}"
model="${1:-${BENCH_MODEL:-$work/model}}"

if [ ! -f "$train" ] || [ ! -f "$evalset" ]; then
  echo "bench-serve: skipped: the dev world is absent ($train, $evalset)"
  exit 0
fi
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v hey >/dev/null 2>&1 || need+=(hey)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench-serve: installing ${need[*]} from Debian"
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get install -y -q "${need[@]}" >/dev/null 2>&1 \
    || { $sudo_ apt-get update -q >/dev/null 2>&1 && $sudo_ apt-get install -y -q "${need[@]}" >/dev/null 2>&1; } \
    || echo "bench-serve: could not install ${need[*]}"
fi
command -v curl >/dev/null 2>&1 || { echo "bench-serve: curl is needed"; exit 1; }
command -v wrk >/dev/null 2>&1 || command -v hey >/dev/null 2>&1 || { echo "bench-serve: neither wrk nor hey"; exit 1; }
mkdir -p "$work"

if [ ! -f "$model/model-manifest.json" ]; then
  echo "bench-serve: training $model on $train (several minutes)"
  "$here/rewrite" train --logs "$train" --out "$model" --force
fi

# request bodies: the eval days' utterances with their customers and devices, as the dialogue service would send them
python3 - "$evalset" "$work" <<'PY'
import gzip, json, sys
src, out = sys.argv[1], sys.argv[2]
singles = []
with gzip.open(src, "rt", encoding="utf-8") as f:
    for line in f:
        e = json.loads(line)
        singles.append({"utterance": e["utterance"], "customerId": e["customerId"], "deviceType": e["deviceType"],
                        "time": e["timestamp"]})
        if len(singles) == 4096:
            break
with open(out + "/single.txt", "w", encoding="utf-8") as f:
    for s in singles:
        f.write(json.dumps(s) + "\n")
with open(out + "/batch16.txt", "w", encoding="utf-8") as f:
    for i in range(0, len(singles) - 15, 16):
        f.write(json.dumps({"requests": singles[i:i + 16]}) + "\n")
with open(out + "/one.json", "w", encoding="utf-8") as f:
    f.write(json.dumps(singles[0]))
PY
cat > "$work/post.lua" <<'LUA'
-- cycles through one JSON body a line; BODIES names the file, DELAY_MS paces each connection (0: as fast as it can)
local bodies, i = {}, 0
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
function request()
  i = i % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[i])
end
-- exponential gaps (mean DELAY_MS): connections do not fire in lock-step bursts, arrivals look like independent callers
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
if delay_ms > 0 then function delay() return math.floor(-math.log(1 - math.random()) * delay_ms + 0.5) end end
LUA

log="$work/serve.log"
REWRITE_LOG_DIR="$work/logs" "$here/rewrite" serve --model "$model" --port "$port" 2>"$log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "bench-serve: the server exited:"; cat "$log"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/ready" >/dev/null || { echo "bench-serve: the server did not get ready"; exit 1; }
echo "bench-serve: $(nproc) cores, server and load generator on this machine; model $model; ${seconds}s a run"

run_wrk() { # name, path, bodies file, connections, delay ms, rewrites per request
  local out
  out=$(BODIES="$3" DELAY_MS="$5" timeout $((seconds + 30)) wrk -t2 -c"$4" -d"${seconds}s" --latency -s "$work/post.lua" \
    "http://127.0.0.1:$port$2")
  echo "$out" > "$work/run-$(tr -c "A-Za-z0-9\n" "_" <<<"$1").txt"
  local rps p50 p90 p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-34s %9s req/s  %9.0f rewrites/s  p50 %-8s p90 %-8s p99 %-8s %s\n' "$1" "$rps" \
    "$(awk -v r="$rps" -v n="$6" 'BEGIN {print r * n}')" "$p50" "$p90" "$p99" "${errors:-no errors}"
}

run_hey() { # name, path, body file, connections, per-connection rate (0: unbounded), rewrites per request
  local out q=()
  [ "$5" != "0" ] && q=(-q "$5")
  out=$(timeout $((seconds + 30)) hey -z "${seconds}s" -c "$4" "${q[@]}" -m POST -T application/json -D "$3" \
    "http://127.0.0.1:$port$2")
  echo "$out" > "$work/run-$(tr -c "A-Za-z0-9\n" "_" <<<"$1").txt"
  local rps p50 p90 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '/50%/ {print $3 * 1000 "ms"}' <<<"$out")
  p90=$(awk '/90%/ {print $3 * 1000 "ms"}' <<<"$out")
  p99=$(awk '/99%/ {print $3 * 1000 "ms"}' <<<"$out")
  printf '%-34s %9s req/s  %9.0f rewrites/s  p50 %-8s p90 %-8s p99 %-8s %s\n' "$1" "$rps" \
    "$(awk -v r="$rps" -v n="$6" 'BEGIN {print r * n}')" "$p50" "$p90" "$p99" "$(grep -A3 'Status code' <<<"$out" | tr -s ' \n' ' ')"
}

# warm-up (JIT, embedding cache of the first pass), not reported
if command -v wrk >/dev/null 2>&1; then
  BODIES="$work/single.txt" DELAY_MS=0 timeout 60 wrk -t2 -c16 -d10s -s "$work/post.lua" "http://127.0.0.1:$port/v1/rewrite" >/dev/null
  BODIES="$work/batch16.txt" DELAY_MS=0 timeout 60 wrk -t2 -c8 -d5s -s "$work/post.lua" "http://127.0.0.1:$port/v1/rewrite:batch" >/dev/null
  run_wrk "single, saturation (wrk -c32)" /v1/rewrite "$work/single.txt" 32 0 1
  run_wrk "batch of 16, saturation (wrk -c8)" /v1/rewrite:batch "$work/batch16.txt" 8 0 16
  conns=20 # fixed rate: each of 20 connections sends one request every 20*1000/rate ms
  run_wrk "single, fixed ${rate}/s (wrk -c$conns)" /v1/rewrite "$work/single.txt" $conns $((conns * 1000 / rate)) 1
  run_wrk "batch16, fixed $((rate / 16))/s (wrk -c$conns)" /v1/rewrite:batch "$work/batch16.txt" $conns \
    $((conns * 1000 * 16 / rate)) 16
fi
if command -v hey >/dev/null 2>&1; then
  # hey sends one body: the same request over and over (embedding cache warm); rate = connections x -q
  run_hey "single, fixed ${rate}/s (hey -c10 -q$((rate / 10)))" /v1/rewrite "$work/one.json" 10 $((rate / 10)) 1
  [ -x "$(command -v wrk)" ] || run_hey "single, saturation (hey -c32)" /v1/rewrite "$work/one.json" 32 0 1
fi
curl -fs "http://127.0.0.1:$port/metrics" | grep -E '^rewriter_(requests_total|failures_total)' | sed 's/^/  /' || true
echo "bench-serve: raw outputs in $work/run-*.txt"
