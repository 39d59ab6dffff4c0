import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';
import { toGraphQLLiteral } from './fuzz-inputs';

/**
 * Every `extensions.code` the service may answer with: the contract's codes, the rate
 * limit's, and the codes graphql-js and Apollo give to a malformed request.
 */
export const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

/** What a leaked internal looks like in an error message. */
const INTERNALS =
  /\n\s+at |SQLITE_|QueryFailedError|EntityNotFound|TypeError|ReferenceError|Cannot read propert|undefined is not|node_modules|\/src\//;

/** The request body limit (body-parser's default); a larger body is refused with 413. */
export const BODY_LIMIT = 100 * 1024;

export interface FuzzAnswer {
  status: number;
  /** Bytes of the request body. */
  sent: number;
  body: { data?: Record<string, unknown> | null; errors?: Record<string, any>[] };
}

/** A mutation as the schema declares it: its name, argument types and result type. */
export interface MutationShape {
  name: string;
  args: { name: string; type: string }[];
  /** The result's named type and whether it is a scalar (no selection set). */
  resultType: string;
  scalarResult: boolean;
}

/** Reads the Mutation type through introspection, as a client would. */
export async function mutationShapes(app: TestApp, token: string): Promise<MutationShape[]> {
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
  const data = await app.ok<{
    __schema: { mutationType: { fields: any[] } };
  }>(
    `{ __schema { mutationType { fields { name args { name type { ${typeRef} } } type { ${typeRef} } } } } }`,
    {},
    { as: token },
  );
  const print = (type: any): string =>
    type.kind === 'NON_NULL'
      ? `${print(type.ofType)}!`
      : type.kind === 'LIST'
        ? `[${print(type.ofType)}]`
        : type.name;
  const named = (type: any): any => (type.ofType ? named(type.ofType) : type);
  return data.__schema.mutationType.fields.map((field) => ({
    name: field.name,
    args: field.args.map((arg: any) => ({ name: arg.name, type: print(arg.type) })),
    resultType: named(field.type).name,
    scalarResult: ['SCALAR', 'ENUM'].includes(named(field.type).kind),
  }));
}

/** The operation text for `shape`, its arguments as variables or inline literals. */
export function operationFor(
  shape: MutationShape,
  selection: string,
  variables: Record<string, unknown>,
  inline: boolean,
): string {
  const body = shape.scalarResult ? '' : ` ${selection || '{ __typename }'}`;
  if (inline) {
    const args = shape.args
      .filter((arg) => arg.name in variables)
      .map((arg) => `${arg.name}: ${toGraphQLLiteral(variables[arg.name])}`);
    return `mutation { ${shape.name}${args.length ? `(${args.join(', ')})` : ''}${body} }`;
  }
  const declared = shape.args.map((arg) => `$${arg.name}: ${arg.type}`);
  const passed = shape.args.map((arg) => `${arg.name}: $${arg.name}`);
  return declared.length
    ? `mutation Fuzz(${declared.join(', ')}) { ${shape.name}(${passed.join(', ')})${body} }`
    : `mutation Fuzz { ${shape.name}${body} }`;
}

/** Posts an operation as `token` (anonymously without one); keeps the HTTP status. */
export async function send(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> | undefined,
  token: string | undefined,
): Promise<FuzzAnswer> {
  const call = request(app.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json');
  if (token !== undefined) call.set('authorization', `Bearer ${token}`);
  const payload = JSON.stringify({ query, variables });
  const response = await call.send(payload);
  return {
    status: response.status,
    sent: Buffer.byteLength(payload),
    body: response.body as FuzzAnswer['body'],
  };
}

/**
 * The answer is one a client can handle: either data for the field or errors, each with a
 * known code and nothing internal (no stack, no `exception`, no SQL or JavaScript fault).
 * Throws a descriptive error otherwise; returns whether the call was accepted.
 */
export function checkAnswer(field: string, answer: FuzzAnswer): boolean {
  const { status, body } = answer;
  const describe = (): string => `${field}: HTTP ${status} ${JSON.stringify(body).slice(0, 2000)}`;
  if (status === 413 && answer.sent > BODY_LIMIT) {
    // Refused before GraphQL sees it; the answer must still hold nothing internal.
    if (JSON.stringify(body) !== '{"statusCode":413,"message":"request entity too large"}') {
      throw new Error(`Unexpected answer to a body too large: ${describe()}`);
    }
    return false;
  }
  if (![200, 400, 429].includes(status)) throw new Error(`Unexpected status: ${describe()}`);
  if (!body || typeof body !== 'object') throw new Error(`No JSON body: ${describe()}`);
  const errors = body.errors ?? [];
  for (const error of errors) {
    const extensions = (error.extensions ?? {}) as Record<string, unknown>;
    const code = extensions.code;
    if (typeof code !== 'string' || !KNOWN_CODES.has(code)) {
      throw new Error(`Unknown or internal error code: ${describe()}`);
    }
    if ('stacktrace' in extensions || 'exception' in extensions) {
      throw new Error(`Stack trace in an error: ${describe()}`);
    }
    if (typeof error.message !== 'string' || INTERNALS.test(error.message)) {
      throw new Error(`Internals in an error message: ${describe()}`);
    }
  }
  if (errors.length) {
    // A refused mutation gives no data for its field.
    if (body.data && body.data[field] != null) throw new Error(`Data with errors: ${describe()}`);
    return false;
  }
  if (!body.data || body.data[field] == null)
    throw new Error(`Neither data nor errors: ${describe()}`);
  return true;
}

/**
 * The database's own checks. SQLite: the file's page structure and its foreign keys.
 * PostgreSQL checks each constraint as it writes: no constraint or index may have been left
 * unvalidated, and every foreign key must hold for every row.
 */
export async function databaseChecks(
  dataSource: DataSource,
): Promise<{ integrity: string[]; foreignKeyViolations: unknown[] }> {
  if (dataSource.options.type === 'sqlite') {
    const integrity: { integrity_check: string }[] =
      await dataSource.query('PRAGMA integrity_check');
    const foreignKeyViolations: unknown[] = await dataSource.query('PRAGMA foreign_key_check');
    return { integrity: integrity.map((row) => row.integrity_check), foreignKeyViolations };
  }
  const unvalidated: { name: string }[] = await dataSource.query(
    `SELECT "conname" AS "name" FROM "pg_constraint"
       WHERE "connamespace" = current_schema()::regnamespace AND NOT "convalidated"
     UNION ALL
     SELECT "class"."relname" FROM "pg_index" "index"
       JOIN "pg_class" "class" ON "class"."oid" = "index"."indexrelid"
       WHERE "class"."relnamespace" = current_schema()::regnamespace AND NOT "index"."indisvalid"`,
  );
  const foreignKeyViolations: unknown[] = [];
  for (const foreignKey of dataSource.entityMetadatas.flatMap((entity) => entity.foreignKeys)) {
    const [column] = foreignKey.columnNames;
    const [referenced] = foreignKey.referencedColumnNames;
    const [{ orphans }]: { orphans: number }[] = await dataSource.query(
      `SELECT CAST(COUNT(*) AS INTEGER) AS "orphans" FROM "${foreignKey.entityMetadata.tableName}" "row"
         WHERE "row"."${column}" IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM "${foreignKey.referencedEntityMetadata.tableName}" "referenced"
           WHERE "referenced"."${referenced}" = "row"."${column}")`,
    );
    if (orphans > 0) foreignKeyViolations.push({ foreignKey: foreignKey.name, orphans });
  }
  return {
    integrity: unvalidated.length === 0 ? ['ok'] : unvalidated.map((row) => row.name),
    foreignKeyViolations,
  };
}
