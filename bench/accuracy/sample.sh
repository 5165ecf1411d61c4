#!/usr/bin/env bash
# Builds the accuracy sample (docs/accuracy.md) in DIR (default /tmp/onemessage-accuracy): one
# folder per public repository, at a pinned commit, holding only its Markdown, MDX and HTML, with
# the sample's spec (bench/accuracy/specs/NAME.yaml) as its onemessage.yaml. The repositories are
# read from bare mirrors under MIRRORS (default /work/.mirror, one OWNER+NAME/repo each); the
# copy itself never enters this repository. SET is "tuning" (the sample the judgement was
# improved on) or "held-out" (three repositories never looked at while it was built).
set -euo pipefail
DIR=${1:-/tmp/onemessage-accuracy}
SET=${2:-tuning}
MIRRORS=${MIRRORS:-/work/.mirror}
HERE=$(cd "$(dirname "$0")" && pwd)
# name  repository  commit  folder inside it  channel  every Nth file (tldr is sampled)
SAMPLES="
umami umami-software+website bf2d1c1c87dc259f3f11228e5b94434faab8f72d . marketing 1
canonical canonical+canonical.com 5a27376e55fd99806c64518cb012d0143f40ed83 templates marketing 1
plausible plausible+docs 208d58cab715dffc0ab4e3bd100b2ed0c0e7a0c0 docs support 1
financepebble financepebble+blog 5308c2973a969485decddbe71f34138f7745e70f . marketing 1
budget tijo45+budget-smart-living 1f8033e5a12e2f045a8bee86a5dae0edaa709d32 . marketing 1
ecomm ecomm-seo+ecomm-seo.github.io 7afcf607fe7fdb27fcc21f4355e0c123968a2e8a . marketing 1
tldr tldr-pages+tldr 08e345f42639f67d99282813247ac670dc6e87cb pages/common support 100
"
HELD_OUT="
bitwarden bitwarden+help 18aa730c0156f7e25da39ad81bf13809b13471c6 . support 3
railway railwayapp+docs c2a634f1b3891ac2947c2e875006d986748860a5 . support 3
fly superfly+docs 5c22c8cece71e1cf83fab3189c9f7301573f4d6e . support 3
"
[ "$SET" = held-out ] && SAMPLES=$HELD_OUT
rm -rf "$DIR" && mkdir -p "$DIR"
echo "$SAMPLES" | while read -r name repo commit folder channel every; do
  [ -z "$name" ] && continue
  git_dir="$MIRRORS/$repo/repo"
  out="$DIR/$name"
  mkdir -p "$out/content"
  git --git-dir="$git_dir" ls-tree -r --name-only "$commit" -- "$folder" \
    | grep -E '\.(md|mdx|html)$' | grep -viE '(^|/)(README|CHANGELOG|LICENSE)[^/]*$' | grep -v node_modules | sort \
    | awk -v n="$every" '(NR - 1) % n == 0' > "$out/files.txt"
  while read -r file; do
    mkdir -p "$out/content/$(dirname "$file")"
    git --git-dir="$git_dir" show "$commit:$file" > "$out/content/$file"
  done < "$out/files.txt"
  rm "$out/files.txt"
  sed "s/@CHANNEL@/$channel/" "$HERE/specs/$name.yaml" > "$out/onemessage.yaml"
  echo "$name: $(find "$out/content" -type f | wc -l) documents"
done
