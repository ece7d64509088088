#!/usr/bin/env bash
# Regenerates geist-sans-latin.woff2: Geist Sans (variable, weights 100-900) from the `geist` npm
# package, cut down to Latin, Latin-1 and Latin Extended-A, general punctuation and a few symbols.
# The full file is 69 KB and is preloaded on every page; this subset is 31 KB. Characters outside
# the subset (a visitor's name in Greek, say) are drawn by the metric-matched fallback font.
#
# Needs fontTools with Brotli (Debian: apt-get install python3-fonttools python3-brotli). The
# output is committed, so neither the build nor CI runs this. Geist is under the SIL Open Font
# License 1.1 (OFL.txt here), which allows subsetting; it reserves no font name.
set -euo pipefail
cd "$(dirname "$0")"
ranges="U+0000-00FF,U+0100-017F,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329"
ranges+=",U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
python3 -m fontTools.subset ../../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2 \
  --unicodes="$ranges" --layout-features+=tnum --flavor=woff2 --output-file=geist-sans-latin.woff2
ls -l geist-sans-latin.woff2
