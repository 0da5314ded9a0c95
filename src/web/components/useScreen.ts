import { Grid } from "antd";

function matches(query: string): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

/**
 * The layout's two widths, from antd's grid breakpoints: `compact` below lg (992 px: the main menu
 * moves into a drawer), `phone` below md (768 px: the city search folds into a button, short
 * language labels). antd's observer answers after the first render, so until then the window is asked
 * directly (a desktop never renders the phone bar for a frame, nor a phone the desktop one).
 */
export function useScreen(): { compact: boolean; phone: boolean } {
  const screens = Grid.useBreakpoint();
  const lg = screens.lg ?? matches("(min-width: 992px)");
  const md = screens.md ?? matches("(min-width: 768px)");
  return { compact: !lg, phone: !md };
}
