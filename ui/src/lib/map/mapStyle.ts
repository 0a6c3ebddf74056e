// The map's look for Cytoscape: its colours (the theme's, from app.css; a
// light set for the PNG, which goes on white) and the stylesheet of nodes,
// names, edges, search hits and the open node.
import type { StylesheetJson } from "cytoscape";

/** The map's colours from app.css (the theme's); `light` for the PNG, which goes on white. */
export function mapPalette(light = false) {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => (light ? fallback : css.getPropertyValue(name).trim() || fallback);
  return {
    ink: v("--map-ink", "#1d2530"),
    accent: v("--accent", "#2a67b1"),
    danger: v("--danger", "#b42332"),
    outline: v("--map-node-border", "#ffffff"),
    edge: v("--map-edge", "#9aa6b6"),
    tie: v("--map-tie", "#8d99aa"),
  };
}

/** The stylesheet in `font` and the colours `p`: names only where drawn, hits ringed, the rest dimmed. */
export function mapStyle(font: string, p = mapPalette()): StylesheetJson {
  const { ink: INK, accent: ACCENT, danger: DANGER } = p;
  return [
    {
      selector: "node",
      style: {
        width: "data(d)",
        height: "data(d)",
        "background-color": "data(color)",
        "border-width": 1.5,
        "border-color": p.outline,
        "font-family": font,
        "font-size": "data(font)",
        color: INK,
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 2,
        "text-wrap": "wrap",
        "text-max-width": "400px",
        "text-outline-color": p.outline,
        "text-outline-width": 2,
        "text-outline-opacity": 0.9,
        "min-zoomed-font-size": 7,
      },
    },
    // The name only where it is drawn (relabel), searched for or open.
    { selector: "node.named, node.hit, node.open", style: { label: "data(label)" } },
    {
      selector: "node.institution",
      style: { "font-weight": 600, "border-width": 3, "border-color": p.outline, "z-index": 5 },
    },
    { selector: "node.warn", style: { "border-width": 3.5, "border-color": DANGER, "z-index": 9 } },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "curve-style": "straight",
        "line-color": p.edge,
        opacity: 0.55,
        "z-index": 0,
      },
    },
    { selector: "edge.tie", style: { "line-style": "dashed", "line-dash-pattern": [6, 4], "line-color": p.tie } },
    { selector: ".dim", style: { opacity: 0.14 } },
    { selector: "edge.dim", style: { opacity: 0.06 } },
    { selector: "node.hit", style: { "border-width": 4, "border-color": ACCENT, "z-index": 10, "min-zoomed-font-size": 0 } },
    { selector: "edge.near", style: { "line-color": ACCENT, opacity: 0.95, "z-index": 8 } },
    {
      selector: "node.open",
      style: { "border-width": 4, "border-color": INK, "z-index": 12, "min-zoomed-font-size": 0, "font-weight": 600 },
    },
  ];
}
