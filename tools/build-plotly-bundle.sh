#!/bin/sh
# Rebuild timeline/app/assets/plotly-timeline.min.js: plotly.js with only what the
# timeline figure draws (the core with its "scatter" trace, plus "scattergl" for
# thousands of markers). About 1.4 MB instead of the 4.8 MB full bundle, so the app's
# first draw is faster. Dash serves every .js in the assets folder, and dcc.Graph uses
# window.Plotly when it is defined, so the full bundle is never fetched.
#
# Needs node and npm (registry access) only when rebuilding; the app never runs this.
# Keep PLOTLY_JS at the version bundled by the installed plotly Python package, see the
# header of plotly/package_data/plotly.min.js.
#
#   sh tools/build-plotly-bundle.sh
set -eu
PLOTLY_JS=4.1.1
ESBUILD=0.28.2
BUFFER=6.0.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/timeline/app/assets/plotly-timeline.min.js"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
echo '{"name": "timeline-plotly-bundle", "private": true}' > package.json
npm install --silent --ignore-scripts --no-audit --no-fund \
  "plotly.js@$PLOTLY_JS" "esbuild@$ESBUILD" "buffer@$BUFFER"
cat > entry.js <<'JS'
var Plotly = require('plotly.js/lib/core');  // includes the scatter trace
Plotly.register([require('plotly.js/lib/scattergl')]);
window.Plotly = Plotly;
JS
# Same settings as plotly.js's own esbuild-config.js; CSS is only required by map traces.
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --target=es2016 \
  --loader:.css=empty --define:global=window --define:define.amd=false \
  --alias:regl=@plotly/regl --alias:stream=stream-browserify --legal-comments=eof \
  --banner:js="/*! plotly.js v$PLOTLY_JS, partial bundle for the timeline app (traces: scatter, scattergl). Copyright 2012-2026, Plotly, Inc. MIT license, see plotly-timeline.LICENSE.txt. Built by tools/build-plotly-bundle.sh */" \
  --outfile="$OUT"
cp node_modules/plotly.js/LICENSE "$ROOT/timeline/app/assets/plotly-timeline.LICENSE.txt"
ls -l "$OUT"
