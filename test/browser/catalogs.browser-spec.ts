import { catalog } from '../../web/src/i18n/catalogs';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

/** The console's words: every key in both languages, with the same placeholders, none empty. */
describe("the console's catalogs", () => {
  const spanish = leaves(catalog('es'));
  const english = leaves(catalog('en'));

  it('have the same keys in Spanish and English', () => {
    expect([...english.keys()].sort()).toEqual([...spanish.keys()].sort());
  });

  it('name the same placeholders in both, and leave no text empty', () => {
    for (const [key, text] of spanish) {
      expect({ key, placeholders: placeholders(english.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
      expect({ key, empty: text.trim() === '' || english.get(key)?.trim() === '' }).toEqual({
        key,
        empty: false,
      });
    }
  });
});
