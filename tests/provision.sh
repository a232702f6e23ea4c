#!/bin/bash
# Provision what the tests need that pip cannot install. Run by `make test`.
#
# Idempotent and silent when everything is already there. Installs only when it
# can (root with apt-get); otherwise it says what is missing and the tests that
# need it skip with a reason. Extend it with a section of your own (e.g. npm
# packages for a framework's migration format), keeping those two properties.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'provision: %s\n' "$*" >&2; }
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
missing_debs() { for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || printf '%s ' "$p"; done; }

apt_install() { # apt_install PACKAGE... (only the missing ones; no services started)
	local need
	need=$(missing_debs "$@")
	[ -n "$need" ] || return 0
	if ! can_apt; then
		say "missing Debian packages: $need(install them: sudo apt-get install $need)"
		return 0
	fi
	say "installing $need"
	local policy=/usr/sbin/policy-rc.d made_policy=0
	if [ ! -e "$policy" ]; then # keep package scripts from starting system services
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null ||
		{ apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null; }
	[ "$made_policy" = 0 ] || rm -f "$policy"
}

# --- local throwaway servers (--scratch local, the `server` fixture)
if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ] && ! command -v mysqld >/dev/null; then
	apt_install mariadb-server mariadb-client
fi

# --- Docker test image (--scratch docker tests); built only where an engine answers
if command -v docker >/dev/null && docker version >/dev/null 2>&1; then
	absent=""
	for image in baseline-test-mariadb:10.11 baseline-test-mysql:9.7 baseline-test-mariadb:11.8; do
		docker image inspect "$image" >/dev/null 2>&1 || absent="$absent $image"
	done
	if [ -n "$absent" ]; then
		if [ "$(id -u)" = 0 ] && command -v debootstrap >/dev/null; then
			bash baseline/scratch/image/build.sh $absent
		else
			say "Docker test images absent:$absent: run 'sudo make test-image' (docker tests skip meanwhile)"
		fi
	fi
fi


# --- Node packages that replay sequelize-cli JavaScript migrations (sequelize-cli,
# sequelize, mysql2, pinned by baseline/chain/node/), installed into the cache once
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	apt_install nodejs npm
fi
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	PY="${PYTHON:-.venv/bin/python}"
	[ -x "$PY" ] || PY=python3
	"$PY" -m baseline.chain.nodeenv
else
	say "node/npm missing: the sequelize-cli tests skip (apt-get install nodejs npm)"
fi

# --- add further sections below (other tools); keep them idempotent and quiet

# --- migration tools the format tests run for real: dbmate (its npm package ships the
# binary) and Liquibase (its npm package bundles the distribution and the MariaDB JDBC
# driver; it needs a Java runtime). Exact versions pinned in tests/tools/package.json
# (no lock file: npm drops the other platforms' optional dbmate binaries from it, which
# breaks npm ci), installed once into the cache.
# golang-migrate, goose, Flyway and Prisma's engines download binaries from hosts other
# than the package registries, so their files are checked by baseline's executor instead.
if ! command -v java >/dev/null 2>&1; then
	apt_install default-jre-headless
fi
TOOLS_DIR="${BASELINE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/baseline/tools}"
if command -v npm >/dev/null 2>&1; then
	stamp=$(sha256sum <tests/tools/package.json | cut -d" " -f1)
	if [ "$(cat "$TOOLS_DIR/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
		say "installing dbmate and Liquibase into $TOOLS_DIR (once)"
		mkdir -p "$TOOLS_DIR"
		cp tests/tools/package.json "$TOOLS_DIR/"
		if (cd "$TOOLS_DIR" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >"$TOOLS_DIR/install.log" 2>&1); then
			echo "$stamp" >"$TOOLS_DIR/.stamp"
		else
			say "npm install of the migration tools failed (see $TOOLS_DIR/install.log): the dbmate/Liquibase tests skip"
		fi
	fi
fi
