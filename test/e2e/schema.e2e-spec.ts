import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const root = join(__dirname, '..', '..');

/** Every "Type.field(arg): Type" line a schema defines for the types named in `only`. */
function signatures(schema: GraphQLSchema, only: Set<string>): string[] {
  const lines: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!only.has(type.name)) continue;
    if (isEnumType(type)) {
      for (const value of type.getValues()) lines.push(`${type.name}.${value.name}`);
    } else if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        lines.push(`${type.name}.${field.name}: ${field.type.toString()}`);
        for (const arg of field.args) {
          lines.push(`${type.name}.${field.name}(${arg.name}: ${arg.type.toString()})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        lines.push(`${type.name}.${field.name}: ${field.type.toString()}`);
      }
    } else {
      lines.push(type.name);
    }
  }
  return lines.sort();
}

describe('the GraphQL schema', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await startTestApp();
    schema = app.app.get(GraphQLSchemaHost).schema;
  });

  afterAll(() => app.close());

  it('is committed in schema.gql exactly as the code emits it, sorted', () => {
    const committed = readFileSync(join(root, 'schema.gql'), 'utf8');
    const withoutHeader = committed.replace(/^(#.*\n)+\n/, '');
    expect(withoutHeader.trim()).toEqual(printSchema(lexicographicSortSchema(schema)).trim());
  });

  it('holds every type, field, argument and enum value of the API contract', () => {
    const contract = buildSchema(readFileSync(join(root, 'test/support/contract.graphql'), 'utf8'));
    const named = new Set(
      Object.keys(contract.getTypeMap()).filter((name) => !name.startsWith('__')),
    );
    const ours = new Set(signatures(schema, named));
    const missing = signatures(contract, named).filter((line) => !ours.has(line));
    expect(missing).toEqual([]);
  });
});
