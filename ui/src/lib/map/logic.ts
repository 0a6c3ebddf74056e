// «Карта сети»: the pure part — the period and filters as the core's query,
// the core's map as Cytoscape elements (positions, colours and sizes are the
// core's), the search that highlights, the texts of the tooltip and counts.
import type { HealthFlagKind, MapEdge, MapNode, MapQuery, NetworkMap, PartnerType, RelationKind } from "../bindings";
import { formatDate, plural } from "../format";
import { schoolYearOf, yearLabel } from "../reports/logic";

/** The period chosen: a school year (null: the current one) or any dates. */
export type Period = { kind: "year"; year: number | null } | { kind: "range"; from: string; to: string };

/** The filters chosen (codes as the dropdowns hold them); empty means «все». */
export type MapFilters = { types: string[]; relations: string[]; stages: string[] };

/** «No stage yet» in the stage filter: the core's 0. */
export const NO_STAGE = "0";

/** 1 September – 31 August of the school year starting in `year`. */
export function schoolYearRange(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

/** How many partners the map shows at first (the core's default): the most active in the period. */
export const DEFAULT_LIMIT = 150;
/** The larger choice of «Показывать». */
export const MORE_LIMIT = 500;
/**
 * «Все» is refused above this many partners: the window would freeze drawing
 * them and the picture would be a blur (the PDF of the CLI can take them all).
 */
export const ALL_MAX = 1000;

/** The core's query for a period, filters, how many partners (null: all) and the focused partner. */
export function mapQuery(period: Period, f: MapFilters, limit: number | null = DEFAULT_LIMIT, focus: number | null = null): MapQuery {
  const range = period.kind === "range" ? period : period.year === null ? null : schoolYearRange(period.year);
  return {
    from: range?.from ?? null,
    to: range?.to ?? null,
    types: [...f.types] as PartnerType[],
    relations: [...f.relations] as RelationKind[],
    stages: f.stages.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= 3),
    limit,
    focus,
  };
}

/** A choice of «Показывать»: its value for the select, the limit, its label, refused or not. */
export type LimitChoice = { value: string; limit: number | null; label: string; disabled: boolean; title: string };

/**
 * The choices of «Показывать» for `passed` partners passing the filters:
 * 150, 500 (when there are more than 150), «все N» (refused above ALL_MAX).
 */
export function limitChoices(passed: number): LimitChoice[] {
  const choices: LimitChoice[] = [{ value: String(DEFAULT_LIMIT), limit: DEFAULT_LIMIT, label: `${DEFAULT_LIMIT} самых активных`, disabled: false, title: "" }];
  if (passed > DEFAULT_LIMIT) {
    choices.push({ value: String(MORE_LIMIT), limit: MORE_LIMIT, label: `${MORE_LIMIT} самых активных`, disabled: false, title: "" });
  }
  const tooMany = passed > ALL_MAX;
  choices.push({
    value: "all",
    limit: null,
    label: `всех (${passed.toLocaleString("ru-RU")})`,
    disabled: tooMany,
    title: tooMany ? `Больше ${ALL_MAX.toLocaleString("ru-RU")} партнёров на одной карте не разглядеть: уточните фильтры или найдите партнёра.` : "",
  });
  return choices;
}

/** The select's value for a limit; a limit not offered shows as the nearest choice. */
export function limitValue(limit: number | null): string {
  if (limit === null) return "all";
  return limit > DEFAULT_LIMIT ? String(MORE_LIMIT) : String(DEFAULT_LIMIT);
}

/** What the strip over the map says about the cut: the core's note and what to do; "" when nobody is left out. */
export function cutText(map: Pick<NetworkMap, "note">): string {
  return map.note ? `${map.note} Уточните фильтры или найдите партнёра.` : "";
}

export function filtersSet(f: MapFilters): boolean {
  return f.types.length > 0 || f.relations.length > 0 || f.stages.length > 0;
}

/** The school year a map covers exactly, or null for other dates. */
export function wholeYearOf(map: Pick<NetworkMap, "from" | "to">): number | null {
  const y = schoolYearOf(map.from);
  const r = schoolYearRange(y);
  return r.from === map.from && r.to === map.to ? y : null;
}

/** The period selector's choices: the current school year and three before it, newest first. */
export function yearChoices(current: number): Array<{ year: number; label: string }> {
  return [0, 1, 2, 3].map((k) => ({ year: current - k, label: `${yearLabel(current - k)} учебный год` }));
}

/** «01.09.2025 – 31.08.2026». */
export function periodText(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** Lower case, «ё» as «е», spaces collapsed: how names are compared in the search. */
export function foldRu(s: string): string {
  return s.toLocaleLowerCase("ru").replaceAll("ё", "е").replace(/\s+/g, " ").trim();
}

/** The keys of the nodes whose name contains every word typed; null when nothing is typed. */
export function searchHits(nodes: readonly Pick<MapNode, "key" | "name">[], query: string): Set<string> | null {
  const words = foldRu(query).split(" ").filter(Boolean);
  if (words.length === 0) return null;
  const hits = new Set<string>();
  for (const n of nodes) {
    const name = foldRu(n.name);
    if (words.every((w) => name.includes(w))) hits.add(n.key);
  }
  return hits;
}

/** A name as a node's label: at most `max` characters, cut at a word with «…». */
export function shortLabel(name: string, max = 30): string {
  const s = name.replace(/\s+/g, " ").trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:«"-]+$/, "")}…`;
}

/**
 * A label broken into lines of about `perLine` characters at spaces, «№»
 * and short words kept with the word after them. Done here, not by Cytoscape, which breaks at any
 * space, the no-break one too.
 */
export function wrapLabel(label: string, perLine = 18): string {
  const words: string[] = [];
  for (const w of label.split(" ").filter(Boolean)) {
    const last = words.length - 1;
    // «№», «г.», «и», «в» go with the word after them.
    if (last >= 0 && words[last].length <= 2) words[last] += ` ${w}`;
    else words.push(w);
  }
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + w.length <= perLine) lines[last] += ` ${w}`;
    else lines.push(w);
  }
  return lines.join("\n");
}

/**
 * The label's font size in layout units: larger for larger (more active)
 * nodes, so when the map is zoomed out the small nodes' names go first
 * (Cytoscape hides a label drawn smaller than its minimum). Whole pixels
 * only: every distinct size is a font the web view resolves and measures
 * anew, and a map of 150 sizes froze the window for half a second.
 */
export function labelSize(node: Pick<MapNode, "size" | "partner_type">): number {
  if (node.partner_type === null) return 16;
  return Math.round(11 + Math.max(0, node.size - 12) * 0.15);
}

/**
 * On screen the core's positions are spread by this factor, node sizes kept:
 * the core keeps nodes apart, a name under each needs more room. The picture
 * is the same, only looser.
 */
export const SPREAD = 1.5;

/** An edge with joint events or agreements (solid), or a declared tie only (dashed). */
export function edgeKind(e: Pick<MapEdge, "ties" | "joint_events" | "joint_agreements">): "joint" | "tie" {
  return e.joint_events + e.joint_agreements > 0 ? "joint" : "tie";
}

export type NodeData = {
  id: string;
  label: string;
  name: string;
  color: string;
  /** Diameter in layout units. */
  d: number;
  font: number;
  partnerId: number | null;
  /** The partner type's code, "" for the institution. */
  type: string;
};

export type EdgeData = { id: string; source: string; target: string; width: number };

export type Element =
  | { group: "nodes"; data: NodeData; position: { x: number; y: number }; classes: string }
  | { group: "edges"; data: EdgeData; classes: string };

/** The Cytoscape elements of a map: nodes where the core placed them, edges between nodes that are on it. */
export function buildElements(map: Pick<NetworkMap, "nodes" | "edges">): Element[] {
  const keys = new Set(map.nodes.map((n) => n.key));
  const nodes: Element[] = map.nodes.map((n) => ({
    group: "nodes",
    data: {
      id: n.key,
      label: n.partner_type === null ? wrapLabel(shortLabel(n.name, 44), 24) : wrapLabel(shortLabel(n.name, 30)),
      name: n.name,
      color: n.color,
      d: Math.max(2, 2 * n.size),
      font: labelSize(n),
      partnerId: n.partner_id,
      type: n.partner_type ?? "",
    },
    position: { x: n.x * SPREAD, y: n.y * SPREAD },
    classes: [n.partner_type === null ? "institution" : "partner", n.flags.length ? "flagged" : ""].filter(Boolean).join(" "),
  }));
  const edges: Element[] = map.edges
    .filter((e) => keys.has(e.source) && keys.has(e.target) && e.source !== e.target)
    .map((e) => ({
      group: "edges",
      data: { id: `${e.source}~${e.target}`, source: e.source, target: e.target, width: Math.max(0.5, e.width) },
      classes: edgeKind(e),
    }));
  return [...nodes, ...edges];
}

/** The smallest label on screen, in pixels, that the map draws (Cytoscape's `min-zoomed-font-size`). */
export const MIN_LABEL_PX = 7;

/**
 * Whether Cytoscape draws a label of `font` layout units at `zoom`: its own
 * rule, the scale rounded up to a power of two (its texture level). Only
 * such nodes are given their label: Cytoscape measures every label it
 * holds, drawn or not, and the first visit of a map of 150 froze the window
 * for half a second measuring names too small to be drawn.
 */
export function labelDrawn(font: number, zoom: number, pixelRatio = 1): boolean {
  if (!(zoom > 0)) return false;
  const scale = 2 ** Math.ceil(Math.log2(zoom * pixelRatio));
  return font * scale >= MIN_LABEL_PX;
}

/** A box in layout units. */
export type Box = { x1: number; y1: number; w: number; h: number };

/**
 * The box the nodes and their names (under each) take, in layout units:
 * what «Вся карта» fits. The names are estimated from their length, not
 * measured, so that fitting a map measures nothing.
 */
export function layoutBox(nodes: readonly { position: { x: number; y: number }; data: Pick<NodeData, "d" | "font" | "label"> }[]): Box | null {
  if (nodes.length === 0) return null;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { position: p, data } of nodes) {
    const r = data.d / 2;
    const lines = data.label.split("\n");
    // An average letter is about 0.6 of the size; lines as tall as the size; the white outline around.
    const half = (Math.max(...lines.map((l) => l.length)) * data.font * 0.6) / 2 + 2;
    x1 = Math.min(x1, p.x - Math.max(r, half));
    x2 = Math.max(x2, p.x + Math.max(r, half));
    y1 = Math.min(y1, p.y - r);
    y2 = Math.max(y2, p.y + r + 2 + lines.length * data.font + 2);
  }
  return { x1, y1, w: x2 - x1, h: y2 - y1 };
}

/** «24 организации · 31 связь». */
export function mapCountText(map: Pick<NetworkMap, "nodes" | "edges">): string {
  const n = map.nodes.length;
  const e = map.edges.length;
  return `${n} ${plural(n, ["организация", "организации", "организаций"])} · ${e} ${plural(e, ["связь", "связи", "связей"])}`;
}

/** A map with nobody but the institution (or nobody at all). */
export function hasPartners(map: Pick<NetworkMap, "nodes">): boolean {
  return map.nodes.some((n) => n.partner_type !== null);
}

/** «5 мероприятий». */
export function eventsText(n: number): string {
  return `${n} ${plural(n, ["мероприятие", "мероприятия", "мероприятий"])}`;
}

/** «2 договора». */
export function agreementsText(n: number): string {
  return `${n} ${plural(n, ["договор", "договора", "договоров"])}`;
}

/** What a partner's flag says in the tooltip (one partner, so the singular). */
export const FLAG_TEXT: Record<HealthFlagKind, string> = {
  no_legal_basis: "мероприятия без действующего договора",
  dormant: "спящий партнёр: давно нет мероприятий и договоров",
  single_contact: "связь только через одного человека",
  uncovered_deficit: "непокрытый дефицит",
  idle_resources: "ресурсы не востребованы",
};

/** The tooltip of a node: its name, type, the period's counts and its flags in Russian. */
export function nodeTip(
  n: Pick<MapNode, "name" | "partner_type" | "events" | "agreements" | "flags">,
  typeLabel: (code: string) => string,
): { title: string; kind: string; counts: string; flags: string[] } {
  return {
    title: n.name,
    kind: n.partner_type === null ? "Наше учреждение" : typeLabel(n.partner_type),
    counts: `За период: ${eventsText(n.events)}, ${agreementsText(n.agreements)} в силе`,
    flags: n.flags.map((f) => FLAG_TEXT[f]),
  };
}

/** The tooltip of an edge: who, the joint counts, the declared ties. */
export function edgeTip(
  e: Pick<MapEdge, "source" | "target" | "ties" | "joint_events" | "joint_agreements">,
  nameOf: (key: string) => string,
  tieLabel: (code: string) => string,
): { title: string; lines: string[] } {
  const lines: string[] = [];
  if (e.joint_events) lines.push(`Совместных мероприятий: ${e.joint_events}`);
  if (e.joint_agreements) lines.push(`Общих договоров: ${e.joint_agreements}`);
  if (e.ties.length) lines.push(`Связь: ${e.ties.map((t) => tieLabel(t).toLocaleLowerCase("ru")).join(", ")}`);
  return { title: `${nameOf(e.source)} — ${nameOf(e.target)}`, lines };
}

/**
 * The PNG's scale: twice the layout (sharp when printed), smaller for a large
 * network so the longer side stays within `maxSide` pixels.
 */
export function pngScale(width: number, height: number, maxSide = 4000): number {
  const side = Math.max(width, height, 1);
  return Math.max(0.25, Math.min(2, maxSide / side));
}

/** The toast after an export: «Карта сети сохранена в PNG: /path». */
export function exportedText(format: "pdf" | "png", path: string): string {
  return `Карта сети сохранена в ${format.toUpperCase()}: ${path}`;
}
