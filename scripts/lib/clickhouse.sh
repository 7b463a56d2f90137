#!/usr/bin/env bash
# Throw-away ClickHouse servers for the tests and benchmarks of `recommit import clickhouse` (sourced, not run).
#   clickhouse_install             installs Debian's clickhouse-server and clickhouse-client when missing
#   clickhouse_start DIR [keep]    starts two servers on loopback: shard 1 HTTP 58123 / native 59000, shard 2
#                                  HTTP 58124 / native 59001 (10 or 20 above when those are taken; RECOMMIT_CLICKHOUSE_PORT_OFFSET=N
#                                  takes exactly N above, for a run that must not meet another's), each with its own config and data under DIR; both know
#                                  the cluster `recommit_two_shards` (one shard each); exports RECOMMIT_TEST_CLICKHOUSE
#                                  and RECOMMIT_TEST_CLICKHOUSE_SHARD2 (their HTTP URLs) and RECOMMIT_TEST_CLICKHOUSE_NATIVE
#                                  (shard 1's native port) and RECOMMIT_TEST_CLICKHOUSE_PID (its process, for CPU time); with `keep`, DIR's data is kept from an earlier start and
#                                  left in place at the stop (the benchmark's generated tables)
#   clickhouse_stop                stops the servers this shell started (by their process ids) and removes DIR
# The servers run as child processes of the calling script; callers set `trap clickhouse_stop EXIT`.

clickhouse_pids=()
clickhouse_dir=""
clickhouse_keep=""

clickhouse_install() {
  if command -v clickhouse-server >/dev/null 2>&1 && command -v clickhouse-client >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "clickhouse-server is not installed and this is not root: apt-get install clickhouse-server clickhouse-client" >&2
    return 1
  fi
  echo "installing clickhouse-server and clickhouse-client (Debian)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client) >/dev/null 2>&1 \
    || { echo "could not install clickhouse-server" >&2; return 1; }
}

# clickhouse_config DIR HTTP_PORT TCP_PORT OFFSET: writes DIR/config.xml and DIR/users.xml (the cluster's shards on
# native ports 59000+OFFSET and 59001+OFFSET).
clickhouse_config() {
  local dir="$1" http="$2" tcp="$3" offset="$4"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/log"
  cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_concurrent_queries>20</max_concurrent_queries>
  <uncompressed_cache_size>0</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers>
    <recommit_two_shards>
      <shard><replica><host>127.0.0.1</host><port>$((59000 + offset))</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$((59001 + offset))</port></replica></shard>
    </recommit_two_shards>
  </remote_servers>
</yandex>
XML
  # Two users: `default` without a password (the tests create tables with it) and `reader` with the password
  # `reader-test-password`, for the tests of --user and --password-file. Loopback only.
  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>
    <reader><password>reader-test-password</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></reader>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

# clickhouse_wait HTTP_PORT: waits up to 30 s for the server to answer.
clickhouse_wait() {
  local port="$1" i
  for i in $(seq 1 150); do
    if [ "$(curl -s "http://127.0.0.1:$port/ping" 2>/dev/null)" = "Ok." ]; then return 0; fi
    sleep 0.2
  done
  return 1
}

# clickhouse_free OFFSET: true when none of the four ports (58123/58124/59000/59001 + OFFSET) is taken.
clickhouse_free() {
  local port
  for port in $((58123 + $1)) $((58124 + $1)) $((59000 + $1)) $((59001 + $1)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 1; fi
  done
  return 0
}

clickhouse_start() {
  clickhouse_dir="$1"
  clickhouse_keep="${2:-}"
  [ -z "$clickhouse_keep" ] && rm -rf "$clickhouse_dir"
  # The ports are 58123/59000 and 58124/59001; when another run on this machine holds them (a colleague's scripts/test
  # on a shared machine), the next free set 10 or 20 above is taken instead.
  local offset="" o shard http tcp offsets="0 10 20"
  [ -n "${RECOMMIT_CLICKHOUSE_PORT_OFFSET:-}" ] && offsets="$RECOMMIT_CLICKHOUSE_PORT_OFFSET"
  for o in $offsets; do
    if clickhouse_free "$o"; then offset="$o"; break; fi
  done
  if [ -z "$offset" ]; then
    echo "ports 58123/58124/59000/59001 + each of the offsets $offsets are in use; stop those servers first" >&2
    return 1
  fi
  if [ "$offset" != 0 ] && [ -z "${RECOMMIT_CLICKHOUSE_PORT_OFFSET:-}" ]; then echo "ClickHouse test servers: ports 58123/59000 are taken, using HTTP $((58123 + offset))/$((58124 + offset)), native $((59000 + offset))/$((59001 + offset))" >&2; fi
  for shard in 1 2; do
    http=$((58122 + shard + offset)); tcp=$((58999 + shard + offset))
    clickhouse_config "$clickhouse_dir/shard$shard" "$http" "$tcp" "$offset"
    clickhouse-server --config-file="$clickhouse_dir/shard$shard/config.xml" >"$clickhouse_dir/shard$shard/log/stdout.log" 2>&1 &
    clickhouse_pids+=($!)
  done
  for http in $((58123 + offset)) $((58124 + offset)); do
    if ! clickhouse_wait "$http"; then
      echo "ClickHouse on port $http did not start; see $clickhouse_dir/shard*/log" >&2
      return 1
    fi
  done
  export RECOMMIT_TEST_CLICKHOUSE="http://127.0.0.1:$((58123 + offset))"
  export RECOMMIT_TEST_CLICKHOUSE_SHARD2="http://127.0.0.1:$((58124 + offset))"
  export RECOMMIT_TEST_CLICKHOUSE_NATIVE=$((59000 + offset))
  export RECOMMIT_TEST_CLICKHOUSE_PID="${clickhouse_pids[0]}"
}

clickhouse_stop() {
  local pid
  for pid in "${clickhouse_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${clickhouse_pids[@]}"; do wait "$pid" 2>/dev/null; done
  clickhouse_pids=()
  [ -n "$clickhouse_dir" ] && [ -z "$clickhouse_keep" ] && rm -rf "$clickhouse_dir"
  clickhouse_dir=""
  return 0
}
