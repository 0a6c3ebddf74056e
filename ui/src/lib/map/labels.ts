// The names on the map. Cytoscape measures every name it holds, drawn or
// not (the first visit of a map of 150 froze the window measuring names too
// small to be drawn), so a node is given its name only once it is in view
// and large enough to be drawn at the zoom (logic.labelDrawn). A name once
// given stays: measured, it costs nothing more.
import type { Core } from "cytoscape";
import { labelDrawn } from "./logic";

/**
 * Gives its name to each node in view, or a quarter of the view around it,
 * whose name Cytoscape draws at this zoom (every node with `all`); true when
 * some node got one.
 */
export function nameNodes(c: Core, all = false): boolean {
  const zoom = c.zoom();
  const ratio = (typeof window === "undefined" ? 1 : window.devicePixelRatio) || 1;
  const e = c.extent();
  const [mx, my] = [e.w / 4, e.h / 4];
  const fresh = c.nodes().filter((n) => {
    if (n.hasClass("named")) return false;
    const p = n.position();
    const near = p.x > e.x1 - mx && p.x < e.x2 + mx && p.y > e.y1 - my && p.y < e.y2 + my;
    return all || (near && labelDrawn(n.data("font") as number, zoom, ratio));
  });
  if (fresh.empty()) return false;
  fresh.addClass("named");
  return true;
}
