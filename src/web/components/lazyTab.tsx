import { lazy, Suspense, useState, type ComponentType } from "react";
import { Loading } from "./States";

/**
 * A page's tab whose code loads on demand (its own chunk), for pages with many tabs: the first paint of
 * one tab does not wait for the others' chunks. `preload()` starts loading it; once loaded it renders
 * at once, without suspending — React 19 holds back the reveal of a suspended boundary for up to
 * 300 ms after a fallback was shown, so the tab in the address is preloaded as the page's module
 * runs (its chunk is announced by src/api/spa-shell.ts) and is there before the page's data.
 */
export function lazyTab<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> & { preload: () => void } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (pending ??= load().then((m) => { loaded = m.default; return m; }));
  const Lazy = lazy(start);
  function Tab(props: P) {
    // Chosen once per mount: switching from <Suspense><Lazy/></Suspense> to <Loaded/> on a later
    // render would unmount the tab and mount it afresh, losing its state (a started solve, a form).
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return <Suspense fallback={<Loading rows={6} />}><Lazy {...props} /></Suspense>;
  }
  Tab.preload = () => { void start(); };
  return Tab;
}

/** Starts loading the tab named by `?tab=` in the current address, if it is one of `tabs`. */
export function preloadTabInAddress(tabs: Record<string, { preload: () => void }>): void {
  if (typeof window === "undefined") return;
  const tab = new URLSearchParams(window.location.search).get("tab");
  if (tab && Object.hasOwn(tabs, tab)) tabs[tab]!.preload();
}
