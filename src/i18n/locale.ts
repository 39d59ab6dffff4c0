/**
 * The languages the service speaks. Plain TypeScript (the GraphQL enum is registered in
 * common/locale.ts), so the catalogs can be read without the framework, by the engine too.
 */
export enum Locale {
  EN = 'EN',
  ES = 'ES',
}
