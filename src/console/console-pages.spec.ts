import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REACT_ARIA_STYLES } from './console-pages';

/** The installed React Aria's file that writes a `<style>` element. */
function reactAriaSource(file: string): string {
  const root = dirname(require.resolve('react-aria/package.json'));
  return readFileSync(join(root, 'dist/private', file), 'utf8');
}

/** The text a template literal `\n…`.trim() of the source gives. */
function styleTextsIn(source: string): string[] {
  return [...source.matchAll(/style\.textContent = `([\s\S]*?)`\.trim\(\)/g)].map((match) =>
    match[1].replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/, 'data-react-aria-pressable').trim(),
  );
}

describe("the console's policy for React Aria's <style> elements", () => {
  it('allows exactly the texts the installed React Aria writes', () => {
    const written = [
      ...styleTextsIn(reactAriaSource('interactions/usePress.mjs')),
      ...styleTextsIn(reactAriaSource('overlays/usePreventScroll.mjs')),
    ];
    expect(written).toEqual(REACT_ARIA_STYLES);
    // The hash Chromium reported for usePress's element when the policy refused it.
    expect(createHash('sha256').update(REACT_ARIA_STYLES[0]).digest('base64')).toBe(
      '38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o=',
    );
  });
});
