import { ComponentType, ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A group of screens loaded on demand (a chunk of its own), which the console may ask for
 * ahead of time: as soon as it knows who signed in, it loads that role's screens while the
 * first queries run (see `preloadFor`).
 *
 * Unlike React.lazy, a chunk already loaded renders at once, without suspending: React holds
 * back content revealed after a Suspense fallback for up to 300 ms, which on the overview
 * cost about that much twice (the page, then its charts).
 */
export interface Chunk<P> {
  load(): Promise<ComponentType<P>>;
  /** The component, once loaded. */
  loaded?: ComponentType<P>;
}

export function chunk<P>(loader: () => Promise<{ default: ComponentType<P> }>): Chunk<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const result: Chunk<P> = {
    load() {
      loading ??= loader().then(
        (module) => (result.loaded = module.default),
        (error: unknown) => {
          // A later attempt may succeed (a network hiccup): forget the failure.
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
  return result;
}

/**
 * Renders the chunk's component with `props`, loading the chunk first when it is not yet
 * (`fallback` meanwhile). A chunk that cannot be loaded (the network, or a new version of
 * the console whose files have other names) says so, with a way to load the page again.
 */
export function ChunkView<P extends object>({
  of,
  props,
  fallback,
}: {
  of: Chunk<P>;
  props: NoInfer<P>;
  fallback?: ReactNode;
}) {
  const { t } = useTranslation();
  const [, loaded] = useState(0);
  const [failure, setFailure] = useState<string>();
  const shown = of.loaded;
  useEffect(() => {
    if (shown) return;
    // Loaded meanwhile or not, the promise tells: this render showed the fallback.
    let current = true;
    setFailure(undefined);
    of.load().then(
      () => current && loaded((count) => count + 1),
      (error: unknown) => current && setFailure(String(error)),
    );
    return () => {
      current = false;
    };
  }, [of, shown]);

  if (failure) {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('common.error', { message: failure })}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const Render = shown;
  if (!Render) {
    return (
      fallback ?? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      )
    );
  }
  return <Render {...props} />;
}
