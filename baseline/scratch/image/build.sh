#!/bin/bash
# Build baseline's local test image: Debian 12 + its mariadb-server, imported
# into Docker without any registry (debootstrap from the apt mirror this machine
# already uses, then `docker import`). The container tests and `--scratch docker`
# use it where no official mysql/mariadb image can be pulled.
#
#   bash baseline/scratch/image/build.sh [--force]      (or: make test-image)
#
# Environment: BASELINE_TEST_IMAGE (default baseline-test-mariadb:10.11),
# BASELINE_MIRROR (default: the Debian mirror apt is configured with).
# An image already present is reused unless --force is given. Needs root (for
# debootstrap), debootstrap and a running Docker engine.
set -euo pipefail

IMAGE=${BASELINE_TEST_IMAGE:-baseline-test-mariadb:10.11}
SUITE=bookworm
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FORCE=0
[ "${1:-}" = --force ] && FORCE=1

say() { printf 'test-image: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

command -v docker >/dev/null || die "docker is not installed (apt-get install docker.io)"
docker version >/dev/null 2>&1 || die "no Docker engine answers (start dockerd, or check DOCKER_HOST)"

if [ "$FORCE" = 0 ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
	say "$IMAGE is present; reusing it (--force rebuilds)"
	exit 0
fi

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

ROOTFS=$(mktemp -d /tmp/baseline-test-image.XXXXXX)
cleanup() {
	# debootstrap mounts proc/sys inside the tree; never let rm cross into them
	if [ -d "$ROOTFS" ]; then
		awk -v r="$ROOTFS/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
			umount -l "$m" 2>/dev/null || true
		done
		rm -rf --one-file-system "$ROOTFS"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "debootstrap $SUITE with mariadb-server from $MIRROR (about a minute)"
if ! debootstrap --variant=minbase --include=mariadb-server "$SUITE" "$ROOTFS" "$MIRROR" \
		>"$ROOTFS.log" 2>&1; then
	tail -n 30 "$ROOTFS.log" >&2
	rm -f "$ROOTFS.log"
	die "debootstrap failed (log above)"
fi
rm -f "$ROOTFS.log"

# An empty data folder: the entrypoint initializes it on first start, like the
# official images. Drop what a server does not need to keep the image small.
rm -rf "${ROOTFS:?}"/var/lib/mysql/* "$ROOTFS"/var/cache/apt/archives/*.deb \
	"$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* \
	"$ROOTFS"/usr/share/info/*
install -m 0755 "$HERE/entrypoint.sh" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
install -m 0644 "$HERE/throwaway.cnf" "$ROOTFS/etc/mysql/mariadb.conf.d/90-baseline-throwaway.cnf"
install -d -o "$(chroot "$ROOTFS" id -u mysql)" -g "$(chroot "$ROOTFS" id -g mysql)" "$ROOTFS/run/mysqld"

say "importing into Docker as $IMAGE"
tar --numeric-owner -C "$ROOTFS" --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
	docker import \
		-c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
		-c 'CMD ["mariadbd"]' \
		-c 'EXPOSE 3306' \
		-c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		-c 'LABEL baseline.test-image=1' \
		-m "baseline test image: Debian $SUITE mariadb-server" \
		- "$IMAGE" >/dev/null

docker run --rm --label baseline.scratch=1 --entrypoint mariadbd "$IMAGE" --version >&2 \
	|| die "the imported image does not run"
say "built $IMAGE"
