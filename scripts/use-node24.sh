# Puts Node 24 first on PATH, installing it from the npm registry (the `node` package) when this machine lacks it.
# Source it from bash: `source scripts/use-node24.sh`. Needs some Node and npm to start from (any version).
# Node is cached outside the repository, in $NODE24_DIR (default ~/.cache/leading-compassionately/node-24), so a
# second run, or CI in a fresh clone on the same machine, reuses it. It also points npm_config_nodedir at that
# Node's headers, so a native addon that has to build from source builds for Node 24.

if [ "$(node --version 2>/dev/null | cut -d. -f1)" = "v24" ] && [ -z "${NODE24_FORCE_LOCAL:-}" ]; then
  echo "use-node24: using $(command -v node) ($(node --version))"
else
  NODE24_DIR="${NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/leading-compassionately/node-24}"
  if [ "$("$NODE24_DIR/node_modules/.bin/node" --version 2>/dev/null | cut -d. -f1)" != "v24" ]; then
    echo "use-node24: installing Node 24 from the npm registry into $NODE24_DIR"
    mkdir -p "$NODE24_DIR"
    npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error node@24 || return 1 2>/dev/null || exit 1
    if [ "$("$NODE24_DIR/node_modules/.bin/node" --version 2>/dev/null | cut -d. -f1)" != "v24" ]; then
      echo "use-node24: the node@24 package installed, but $NODE24_DIR/node_modules/.bin/node is not Node 24" >&2
      return 1 2>/dev/null || exit 1
    fi
  fi
  export PATH="$NODE24_DIR/node_modules/.bin:$PATH"
  # The node package ships Node's headers (include/node) beside bin/ in its platform package.
  for headers in "$NODE24_DIR"/node_modules/node/node_modules/node-*/include/node; do
    if [ -f "$headers/node.h" ]; then export npm_config_nodedir="${headers%/include/node}"; fi
  done
  hash -r
  echo "use-node24: using $(command -v node) ($(node --version))"
fi
