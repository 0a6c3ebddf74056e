import { describe, expect, it } from "vitest";
import type { MapEdge, MapNode, NetworkMap } from "../bindings";
import {
  ALL_MAX,
  cutText,
  DEFAULT_LIMIT,
  limitChoices,
  limitValue,
  buildElements,
  edgeKind,
  edgeTip,
  exportedText,
  foldRu,
  hasPartners,
  labelDrawn,
  labelSize,
  layoutBox,
  mapCountText,
  mapQuery,
  nodeTip,
  periodText,
  pngScale,
  schoolYearRange,
  searchHits,
  shortLabel,
  SPREAD,
  wrapLabel,
  wholeYearOf,
  yearChoices,
} from "./logic";

function node(key: string, name: string, extra: Partial<MapNode> = {}): MapNode {
  return {
    key,
    partner_id: key === "i" ? null : Number(key.slice(1)),
    name,
    partner_type: key === "i" ? null : "general_education",
    relation: key === "i" ? null : "network_interaction",
    stage: null,
    color: key === "i" ? "#2f3e4e" : "#4e79a7",
    events: 0,
    agreements: 0,
    size: key === "i" ? 40 : 12,
    x: 0,
    y: 0,
    flags: [],
    ...extra,
  };
}

function edge(source: string, target: string, extra: Partial<MapEdge> = {}): MapEdge {
  return { source, target, ties: [], joint_events: 0, joint_agreements: 0, width: 1, ...extra };
}

const map: NetworkMap = {
  from: "2025-09-01",
  to: "2026-08-31",
  nodes: [
    node("i", "ДДТ «Радуга»"),
    node("p1", "Школа № 1", { x: 120.5, y: -40, size: 20, events: 5, agreements: 1, flags: ["single_contact"] }),
    node("p2", "Ёлочка, детский сад", { partner_type: "parent_community", color: "#9c755f", x: -80, y: 60 }),
    node("p3", "Газета «Наш ёжик»", { partner_type: "mass_media", color: "#59a14f", x: 10, y: 200 }),
  ],
  edges: [
    edge("i", "p1", { joint_events: 5, joint_agreements: 1, width: 3.4 }),
    edge("p1", "p2", { ties: ["patronage"], width: 1 }),
    edge("p1", "p3", { ties: ["other"], joint_events: 1, width: 2 }),
    edge("i", "p9", { joint_events: 1 }), // an end not on the map (filtered out)
  ],
  passed: 3,
  hidden: 0,
  focus: null,
  note: null,
  legend: [],
};

describe("the core's query", () => {
  it("is the current school year with no dates, a chosen one with its two ends, or any dates", () => {
    const none = { types: [], relations: [], stages: [] };
    expect(mapQuery({ kind: "year", year: null }, none)).toEqual({
      from: null,
      to: null,
      types: [],
      relations: [],
      stages: [],
      limit: DEFAULT_LIMIT,
      focus: null,
    });
    expect(mapQuery({ kind: "year", year: 2024 }, none)).toMatchObject({ from: "2024-09-01", to: "2025-08-31" });
    expect(mapQuery({ kind: "range", from: "2026-01-10", to: "2026-03-01" }, none)).toMatchObject({
      from: "2026-01-10",
      to: "2026-03-01",
    });
  });

  it("carries the filters, stages as numbers with 0 for «no stage»", () => {
    const q = mapQuery({ kind: "year", year: null }, { types: ["mass_media"], relations: ["patronage"], stages: ["3", "0", "x"] });
    expect(q.types).toEqual(["mass_media"]);
    expect(q.relations).toEqual(["patronage"]);
    expect(q.stages).toEqual([3, 0]);
  });

  it("asks for the most active partners, more, all, or a partner with its neighbours", () => {
    const none = { types: [], relations: [], stages: [] };
    expect(mapQuery({ kind: "year", year: null }, none, 500, 12)).toMatchObject({ limit: 500, focus: 12 });
    expect(mapQuery({ kind: "year", year: null }, none, null)).toMatchObject({ limit: null, focus: null });
  });

  it("knows a whole school year from other dates", () => {
    expect(schoolYearRange(2025)).toEqual({ from: "2025-09-01", to: "2026-08-31" });
    expect(wholeYearOf({ from: "2025-09-01", to: "2026-08-31" })).toBe(2025);
    expect(wholeYearOf({ from: "2025-09-01", to: "2026-05-31" })).toBeNull();
    expect(yearChoices(2026).map((c) => c.label)).toEqual([
      "2026/2027 учебный год",
      "2025/2026 учебный год",
      "2024/2025 учебный год",
      "2023/2024 учебный год",
    ]);
    expect(periodText("2025-09-01", "2026-08-31")).toBe("01.09.2025 – 31.08.2026");
  });
});

describe("the search", () => {
  it("folds case and ё, and needs every word typed", () => {
    expect(foldRu("  ЁЛОЧКА   Сад ")).toBe("елочка сад");
    expect(searchHits(map.nodes, "ёлочка")).toEqual(new Set(["p2"]));
    expect(searchHits(map.nodes, "ЕЛОЧКА")).toEqual(new Set(["p2"]));
    expect(searchHits(map.nodes, "ежик наш")).toEqual(new Set(["p3"]));
    expect(searchHits(map.nodes, "школа 2")).toEqual(new Set());
    expect(searchHits(map.nodes, "   ")).toBeNull();
  });
});

describe("the Cytoscape elements", () => {
  const els = buildElements(map);
  const nodes = els.filter((e) => e.group === "nodes");
  const edges = els.filter((e) => e.group === "edges");

  it("puts every node where the core placed it (spread out, the same picture), in its colour, its diameter twice the core's radius", () => {
    expect(nodes).toHaveLength(4);
    const p1 = nodes.find((n) => n.data.id === "p1");
    expect(p1).toMatchObject({ position: { x: 120.5 * SPREAD, y: -40 * SPREAD }, data: { color: "#4e79a7", d: 40, partnerId: 1, type: "general_education" } });
    expect(nodes[0]).toMatchObject({ data: { id: "i", partnerId: null, type: "" }, classes: "institution" });
    expect(p1?.classes).toBe("partner flagged");
    expect(nodes.find((n) => n.data.id === "p2")?.classes).toBe("partner");
  });

  it("draws joint activity solid and a declared tie only dashed; drops edges to nodes not on the map", () => {
    expect(edges.map((e) => [e.data.id, e.classes])).toEqual([
      ["i~p1", "joint"],
      ["p1~p2", "tie"],
      ["p1~p3", "joint"],
    ]);
    expect(edges[0].data.width).toBe(3.4);
    expect(edgeKind({ ties: ["patronage"], joint_events: 0, joint_agreements: 1 })).toBe("joint");
  });

  it("labels: short names cut at a word, larger type for larger nodes and the institution", () => {
    expect(shortLabel("Школа  №  1")).toBe("Школа № 1");
    expect(wrapLabel("МБОУ «СОШ № 12»")).toBe("МБОУ «СОШ № 12»");
    expect(wrapLabel("Клуб краеведов «Отчий край»")).toBe("Клуб краеведов\n«Отчий край»");
    expect(wrapLabel("Родительский совет школы № 109")).toBe("Родительский совет\nшколы № 109");
    expect(wrapLabel("Совет ветеранов г. Котовска")).toBe("Совет ветеранов\nг. Котовска");
    expect(wrapLabel("ИП Белоусова А.В.")).toBe("ИП Белоусова А.В.");
    expect(wrapLabel("Литобъединение")).toBe("Литобъединение");
    const long = "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 2»";
    const cut = shortLabel(long);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).toBe("Муниципальное бюджетное…");
    expect(labelSize({ size: 12, partner_type: "mass_media" })).toBe(11);
    expect(labelSize({ size: 36, partner_type: "mass_media" })).toBeGreaterThan(labelSize({ size: 20, partner_type: "mass_media" }));
    expect(labelSize({ size: 40, partner_type: null })).toBeGreaterThan(labelSize({ size: 36, partner_type: "mass_media" }));
  });

  it("uses whole pixels only: a few fonts for the web view to resolve, whatever the sizes", () => {
    const sizes = new Set(Array.from({ length: 241 }, (_, i) => labelSize({ size: 12 + i / 10, partner_type: "mass_media" })));
    expect([...sizes].every(Number.isInteger)).toBe(true);
    expect([...sizes].sort()).toEqual([11, 12, 13, 14, 15]);
  });
});

describe("names drawn at a zoom", () => {
  it("follows Cytoscape: the scale rounded up to a power of two, a name under 7 px hidden", () => {
    // Zoom 0.3 draws at the level of 0.5: 14 × 0.5 = 7 is drawn, 13 × 0.5 is not.
    expect(labelDrawn(14, 0.3)).toBe(true);
    expect(labelDrawn(13, 0.3)).toBe(false);
    expect(labelDrawn(11, 0.5)).toBe(false);
    expect(labelDrawn(11, 0.51)).toBe(true);
    // A dense screen draws finer.
    expect(labelDrawn(11, 0.3, 2)).toBe(true);
    expect(labelDrawn(16, 0.2)).toBe(false);
    expect(labelDrawn(16, 0)).toBe(false);
  });
});

describe("the box «Вся карта» fits", () => {
  const box = layoutBox(buildElements(map).flatMap((e) => (e.group === "nodes" ? [e] : [])));

  it("holds every node and the name under it, estimated from its length", () => {
    expect(box).not.toBeNull();
    const b = box!;
    for (const e of buildElements(map)) {
      if (e.group !== "nodes") continue;
      const { x, y } = e.position;
      const lines = e.data.label.split("\n");
      expect(x - e.data.d / 2).toBeGreaterThanOrEqual(b.x1);
      expect(x + e.data.d / 2).toBeLessThanOrEqual(b.x1 + b.w);
      expect(y - e.data.d / 2).toBeGreaterThanOrEqual(b.y1);
      // The name's lines below the node.
      expect(y + e.data.d / 2 + lines.length * e.data.font).toBeLessThanOrEqual(b.y1 + b.h);
      // Half the widest line on each side, at 0.6 of the size a letter.
      const half = (Math.max(...lines.map((l) => l.length)) * e.data.font * 0.6) / 2;
      expect(x - half).toBeGreaterThanOrEqual(b.x1);
      expect(x + half).toBeLessThanOrEqual(b.x1 + b.w);
    }
  });

  it("is tight: one node wider than its name is the node and the name's line under it", () => {
    const one = layoutBox([{ position: { x: 10, y: 20 }, data: { d: 20, font: 10, label: "ab" } }]);
    // The node's edges; the name's line below it, with the margin and the outline.
    expect(one).toEqual({ x1: 0, y1: 10, w: 20, h: 20 + 2 + 10 + 2 });
    expect(layoutBox([])).toBeNull();
  });
});

describe("texts", () => {
  it("counts organisations and ties in Russian", () => {
    expect(mapCountText(map)).toBe("4 организации · 4 связи");
    expect(mapCountText({ nodes: [map.nodes[0]], edges: [] })).toBe("1 организация · 0 связей");
    expect(hasPartners({ nodes: [map.nodes[0]] })).toBe(false);
    expect(hasPartners(map)).toBe(true);
  });

  it("the node's tooltip: name, type, the period's counts, flags in Russian", () => {
    const tip = nodeTip(map.nodes[1], (c) => (c === "general_education" ? "Учреждения общего образования" : c));
    expect(tip).toEqual({
      title: "Школа № 1",
      kind: "Учреждения общего образования",
      counts: "За период: 5 мероприятий, 1 договор в силе",
      flags: ["связь только через одного человека"],
    });
    expect(nodeTip(map.nodes[0], () => "").kind).toBe("Наше учреждение");
  });

  it("the edge's tooltip: both names, joint counts, ties in lower case", () => {
    const names = new Map(map.nodes.map((n) => [n.key, n.name]));
    const tip = edgeTip(map.edges[2], (k) => names.get(k) ?? k, (c) => (c === "other" ? "Другое" : c));
    expect(tip).toEqual({ title: "Школа № 1 — Газета «Наш ёжик»", lines: ["Совместных мероприятий: 1", "Связь: другое"] });
  });

  it("the PNG is twice the layout, less when that would exceed the longest side", () => {
    expect(pngScale(800, 600)).toBe(2);
    expect(pngScale(4000, 2000)).toBe(1);
    expect(pngScale(0, 0)).toBe(2);
    expect(exportedText("png", "/tmp/карта.png")).toBe("Карта сети сохранена в PNG: /tmp/карта.png");
  });
});

describe("what the map leaves out", () => {
  it("offers 150, 500 and all, refusing all above the sane maximum", () => {
    expect(limitChoices(80).map((c) => c.label)).toEqual(["150 самых активных", "всех (80)"]);
    const big = limitChoices(10_046);
    expect(big.map((c) => [c.value, c.limit, c.disabled])).toEqual([
      ["150", 150, false],
      ["500", 500, false],
      ["all", null, true],
    ]);
    expect(big[2].label).toBe("всех (10\u00a0046)");
    expect(big[2].title).toMatch(/уточните фильтры или найдите партнёра/);
    expect(limitChoices(ALL_MAX).at(-1)?.disabled).toBe(false);
    expect(limitChoices(ALL_MAX + 1).at(-1)?.disabled).toBe(true);
  });

  it("shows a limit as its choice", () => {
    expect(limitValue(null)).toBe("all");
    expect(limitValue(150)).toBe("150");
    expect(limitValue(500)).toBe("500");
  });

  it("says the core's note and what to do, nothing when nobody is left out", () => {
    expect(cutText({ note: null })).toBe("");
    expect(cutText({ note: "Показаны 150 самых активных партнёров из 10 046." })).toBe(
      "Показаны 150 самых активных партнёров из 10 046. Уточните фильтры или найдите партнёра.",
    );
  });
});
