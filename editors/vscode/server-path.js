// @ts-check
/**
 * Where the onemessage server is: the `onemessage.path` setting, else the onemessage package
 * installed in a workspace folder's node_modules (or a folder above it), so that the server is
 * the same version the repository's CI runs. No VS Code API here, so it can be tested alone.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * @param {{ setting?: string, folders: string[] }} options
 * @returns {{ bin: string } | { problem: string }}
 */
function resolveServer(options) {
  const setting = (options.setting ?? '').trim();
  if (setting) {
    for (const folder of options.folders.length > 0 ? options.folders : [process.cwd()]) {
      const given = path.resolve(folder, setting);
      const bin = binOf(given);
      if (bin) return { bin };
    }
    return { problem: `onemessage.path is "${setting}", which is neither the onemessage package nor its bin/onemessage.js.` };
  }
  for (const folder of options.folders) {
    let root;
    try {
      root = path.dirname(require.resolve('onemessage/package.json', { paths: [folder] }));
    } catch {
      continue;
    }
    const bin = binOf(root);
    if (bin) return { bin };
  }
  return { problem: 'onemessage is not installed in this workspace: run "npm install --save-dev onemessage", or set onemessage.path.' };
}

/** The server script of a package folder, or the script itself. */
function binOf(given) {
  const candidates = [path.join(given, 'bin', 'onemessage.js'), given];
  return candidates.find((candidate) => candidate.endsWith('.js') && isFile(candidate));
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

module.exports = { resolveServer };
