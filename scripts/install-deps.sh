#!/bin/sh
# Install atalaya's build and test dependencies on Debian 12 (as root).
# Idempotent: packages already present are left alone, and apt-get update
# runs only when something is missing.
set -eu

PKGS="build-essential pkg-config clang libclang-rt-14-dev
libutf8proc-dev libhyperscan-dev libxxhash-dev libzstd-dev zlib1g-dev
libyajl-dev libzip-dev libsqlite3-dev libssl-dev libxml2-utils jq zstd gzip time bc
libtesseract-dev libleptonica-dev tesseract-ocr-spa tesseract-ocr-eng
tesseract-ocr-por tesseract-ocr-fra imagemagick fonts-dejavu-core zip"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	echo "install-deps: all build dependencies present"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
