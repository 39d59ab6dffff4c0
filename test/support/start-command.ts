import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How `npm start` runs the service, read from package.json's `start` script
 * (`NAME=value ... node --flag ... dist/src/main.js`): the environment it sets and the flags
 * it gives node. The tests' and benches' servers start the same way, so they run, and are
 * measured, as deployed.
 */
export interface StartCommand {
  env: Record<string, string>;
  nodeFlags: string[];
}

const START = /^((?:[A-Z_][A-Z0-9_]*=\S+ )*)node ((?:--\S+ )*)dist\/src\/main\.js$/;

export function startCommandOf(script: string): StartCommand {
  const parts = START.exec(script.trim());
  if (!parts) {
    throw new Error(
      `package.json's start script is not "[NAME=value ...] node [--flag ...] dist/src/main.js": ${script}`,
    );
  }
  const words = (text: string) => text.split(' ').filter(Boolean);
  return {
    env: Object.fromEntries(
      words(parts[1]).map((assignment) => {
        const at = assignment.indexOf('=');
        return [assignment.slice(0, at), assignment.slice(at + 1)];
      }),
    ),
    nodeFlags: words(parts[2]),
  };
}

export const START_COMMAND = startCommandOf(
  (
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start,
);
