// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Apollo's cache control, installed by default, wraps the resolver of every field of every
 * answer to gather cache hints. Answers here depend on who asks and are never cached (no
 * `Cache-Control` header is sent for them either way), so it is turned off.
 */
export function withoutCacheControl(): ApolloServerPlugin {
  // Required from CommonJS, the plugin comes with CommonJS declarations; Apollo recognises
  // it by a marker property, the same in both builds.
  return ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin;
}
