#!/usr/bin/env bash
# Shared-records benchmark (issue: DOC search and read speed). On this machine, server, database and load
# generator together:
#   1. a PostgreSQL cluster of its own (Debian's postgresql, installed if missing) under target/bench/pg;
#      its shared memory on huge pages when they can be had;
#   2. Renkei (profile demo) against it once, for the schema, the demo region and the demo IC cards;
#   3. a synthetic region beside it (synthetic-region.sql: 100,000 participants, 12 lab results each);
#   4. Renkei again (its access view loads everything), then HTTPS load (wrk) with a demo doctor's client certificate:
#      a participant's record search (12 results) and a single record read, after 60 s of each unmeasured (JIT);
#   5. the server stack's ceiling (StackCeiling.java): the same Tomcat, TLS, pool and driver answering the read without
#      Renkei, in three steps (TLS alone, with the record's query, with a durable audit wait); BENCH_STACK_CEILING=0
#      leaves it out;
#   6. pgbench -S -M prepared on the same database with the same concurrency: the PostgreSQL ceiling.
# Usage: bench/records/run.sh [concurrency] [seconds]      (defaults 32 and 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
CONCURRENCY=${1:-32}
SECONDS_EACH=${2:-30}
PARTICIPANTS=${BENCH_PARTICIPANTS:-100000}
PER=${BENCH_RECORDS_PER_PARTICIPANT:-12}
PGPORT=${BENCH_PGPORT:-55432}
PORT=${BENCH_PORT:-18443}
WORK=target/bench
# The server's collector: the throughput collector by default (docs/operations.md, "JVM"); G1 with
# BENCH_SERVER_JVM_OPTIONS=-XX:+UseG1GC
SERVER_JVM_OPTIONS=${BENCH_SERVER_JVM_OPTIONS:--XX:+UseParallelGC}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ]; then
  echo "Installing PostgreSQL for the benchmark"; apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
mkdir -p "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ ! -f "$WORK/pg/PG_VERSION" ]; then
  mkdir -p "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
  as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$WORK/pg/postgresql.conf" <<CONF
port = $PGPORT
listen_addresses = 'localhost'
unix_socket_directories = '/tmp'
shared_buffers = 512MB
max_connections = 200
synchronous_commit = on
CONF
fi
# PostgreSQL's shared memory on huge pages (docs/operations.md, "PostgreSQL"): with 4 kB pages every backend maps
# the shared buffers page by page, and on a virtual machine each of those page faults and TLB misses is dear
# (docs/performance.md). As root the script reserves the 2 MB pages the cluster needs (vm.nr_hugepages) and gives
# the number back when it ends; huge_pages = try starts the cluster without them when they cannot be had.
# Shared buffers: a quarter of the machine's memory (PostgreSQL's own guidance), 512 MB to 4 GB, given at start so
# that a cluster made by an earlier run takes it too (BENCH_SHARED_BUFFERS, in MB). With 512 MB a read found a third
# of its record's pages outside them (docs/performance.md).
MEMORY_MB=$(awk '/^MemTotal/ { print int($2 / 1024) }' /proc/meminfo)
SHARED_BUFFERS_MB=${BENCH_SHARED_BUFFERS:-$(( MEMORY_MB / 4 < 512 ? 512 : (MEMORY_MB / 4 > 4096 ? 4096 : MEMORY_MB / 4) ))}
PG_OPTIONS="-c shared_buffers=${SHARED_BUFFERS_MB}MB"
HUGE_PAGES_BEFORE=
give_back_huge_pages() { if [ -n "$HUGE_PAGES_BEFORE" ]; then echo "$HUGE_PAGES_BEFORE" > /proc/sys/vm/nr_hugepages || true; fi; }
APP=
# on any exit: the server under test (Renkei or StackCeiling) stopped if the script stops early, the pages given back
on_exit() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; fi; give_back_huge_pages; }
trap on_exit EXIT
free_huge_pages() { awk '/^HugePages_Free/ { f = $2 } /^HugePages_Rsvd/ { r = $2 } END { print f - r }' /proc/meminfo; }
if ! as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -w status >/dev/null 2>&1; then
  NEEDED=$(as_pg "$PGBIN/postgres" -D "$WORK/pg" $PG_OPTIONS -C shared_memory_size_in_huge_pages 2>/dev/null || echo 0)
  if [ "$(id -u)" = 0 ] && [ "$NEEDED" -gt 0 ] && [ "$(free_huge_pages)" -lt "$NEEDED" ]; then
    HUGE_PAGES_BEFORE=$(cat /proc/sys/vm/nr_hugepages)
    echo $((HUGE_PAGES_BEFORE + NEEDED - $(free_huge_pages))) > /proc/sys/vm/nr_hugepages || true
  fi
  FREE_BEFORE=$(free_huge_pages)
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -o "-c huge_pages=try $PG_OPTIONS" -w start >/dev/null
  echo "PostgreSQL's shared buffers: ${SHARED_BUFFERS_MB} MB"
  USED=$((FREE_BEFORE - $(free_huge_pages)))
  if [ "$USED" -gt 0 ]; then echo "PostgreSQL's shared memory on huge pages: $USED × 2 MB"
  else echo "PostgreSQL's shared memory on 4 kB pages (no huge pages to be had; see docs/operations.md)"; fi
else
  echo "PostgreSQL was running already: its shared memory is as it was started (stop it for huge pages)"
fi
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -tc "select 1 from pg_database where datname = 'renkei'" | grep -q 1 || "${PSQL[@]}" -c "create database renkei"

./mvnw -q -o -DskipTests package
JAR=$(ls target/renkei-*.jar | grep -v original | head -1)
export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PGPORT/renkei" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=x
APP_ARGS=(--spring.profiles.active=demo --server.port="$PORT" --renkei.tls.http-port=0
  --renkei.tls.directory="$WORK/tls" --renkei.demo.certificates-directory="$WORK/certificates"
  --renkei.records.attachments-directory="$WORK/attachments" --logging.level.root=WARN)
# usage: await_start NAME LOG PATTERN SECONDS — until the server just started ($APP) writes PATTERN to LOG; the script
# stops if it does not within SECONDS or ends before
await_start() {
  local _
  for _ in $(seq 1 "$4"); do
    grep -q "$3" "$2" && return 0
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  echo "$1 did not start; see $2"; stop_app; exit 1
}
start_app() {
  java -Xms1g -Xmx1g $SERVER_JVM_OPTIONS -jar "$JAR" "${APP_ARGS[@]}" > "$WORK/app.log" 2>&1 &
  APP=$!
  await_start Renkei "$WORK/app.log" "Renkei is up" 240
}
stop_app() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; }

echo "== schema and demo region"; start_app; stop_app
echo "== synthetic region: $PARTICIPANTS participants × $PER records"
time "${PSQL[@]}" -d renkei -v participants="$PARTICIPANTS" -v per="$PER" -f bench/records/synthetic-region.sql
"${PSQL[@]}" -d renkei -tAc "select id from participant where family_name = '合成' order by random() limit 20000" > "$WORK/participants.txt"
"${PSQL[@]}" -d renkei -tAc "select r.id from record r join participant p on p.id = r.participant_id where p.family_name = '合成' order by random() limit 50000" > "$WORK/records.txt"
"${PSQL[@]}" -d renkei -tAc "select count(*) || ' participants, ' || (select count(*) from record) || ' records' from participant"

echo "== Renkei with the whole region (server JVM: -Xms1g -Xmx1g $SERVER_JVM_OPTIONS)"; start_app
# The load generator: wrk (Debian's package), two threads, one kept-alive TLS connection per client, the paths
# drawn at random by load.lua. On the two cores it shares with the server and PostgreSQL, it took a quarter less CPU
# per read than the JDK generator used before it, and the machine made one context switch less per read
# (docs/performance.md). wrk has no option for a client certificate: client-certificate.c, preloaded, gives its TLS
# context the demo doctor's card certificate.
if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk for the benchmark"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
mkdir -p "$WORK/load"
gcc -O2 -shared -fPIC -o "$WORK/load/client-certificate.so" bench/records/client-certificate.c -ldl
P12="$WORK/certificates/midori-hospital-doctor-1.p12"; PASS='Renkei-demo-2026!'
openssl pkcs12 -in "$P12" -passin "pass:$PASS" -nokeys -out "$WORK/load/client-certificate.pem" 2>/dev/null
openssl pkcs12 -in "$P12" -passin "pass:$PASS" -nocerts -nodes -out "$WORK/load/client-key.pem" 2>/dev/null
chmod 600 "$WORK/load/client-key.pem"
# usage: generate LABEL IDS_FILE PATH_TEMPLATE SECONDS; prints the script's line, then (on the last line, from the
# shell's "times": what its children used) the user and system CPU time of wrk
generate() {
  ( export BENCH_LABEL="$1" BENCH_IDS="$2" BENCH_PATH="$3" BENCH_CONCURRENCY="$CONCURRENCY"
    BENCH_CLIENT_CERTIFICATE="$WORK/load/client-certificate.pem" BENCH_CLIENT_KEY="$WORK/load/client-key.pem" \
      LD_PRELOAD="$PWD/$WORK/load/client-certificate.so" \
      wrk -t "$(( CONCURRENCY < 2 ? CONCURRENCY : 2 ))" -c "$CONCURRENCY" -d "${4}s" --timeout 30s -s bench/records/load.lua "https://localhost:$PORT" \
      | grep -E " req/s "
    times )
}
RESULTS="$WORK/results.txt"; : > "$RESULTS"
# CPU time per request (user + system, from /proc, over the measured run) of the server, of PostgreSQL (all its
# processes) and of the generator. Less at the mercy of other load on a shared machine than requests/s, and it shows
# where the two cores go.
cpu_ticks() { local sum=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$sum"; }
pg_pids() { pgrep -f "postgres.*$WORK/pg|postgres: " | tr '\n' ' '; }
# Context switches of the whole machine (/proc/stat): on a virtual machine every wake-up is dear, and a request's
# wake-ups (client, server threads, PostgreSQL backends) are a large part of its cost there.
context_switches() { awk '/^ctxt/ { print $2 }' /proc/stat; }
load() {
  local app0 app1 pg0 pg1 cs0 cs1 out line
  app0=$(cpu_ticks "$APP"); pg0=$(cpu_ticks $(pg_pids)); cs0=$(context_switches)
  out=$(generate "$@")
  app1=$(cpu_ticks "$APP"); pg1=$(cpu_ticks $(pg_pids)); cs1=$(context_switches)
  line=$(echo "$out" | head -1)
  if ! echo "$line" | grep -q " req/s "; then echo "the load generator (wrk) gave no result"; exit 1; fi
  echo "$line" | tee -a "$RESULTS"
  echo "$out" | tail -1 | awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v c=$((cs1 - cs0)) -v hz="$(getconf CLK_TCK)" \
      -v line="$line" 'function s(t) { split(t, m, /[ms]/); return 60 * m[1] + m[2] }
    { g = s($1) + s($2); k = split(line, f, " "); for (i = 1; i <= k; i++) if (f[i] == "all") n = f[i + 1]
    printf "  CPU per request: server %.2f ms, PostgreSQL %.2f ms, generator %.2f ms (%d requests)\n",
      1000 * a / hz / n, 1000 * p / hz / n, 1000 * g / n, n
    printf "  context switches per request (whole machine): %.1f\n", c / n }' | tee -a "$RESULTS"
}
# The JVM compiles the hot paths while the two cores are busy with the load: a minute of each load, unreported,
# before the measured runs (with 20 s the first measured run was still partly interpreted and varied by half).
WARM_UP=${BENCH_WARM_UP:-60}
SEARCH='/fhir/Observation?patient=Patient/{id}&_count=20'
READ='/fhir/Observation/{id}'
# wrk counts only answers of 400 and more as failed: one search and one read by curl first, each of which must be a
# 200 with the resource expected, so that a redirect or an empty answer cannot pass as a request served.
check_answer() {
  local path status body="$WORK/load/check.json"
  path=${2//\{id\}/$(head -1 "$1")}
  status=$(curl -sk -o "$body" -w '%{http_code}' -H 'Accept: application/fhir+json' \
    --cert "$WORK/load/client-certificate.pem" --key "$WORK/load/client-key.pem" "https://localhost:$PORT$path")
  if [ "$status" != 200 ] || ! grep -Eq "\"resourceType\" *: *\"$3\"" "$body" || ! grep -q '"Observation"' "$body"; then
    echo "GET $path gave HTTP $status, not the $3 expected: see $body"; stop_app; exit 1
  fi
}
check_answer "$WORK/participants.txt" "$SEARCH" Bundle
check_answer "$WORK/records.txt" "$READ" Observation
generate "warm-up" "$WORK/participants.txt" "$SEARCH" "$WARM_UP" >/dev/null
generate "warm-up" "$WORK/records.txt" "$READ" "$WARM_UP" >/dev/null
load "record search" "$WORK/participants.txt" "$SEARCH" "$SECONDS_EACH"
load "record read" "$WORK/records.txt" "$READ" "$SECONDS_EACH"
stop_app

# The server stack's ceiling (StackCeiling.java): the same Tomcat, TLS, Hikari pool and PostgreSQL driver answering
# the read with none of Renkei's work, in three steps: TLS alone, with the record's query, and with a durable audit
# wait. It shows how much of a read's cost is the stack and the two waits every read has, and how much is Renkei.
if [ "${BENCH_STACK_CEILING:-1}" != 0 ]; then
  echo "== the server stack's ceiling: Tomcat, TLS, Hikari and the PostgreSQL driver without Renkei (StackCeiling.java)"
  CEILING="$WORK/ceiling"; bench/records/build-stack-ceiling.sh "$JAR" "$CEILING"
  for step in tls query audit; do
    mkdir -p "$CEILING/tmp"  # Tomcat's base folder goes there, inside the benchmark's own folder
    java -Xms1g -Xmx1g $SERVER_JVM_OPTIONS -Djava.io.tmpdir="$CEILING/tmp" -cp "$CEILING/classes:$CEILING/BOOT-INF/lib/*" \
      StackCeiling "$step" "$PORT" \
      "$SPRING_DATASOURCE_URL" "$SPRING_DATASOURCE_USERNAME" "$SPRING_DATASOURCE_PASSWORD" "$WORK/tls" \
      > "$WORK/ceiling-$step.log" 2>&1 &
    APP=$!
    await_start StackCeiling "$WORK/ceiling-$step.log" "^ready" 60
    generate "warm-up" "$WORK/records.txt" "$READ" 15 >/dev/null
    load "stack $step" "$WORK/records.txt" "$READ" "$SECONDS_EACH"
    stop_app
  done
  "${PSQL[@]}" -d renkei -c "drop table if exists bench_ceiling_audit"
fi

echo "== PostgreSQL ceiling: pgbench -S -M prepared, $CONCURRENCY clients"
"${PSQL[@]}" -d renkei -tc "select 1 from pg_tables where tablename = 'pgbench_accounts'" | grep -q 1 || \
  pgbench -h localhost -p "$PGPORT" -U postgres -i -s 10 -q renkei >/dev/null 2>&1
pgbench -h localhost -p "$PGPORT" -U postgres -S -M prepared -c "$CONCURRENCY" -j 2 -T "$SECONDS_EACH" renkei 2>/dev/null \
  | grep -E "^tps|latency average" | tee -a "$RESULTS"
TPS=$(grep -oE "^tps = [0-9.]+" "$RESULTS" | grep -oE "[0-9.]+$" | head -1)
awk -v tps="$TPS" '/^record .*req\/s/ { for (i = 1; i <= NF; i++) if ($(i) == "req/s") printf "%s: %.1f%% of the PostgreSQL ceiling (%s tps)\n", $1" "$2, 100 * $(i-1) / tps, tps }' "$RESULTS"
# the read beside the stack doing only what every read must (its query and a durable audit wait)
awk '/req\/s/ { for (i = 1; i <= NF; i++) if ($(i) == "req/s") rate[$1" "$2] = $(i-1) }
  END { if (rate["stack audit"] > 0) printf "record read: %.1f%% of the stack with its query and audit wait (%d req/s)\n",
    100 * rate["record read"] / rate["stack audit"], rate["stack audit"] }' "$RESULTS"
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -w stop >/dev/null

# What a wake-up costs on this machine: two processes passing a byte back and forth through pipes, each pass a
# context switch (perf bench sched pipe, when perf is installed). A read needs about eight context switches across
# wrk, the server's threads and PostgreSQL; on a virtual machine they are a large part of its cost
# (docs/performance.md, "Where a read's CPU goes").
if command -v perf >/dev/null 2>&1 && perf bench sched pipe -l 1000 >/dev/null 2>&1; then
  perf bench sched pipe -l 200000 2>/dev/null | awk '/usecs\/op/ { printf "machine: %.1f µs per wake-up round trip between two processes (perf bench sched pipe)\n", $1 }' \
    | tee -a "$RESULTS"
else
  echo "machine: no wake-up figure (perf is not installed)"
fi
