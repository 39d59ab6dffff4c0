import type { GraphQLClient, GraphQLResponse } from './graphql-client';

/** Sets the signed-in user's language: `{ locale: 'ES' }` or `{ locale: 'EN' }`. */
export const ME_LOCALE =
  'mutation ($locale: Locale!) { updateMyProfile(input: { locale: $locale }) { locale } }';

/** The first error of an answer as a person and a client read it. */
export interface Refusal {
  code: string;
  message: string;
  reason?: string;
  fields?: { field: string; message: string }[];
}

export function refusalOf(body: GraphQLResponse): Refusal {
  const error = body.errors![0];
  const { code, reason, fields } = error.extensions as Omit<Refusal, 'message'>;
  return {
    code,
    message: error.message,
    ...(reason ? { reason } : {}),
    ...(fields ? { fields } : {}),
  };
}

/**
 * The same refused call made by `token` as a Spanish reader, then as an English one (its
 * locale set each time with updateMyProfile, left EN as the suite's users are). Each asks
 * in the other language's Accept-Language, to show the user's locale outweighs it.
 */
export async function inBothLanguages(
  app: GraphQLClient,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ es: Refusal; en: Refusal }> {
  const as = async (locale: 'ES' | 'EN', header: string) => {
    await app.ok(ME_LOCALE, { locale }, { as: token });
    return refusalOf(
      await app.gql(query, variables, { as: token, headers: { 'accept-language': header } }),
    );
  };
  const es = await as('ES', 'en');
  const en = await as('EN', 'es');
  return { es, en };
}
