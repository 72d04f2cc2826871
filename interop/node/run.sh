#!/usr/bin/env bash
# Runs Tencent's Node SDK (npm tencentcloud-sdk-nodejs, pinned in
# package.json and package-lock.json) against the standalone fake, as
# README.md tells users to: go run ./cmd/vpctest, then the SDK's endpoint is
# the address it printed. Needs node and npm; installs the SDK with npm ci.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
bin=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$bin"' EXIT
(cd ../.. && go build -o "$bin/vpctest" ./cmd/vpctest)
"$bin/vpctest" -addr 127.0.0.1:0 -task-duration 0s >"$bin/out" 2>"$bin/log" &
pid=$!
for _ in $(seq 100); do
  grep -q TENCENTCLOUD_SECRET_KEY "$bin/out" 2>/dev/null && break
  sleep 0.1
done
endpoint=$(sed -n 's|.*http://\([0-9.:]*\).*|\1|p' "$bin/out" | head -1)
id=$(sed -n 's/.*TENCENTCLOUD_SECRET_ID=\([^ ]*\).*/\1/p' "$bin/out")
key=$(sed -n 's/.*TENCENTCLOUD_SECRET_KEY=\([^ ]*\).*/\1/p' "$bin/out")
if ! node check.js "$endpoint" "$id" "$key"; then
  echo "the fake logged:"; cat "$bin/log"
  exit 1
fi
