import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';

/**
 * Every npm script (the tests, the build, `npm start`) runs on the Node.js that the `node`
 * dev dependency installs at node_modules/.bin/node, whatever Node the machine has.
 */
describe('runtime', () => {
  const root = join(__dirname, '..');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
    engines: { node: string };
  };

  it('is the Node.js release pinned by the node dev dependency (24 LTS)', () => {
    expect(manifest.devDependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(manifest.devDependencies.node);
  });

  it("is one the service's own engines range accepts", () => {
    expect(satisfies(process.versions.node, manifest.engines.node)).toBe(true);
  });

  it('is accepted by the engines range of every package installed from the lockfile', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !satisfies(process.versions.node, range) ? [`${path}: ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
