// Fetches the npm packages a folder's package.json names, and only those: `npm pack` of the exact version pinned in its
// package-lock.json, checked against the lockfile's integrity hash, unpacked into node_modules/<name>. The packages'
// own dependencies (a model package's JavaScript build and test tooling) are never installed: Ekyc reads files only.
// Usage: node tools/fetch-pinned.mjs <folder>   (the folder holding package.json and package-lock.json)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const marker = '.ekyc-fetched.json';

const folder = resolve(process.argv[2] ?? '.');
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(folder, 'package-lock.json'), 'utf8'));
const modules = join(folder, 'node_modules');
const work = mkdtempSync(join(tmpdir(), 'ekyc-fetch-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const fetched = {};
try {
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const pinned = lock.packages?.[`node_modules/${name}`];
    if (!pinned?.version || !pinned?.integrity)
      throw new Error(`${name}: no pinned version and integrity in ${join(folder, 'package-lock.json')}`);
    const output = execFileSync(npm, ['pack', `${name}@${pinned.version}`, '--json', '--ignore-scripts', '--pack-destination', work],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = join(work, JSON.parse(output)[0].filename);
    const separator = pinned.integrity.indexOf('-');
    const algorithm = pinned.integrity.slice(0, separator);
    const expected = pinned.integrity.slice(separator + 1);
    const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
    if (actual !== expected)
      throw new Error(`${name}@${pinned.version}: ${algorithm} ${actual} does not match the lockfile's ${expected}`);
    const target = join(modules, name);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { stdio: 'inherit' });
    fetched[name] = pinned.version;
    console.log(`fetched ${name}@${pinned.version} (${algorithm} verified)`);
  }
  // Written last: the build fetches again until every package has arrived.
  writeFileSync(join(modules, marker), JSON.stringify(fetched, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!existsSync(join(modules, marker)))
  process.exit(1);
