import { Grid } from "antd";

/** TV-sized type on a TV or a laptop; on a phone the same sizes scaled down (never under 14 px). */
export function useWallFont(): (px: number) => number {
  const isPhone = Grid.useBreakpoint().md === false;
  return (px) => (isPhone ? Math.max(14, Math.round(px * 0.6)) : px);
}
