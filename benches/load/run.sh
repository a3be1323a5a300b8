#!/usr/bin/env bash
# Load test of the foundation (issue "Measure"): /healthz, the login page and the dashboard with
# 50 concurrent connections for 30 s each, on SQLite and on PostgreSQL, with Debian's wrk; then
# the public address list (R-REG-9) as the public asks for it, without a session, and once more
# with a current If-None-Match (304).
# Usage: benches/load/run.sh [seconds]   (needs `cargo build --release --bin mottak`, wrk, psql)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
BIN=target/release/mottak
PORT=${PORT:-18181}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

totp() { # secret -> current code (RFC 6238, SHA-1, 6 digits, 30 s)
  python3 -c 'import base64,hmac,struct,sys,time
k=base64.b32decode(sys.argv[1]);c=struct.pack(">Q",int(time.time())//30)
h=hmac.new(k,c,"sha1").digest();o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"
}

measure() { # label database-url
  local label=$1 url=$2 dir out jar secret csrf
  dir=$(mktemp -d); out=$dir/out.txt; jar=$dir/cookies
  "$BIN" serve --demo --bind 127.0.0.1:$PORT --database-url "$url" >"$out" 2>"$dir/err.txt" &
  local pid=$!
  for _ in $(seq 100); do grep -q "serves at" "$out" 2>/dev/null && break; sleep 0.2; done
  secret=$(awk '$1=="udi"{print $3}' "$out")
  password=$(sed -n 's/.*password for all: \([^)]*\)).*/\1/p' "$out")
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
  local started=$(date +%s%N)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "username=udi" --data-urlencode "password=$password" "http://127.0.0.1:$PORT/login"
  echo "$label: one password check (Argon2id 19 MiB, t=2) + session: $(( ($(date +%s%N) - started) / 1000000 )) ms"
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login/totp" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "code=$(totp "$secret")" "http://127.0.0.1:$PORT/login/totp"
  local session=$(awk '$6=="mottak_session"{print $7}' "$jar")
  for path in /healthz /login /; do
    echo "== $label GET $path"
    wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: mottak_session=$session" "http://127.0.0.1:$PORT$path" \
      | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
  done
  for path in /api/v1/address-list /address-list.csv /address-list; do
    echo "== $label GET $path (public: no session; $(curl -s "http://127.0.0.1:$PORT/api/v1/address-list" | grep -o '"number"' | wc -l) centres)"
    wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT$path" \
      | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
  done
  local etag=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT/api/v1/address-list" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  echo "== $label GET /api/v1/address-list with If-None-Match (304)"
  wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency -H "If-None-Match: $etag" "http://127.0.0.1:$PORT/api/v1/address-list" \
    | grep -E "Requests/sec|50%|99%|Socket errors"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure SQLite "sqlite:$(mktemp -d)/mottak.db"
DB="mottak_load_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
measure PostgreSQL "postgres://postgres@127.0.0.1:5432/$DB"
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE $DB WITH (FORCE)"
