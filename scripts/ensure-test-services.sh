#!/usr/bin/env bash
# Makes sure what the test suite talks to is there: PostgreSQL on 127.0.0.1:5432 (trust auth,
# user postgres, database test), Redis on 127.0.0.1:6379 and Debian's Chromium for browser tests.
# Installs them with apt when missing and we are root; otherwise says what to install.
set -euo pipefail

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_updated=0
apt_install() {
  if ! can_apt; then echo "Missing: $*. Install it (as root: apt-get install $*) and run the tests again." >&2; exit 1; fi
  if [ $apt_updated = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open 5432; then
  if ! ls /etc/postgresql >/dev/null 2>&1; then
    apt_install postgresql
    pg_conf=$(ls -d /etc/postgresql/*/main)
    sed -i 's/^\(local\|host\)\(.*\)\(peer\|scram-sha-256\|md5\)$/\1\2trust/' "$pg_conf/pg_hba.conf"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do port_open 5432 && break; sleep 0.5; done
  psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_database where datname='test'" | grep -q 1 ||
    psql -h 127.0.0.1 -U postgres -c "create database test" >/dev/null
fi

if ! port_open 6379; then
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do port_open 6379 && break; sleep 0.2; done
fi

if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
echo "services: PostgreSQL, Redis and Chromium are ready"
