#!/bin/bash
# Build baseline's local test images from Debian packages, imported into Docker
# without any registry (debootstrap from the apt mirror this machine already
# uses, then `docker import`). The container tests and `--scratch docker|auto`
# use them where no official mysql/mariadb image can be pulled.
#
#   bash baseline/scratch/image/build.sh [--force] [IMAGE...]     (or: make test-image)
#
# IMAGE is one of the tags below (default: all three, two built at a time):
#   baseline-test-mariadb:10.11   Debian 12 (bookworm)  mariadb-server
#   baseline-test-mariadb:11.8    Debian 13 (trixie)    mariadb-server
#   baseline-test-mysql:9.7       Debian sid            mysql-server-core, mysql-client-core
#                                 (MySQL 9.7: information_schema and SHOW CREATE as MySQL 8.0.19+)
# Environment: BASELINE_MIRROR (default: the Debian mirror apt is configured with).
# An image already present is reused unless --force is given. Needs root (for
# debootstrap), debootstrap and a running Docker engine.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ALL=(baseline-test-mariadb:10.11 baseline-test-mysql:9.7 baseline-test-mariadb:11.8)
FORCE=0
IMAGES=()
for a in "$@"; do
	case "$a" in
	--force) FORCE=1 ;;
	-*) echo "usage: build.sh [--force] [IMAGE...]" >&2; exit 2 ;;
	*) IMAGES+=("$a") ;;
	esac
done
[ ${#IMAGES[@]} -gt 0 ] || IMAGES=("${ALL[@]}")

say() { printf 'test-image: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

recipe() { # recipe IMAGE -> "SUITE PACKAGES SERVER"
	case "$1" in
	baseline-test-mariadb:10.11) echo "bookworm mariadb-server mariadbd" ;;
	baseline-test-mariadb:11.8) echo "trixie mariadb-server mariadbd" ;;
	baseline-test-mysql:9.7) echo "sid mysql-server-core,mysql-client-core,passwd mysqld" ;;
	*) return 1 ;;
	esac
}

command -v docker >/dev/null || die "docker is not installed (apt-get install docker.io)"
docker version >/dev/null 2>&1 || die "no Docker engine answers (start dockerd, or check DOCKER_HOST)"

todo=()
for image in "${IMAGES[@]}"; do
	recipe "$image" >/dev/null || die "unknown image $image (known: ${ALL[*]})"
	if [ "$FORCE" = 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
		say "$image is present; reusing it (--force rebuilds)"
	else
		todo+=("$image")
	fi
done
[ ${#todo[@]} -gt 0 ] || exit 0

[ "$(id -u)" = 0 ] || die "debootstrap needs root: run as root (sudo make test-image)"
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || die "debootstrap is missing (apt-get install debootstrap)"
export PATH="$PATH:/usr/sbin:/sbin"

# The Debian mirror apt already uses (deb822 .sources first, then sources.list).
mirror() {
	local uri
	uri=$(awk 'tolower($1)=="uris:" {for (i=2;i<=NF;i++) if ($i !~ /security/) {print $i; exit}}' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
	if [ -z "$uri" ]; then
		uri=$(awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {if ($i !~ /security/) print $i; break}}' \
			/etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1)
	fi
	printf '%s' "${uri:-http://deb.debian.org/debian}"
}
MIRROR=${BASELINE_MIRROR:-$(mirror)}

ROOTS=()
cleanup() {
	local r m
	for r in "${ROOTS[@]}"; do
		# debootstrap mounts proc/sys inside the tree; never let rm cross into them
		[ -d "$r" ] || continue
		awk -v r="$r/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
			umount -l "$m" 2>/dev/null || true
		done
		rm -rf --one-file-system "$r" "$r.log"
	done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A command inside the tree, without this machine's TMPDIR (a folder that does not
# exist in there: mysqld --initialize stats it and gives up, .ci/run sets one).
in_root() { # in_root ROOTFS CMD...
	local root=$1
	shift
	env -u TMPDIR chroot "$root" "$@"
}

build_one() { # build_one IMAGE ROOTFS
	local image=$1 root=$2 suite packages server
	read -r suite packages server < <(recipe "$image")
	if ! debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$MIRROR" >"$root.log" 2>&1; then
		tail -n 30 "$root.log" >&2
		say "debootstrap of $image failed (log above)"
		return 1
	fi
	# An empty data folder: the entrypoint initializes it on first start, like the
	# official images. Drop what a server does not need to keep the image small.
	rm -rf "${root:?}"/var/lib/mysql/* "$root"/var/cache/apt/archives/*.deb \
		"$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
		"$root"/usr/share/info/*
	in_root "$root" id -u mysql >/dev/null 2>&1 ||
		in_root "$root" useradd --system --no-create-home --home-dir /nonexistent --shell /bin/false mysql
	install -m 0755 "$HERE/entrypoint.sh" "$root/usr/local/bin/docker-entrypoint.sh"
	if [ "$server" = mariadbd ]; then
		install -m 0644 "$HERE/throwaway.cnf" "$root/etc/mysql/mariadb.conf.d/90-baseline-throwaway.cnf"
	else
		install -d "$root/etc/mysql"
		install -m 0644 "$HERE/throwaway-mysql.cnf" "$root/etc/mysql/my.cnf"
	fi
	install -d -o "$(in_root "$root" id -u mysql)" -g "$(in_root "$root" id -g mysql)" \
		"$root/run/mysqld" "$root/var/lib/mysql" "$root/var/lib/mysql-files" "$root/var/lib/mysql-template"
	chmod 0755 "$root"  # mktemp's 0700 would keep the mysql user out of the chroot's /
	# An initialized data folder the entrypoint copies into an empty one instead of
	# initializing it on every start (MySQL's --initialize takes seconds; a copy
	# into the memory file system a throwaway container mounts takes a fraction).
	if [ "$server" = mariadbd ]; then
		in_root "$root" mariadb-install-db --user=mysql --datadir=/var/lib/mysql-template --skip-test-db \
			--auth-root-authentication-method=normal --skip-name-resolve --force >"$root.init.log" 2>&1
	else
		in_root "$root" mysqld --initialize-insecure --user=mysql --datadir=/var/lib/mysql-template \
			>"$root.init.log" 2>&1
	fi || { tail -n 20 "$root.init.log" >&2; say "initializing the template data folder of $image failed"; return 1; }
	rm -f "$root.init.log" "$root/var/lib/mysql-template/auto.cnf"  # each server makes its own server_uuid
	tar --numeric-owner -C "$root" --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
		docker import \
			-c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
			-c "CMD [\"$server\"]" \
			-c 'EXPOSE 3306' \
			-c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
			-c 'LABEL baseline.test-image=1' \
			-m "baseline test image: Debian $suite $packages" \
			- "$image" >/dev/null
	docker run --rm --label baseline.scratch=1 --entrypoint "$server" "$image" --version >&2 ||
		{ say "the imported image $image does not run"; return 1; }
	say "built $image"
}

# Two at a time: debootstrap waits on the network and dpkg, not on the CPU.
pids=()
names=()
failed=0
for image in "${todo[@]}"; do
	root=$(mktemp -d /tmp/baseline-test-image.XXXXXX)
	ROOTS+=("$root")
	say "building $image: debootstrap $(recipe "$image" | cut -d' ' -f1) from $MIRROR (about 90 s)"
	build_one "$image" "$root" &
	pids+=($!)
	names+=("$image")
	if [ ${#pids[@]} -ge 2 ]; then
		wait "${pids[0]}" || { say "failed: ${names[0]}"; failed=1; }
		pids=("${pids[@]:1}")
		names=("${names[@]:1}")
	fi
done
for i in "${!pids[@]}"; do
	wait "${pids[$i]}" || { say "failed: ${names[$i]}"; failed=1; }
done
exit "$failed"
