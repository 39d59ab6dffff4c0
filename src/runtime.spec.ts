import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every npm script (the tests, the build, `npm start`) runs on the Node.js that the `node`
 * dev dependency installs at node_modules/.bin/node, whatever Node the machine has.
 */
describe('runtime', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
    engines: { node: string };
  };

  it('is the Node.js release pinned by the node dev dependency (24 LTS)', () => {
    expect(manifest.devDependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(manifest.devDependencies.node);
  });
});
