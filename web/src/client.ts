import { createClient as createWsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { i18n } from './i18n';

/**
 * The one GraphQL client of the console. The session is an HttpOnly cookie the service sets
 * at sign-in (`x-mirps-console: 1` asks for it): no script here ever holds the token. The
 * language of the page is the language of the answers (errors, names, reasons).
 */
export function consoleHeaders(language = i18n.language): Record<string, string> {
  return { 'x-mirps-console': '1', 'accept-language': language };
}

const socketUrl = () => {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
};

let live: ReturnType<typeof createWsClient> | undefined;

/** Closes the live connection (at sign-out: the next one opens with the new cookie). */
export function resetLiveConnection(): void {
  void live?.dispose();
  live = undefined;
}

function liveClient() {
  live ??= createWsClient({ url: socketUrl(), lazy: true, retryAttempts: 3 });
  return live;
}

export function createConsoleClient(language: string): Client {
  return new Client({
    url: '/graphql',
    // POST always: Apollo's CSRF prevention refuses a GET without a preflight-forcing header.
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'same-origin', headers: consoleHeaders(language) }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = liveClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
