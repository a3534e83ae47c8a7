#!/usr/bin/env bash
# The sharded deployment as a team with its own Kafka runs it, every part its own process on 127.0.0.1 (README,
# "Several serving instances"): a standalone broker (Kafka's own kafka.Kafka main from the project's dependencies,
# KRaft, loopback), the streaming job fed with a world's train days, one publish, three `serve --bootstrap` instances
# and one single-node `serve --model` on the same model; then `./rewrite cluster-check` measures them (same answers,
# forwarding latency, bytes per instance, freshness, erasure, kill -9 of one instance under load). Stops everything
# it started when done. Usage: bin/cluster-check.sh [WORLD_DIR (default ../shared/data/dev-world)] [REQUESTS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
world="${1:-$here/../shared/data/dev-world}"
requests="${2:-2000}"
source "$here/bin/find-jdk.sh"
"$here/rewrite" version >/dev/null # builds the project when needed
work="$(mktemp -d "${TMPDIR:-/tmp}/cluster-check-XXXXXX")"
# every process runs from a copy of the build, so a rebuild of the checkout meanwhile cannot pull jars from under them
app="$work/app"
mkdir -p "$app/bin" "$app/rewrite-offline/target"
cp "$here/rewrite" "$app/"; cp "$here/bin/find-jdk.sh" "$app/bin/"
cp -r "$here/rewrite-offline/target/rewrite-offline.jar" "$here/rewrite-offline/target/lib" "$app/rewrite-offline/target/"
cp="$app/rewrite-offline/target/rewrite-offline.jar:$app/rewrite-offline/target/lib/*"
base="${CLUSTER_CHECK_BASE_PORT:-19090}"
broker_port=$base; controller_port=$((base + 1)); single_port=$((base + 10))
bootstrap="127.0.0.1:$broker_port"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
say() { printf '[%(%H:%M:%S)T] cluster-check: %s\n' -1 "$*" >&2; }
await_http() { # URL SECONDS
  for _ in $(seq 1 $(($2 * 2))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then return 0; fi
    sleep 0.5
  done
  echo "cluster-check: $1 not ready after $2 s (logs under $work)" >&2; return 1
}

say "work directory $work"
cat >"$work/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$broker_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$broker_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$work/kafka
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
default.replication.factor=1
PROPS
cluster_id="$("$JAVA_HOME/bin/java" -cp "$cp" kafka.tools.StorageTool random-uuid)"
"$JAVA_HOME/bin/java" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$work/server.properties" \
  >"$work/format.log" 2>&1
"$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" kafka.Kafka "$work/server.properties" >"$work/broker.log" 2>&1 &
pids+=($!)
say "standalone broker (kafka.Kafka, KRaft) pid ${pids[-1]} on $bootstrap"

export REWRITE_LOG_DIR="$work/logs"
REWRITER_STREAM_STATE_DIR="$work/mining-state" REWRITE_JAVA_OPTS=-Xmx2g \
  "$app/rewrite" stream --bootstrap "$bootstrap" --create-topics --partitions 6 >"$work/stream.out" 2>&1 &
pids+=($!)
say "streaming job pid ${pids[-1]}"
for _ in $(seq 1 120); do
  if "$app/rewrite" produce --bootstrap "$bootstrap" --logs "$world/train.jsonl.gz" --await-mined 900 \
    >"$work/produce.out" 2>&1; then break; fi
  grep -q "topic" "$work/produce.out" || { cat "$work/produce.out" >&2; exit 1; }
  sleep 1 # the job creates the topics when it starts
done
say "$(tail -n 2 "$work/produce.out" | tr '\n' ' ')"
"$app/rewrite" publish --bootstrap "$bootstrap" --model "$work/model" >"$work/publish.out" 2>&1
say "published $(cat "$work/model/CURRENT")"

urls=(); serve_pids=(); states=()
for i in 1 2 3; do
  port=$((base + 10 + i))
  state="$work/serve-state-$i"
  REWRITER_STREAM_STATE_DIR="$state" REWRITE_JAVA_OPTS=-Xmx1500m \
    "$app/rewrite" serve --bootstrap "$bootstrap" --model "$work/model" --port "$port" >"$work/serve-$i.out" 2>&1 &
  pids+=($!); serve_pids+=($!); urls+=("http://127.0.0.1:$port"); states+=("$state")
done
REWRITE_JAVA_OPTS=-Xmx1500m "$app/rewrite" serve --model "$work/model" --port "$single_port" \
  >"$work/serve-single.out" 2>&1 &
pids+=($!)
for u in "${urls[@]}" "http://127.0.0.1:$single_port"; do await_http "$u/ready" 600; done
say "three serve --bootstrap instances and one serve --model ready"
# the JVM's pid, not the wrapper script's: ./rewrite execs java, so they are the same process
"$app/rewrite" cluster-check --bootstrap "$bootstrap" --single "http://127.0.0.1:$single_port" \
  --instances "$(IFS=,; echo "${urls[*]}")" --pids "$(IFS=,; echo "${serve_pids[*]}")" \
  --state-dirs "$(IFS=,; echo "${states[*]}")" --logs "$world/eval.jsonl.gz" --requests "$requests" \
  --report "$work/cluster-check.json"
say "figures in $work/cluster-check.json"
