/**
 * The world's country outlines as one SVG path (world-outline.ts, its own small chunk loaded on
 * first use and kept), and the width of an element for the maps that lay out in pixels.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import { viewTransform, type View } from "./project";

let outline: string | null = null;
let loading: Promise<string> | null = null;

/** Starts loading the outline (a route that will draw it can call this early). */
export function loadWorldOutline(): Promise<string> {
  loading ??= import("./world-outline").then((m) => (outline = m.WORLD_OUTLINE));
  return loading;
}

/** The outline path once loaded (null until then: the map draws its dots and lines without the land first). */
export function useWorldOutline(): string | null {
  const [d, setD] = useState(outline);
  useLayoutEffect(() => {
    if (d) return;
    let live = true;
    void loadWorldOutline().then((x) => { if (live) setD(x); });
    return () => { live = false; };
  }, [d]);
  return d;
}

export const LAND = "#e9eef3";
export const BORDER = "#9fb0c1";

/** The countries drawn in a view: land fill, borders a hairline whatever the scale. */
export function WorldLand({ view, border = BORDER }: { view: View; border?: string }) {
  const d = useWorldOutline();
  if (!d) return null;
  return <path d={d} transform={viewTransform(view)} fill={LAND} stroke={border} strokeWidth={0.7} vectorEffect="non-scaling-stroke" strokeLinejoin="round" data-testid="world-land" />;
}

/** The element's width in CSS pixels, measured before the first paint and on every resize. */
export function useWidth<T extends Element>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
