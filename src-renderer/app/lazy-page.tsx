/**
 * Pages loaded on demand (issue 19: the first screen loads only the shell and the orders list).
 * `lazyPage(() => import('…').then((m) => m.XPage))` is a component that renders the page once
 * its chunk is loaded and a quiet placeholder until then; once loaded (or preloaded) it renders
 * synchronously, without Suspense. `preloadLazyPages()` loads every page so far declared: the
 * shell calls it when the first screen is up and the window is idle (a click in the nav bar
 * then finds its page loaded), renderer tests before they render.
 */
import { useEffect, useState, type ComponentType } from 'react';

export type LazyPage<P extends object> = ComponentType<P> & { readonly preload: () => Promise<void> };

const preloaders: Array<() => Promise<void>> = [];

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (page) => {
        loaded = page;
      },
      (e: unknown) => {
        pending = null; // a later attempt may load it (the host restarted, the file came back)
        throw e;
      },
    ));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        (e: unknown) => console.error('page chunk failed to load', e),
      );
      return () => {
        live = false;
      };
    }, []);
    const Page = loaded;
    return Page ? <Page {...props} /> : <div className="page page-loading" aria-busy="true" />;
  }
  preloaders.push(preload);
  return Object.assign(Lazy, { preload });
}

/** Loads every lazy page declared so far (errors are left to the page's own load). */
export function preloadLazyPages(): Promise<void> {
  return Promise.all(preloaders.map((p) => p().catch(() => undefined))).then(() => undefined);
}

/**
 * After the first screen: loads the other pages one at a time when the window is idle, so a nav
 * click finds them ready and no frame waits for all of them at once. Returns a cancel function.
 */
export function preloadWhenIdle(delayMs = 2000): () => void {
  let stopped = false;
  const idle = (cb: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 5000 }) : setTimeout(cb, 50);
  const next = (i: number) => {
    if (stopped || i >= preloaders.length) return;
    idle(
      () =>
        void preloaders[i]!().then(
          () => next(i + 1),
          () => next(i + 1),
        ),
    );
  };
  const timer = setTimeout(() => next(0), delayMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
