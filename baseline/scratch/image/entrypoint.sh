#!/bin/bash
# Entrypoint of baseline's local test images (baseline-test-mariadb,
# baseline-test-mysql), modelled on the official mariadb/mysql images: on an empty data folder it initializes one,
# sets the root password and creates the database and user named by the
# environment, then runs the server in the foreground as PID 1.
#
# Honoured (MARIADB_* names win over MYSQL_* ones, as in the official image):
#   MARIADB_ROOT_PASSWORD / MYSQL_ROOT_PASSWORD
#   MARIADB_ALLOW_EMPTY_ROOT_PASSWORD / MYSQL_ALLOW_EMPTY_PASSWORD
#   MARIADB_RANDOM_ROOT_PASSWORD / MYSQL_RANDOM_ROOT_PASSWORD
#   MARIADB_ROOT_HOST / MYSQL_ROOT_HOST   (default %)
#   MARIADB_DATABASE / MYSQL_DATABASE
#   MARIADB_USER / MYSQL_USER, MARIADB_PASSWORD / MYSQL_PASSWORD
# Unlike the official image the setup runs through --init-file inside the one
# server start, so "ready for connections" is logged once, when the server
# really accepts clients with the final credentials.
set -euo pipefail

log() { printf '%s [Entrypoint]: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S')" "$*" >&2; }

env_of() { # env_of MARIADB_X MYSQL_X -> first non-empty value
	local v="${!1:-}"
	[ -n "$v" ] || v="${!2:-}"
	printf '%s' "$v"
}

sql_string() { # a SQL string literal for $1
	local s=${1//\\/\\\\}
	s=${s//\'/\'\'}
	printf "'%s'" "$s"
}

sql_ident() { # a backquoted identifier for $1
	printf '`%s`' "${1//\`/\`\`}"
}

# The server this image holds: mariadbd (MariaDB) or mysqld (MySQL).
if command -v mariadbd >/dev/null; then SERVER=mariadbd; else SERVER=mysqld; fi

if [ "${1:0:1}" = '-' ]; then
	set -- "$SERVER" "$@"
fi

if [ "$1" != mariadbd ] && [ "$1" != mysqld ]; then
	exec "$@"
fi
shift

DATADIR=/var/lib/mysql
mkdir -p /run/mysqld "$DATADIR"
chown mysql:mysql /run/mysqld "$DATADIR"
extra=()

if [ ! -d "$DATADIR/mysql" ]; then
	root_password=$(env_of MARIADB_ROOT_PASSWORD MYSQL_ROOT_PASSWORD)
	allow_empty=$(env_of MARIADB_ALLOW_EMPTY_ROOT_PASSWORD MYSQL_ALLOW_EMPTY_PASSWORD)
	random_root=$(env_of MARIADB_RANDOM_ROOT_PASSWORD MYSQL_RANDOM_ROOT_PASSWORD)
	root_host=$(env_of MARIADB_ROOT_HOST MYSQL_ROOT_HOST)
	root_host=${root_host:-%}
	database=$(env_of MARIADB_DATABASE MYSQL_DATABASE)
	user=$(env_of MARIADB_USER MYSQL_USER)
	password=$(env_of MARIADB_PASSWORD MYSQL_PASSWORD)

	if [ -z "$root_password" ] && [ -z "$allow_empty" ] && [ -z "$random_root" ]; then
		log "error: database is uninitialized and the root password option is not specified"
		log "  set one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD, MARIADB_RANDOM_ROOT_PASSWORD"
		exit 1
	fi
	if [ -n "$random_root" ] && [ -z "$root_password" ]; then
		root_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
		log "GENERATED ROOT PASSWORD: $root_password"
	fi
	if [ "$user" = root ]; then
		log "error: MARIADB_USER=root is not allowed; use MARIADB_ROOT_PASSWORD"
		exit 1
	fi

	if [ -d /var/lib/mysql-template/mysql ]; then
		# initialized when the image was built: a copy instead of seconds of --initialize
		log "copying the initialized data folder"
		cp -a /var/lib/mysql-template/. "$DATADIR/"
	elif [ "$SERVER" = mariadbd ]; then
		log "initializing the data folder"
		mariadb-install-db --user=mysql --datadir="$DATADIR" --skip-test-db \
			--auth-root-authentication-method=normal --skip-name-resolve >/dev/null
	else # MySQL: root@localhost without a password, no anonymous users
		log "initializing the data folder"
		mysqld --initialize-insecure --user=mysql --datadir="$DATADIR" "$@" >/run/mysqld/init.log 2>&1 ||
			{ cat /run/mysqld/init.log >&2; exit 1; }
	fi

	init=/run/mysqld/init.sql
	umask 077
	{
		echo "SET @@SESSION.SQL_LOG_BIN=0;"
		if [ "$SERVER" = mariadbd ]; then
			echo "DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host <> 'localhost');"
			echo "FLUSH PRIVILEGES;"
		fi
		echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$root_password");"
		if [ "$root_host" != localhost ]; then
			echo "CREATE USER 'root'@$(sql_string "$root_host") IDENTIFIED BY $(sql_string "$root_password");"
			echo "GRANT ALL ON *.* TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
		fi
		if [ -n "$database" ]; then
			echo "CREATE DATABASE IF NOT EXISTS $(sql_ident "$database");"
		fi
		if [ -n "$user" ] && [ -n "$password" ]; then
			echo "CREATE USER $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
			if [ -n "$database" ]; then
				echo "GRANT ALL ON $(sql_ident "${database//_/\\_}").* TO $(sql_string "$user")@'%';"
			fi
		fi
		echo "FLUSH PRIVILEGES;"
	} >"$init"
	chown mysql:mysql "$init"
	umask 022
	extra+=(--init-file="$init")
	log "data folder initialized; starting the server with the setup"
fi

exec "$SERVER" --user=mysql --datadir="$DATADIR" --bind-address=0.0.0.0 "${extra[@]}" "$@"
