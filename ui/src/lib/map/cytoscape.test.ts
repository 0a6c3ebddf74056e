// The real library under a frozen Object.prototype, as Tauri's
// `freezePrototype` leaves it: loaded natively it throws; through
// loadCytoscape it draws a graph (headless) and answers events.
import { describe, expect, it } from "vitest";
import { loadCytoscape, tolerantAssign } from "./cytoscape";
import { nameNodes } from "./labels";

describe("tolerantAssign", () => {
  it("defines a key a frozen prototype holds read-only, where Object.assign throws", () => {
    const proto = Object.freeze({ toString: () => "proto" });
    const target = Object.create(proto) as { toString: () => string; a?: number };
    expect(() => Object.assign(target, { toString: () => "own" })).toThrow(TypeError);
    tolerantAssign(target, { toString: () => "own", a: 1 }, null, undefined);
    expect(String(target)).toBe("own");
    expect(target.a).toBe(1);
    expect(Object.keys(target)).toEqual(["toString", "a"]);
  });

  it("assigns like Object.assign otherwise: setters run, non-enumerables are skipped", () => {
    const seen: number[] = [];
    const target = {
      set x(v: number) {
        seen.push(v);
      },
    };
    const source = Object.defineProperty({ x: 5 }, "hidden", { value: 1, enumerable: false });
    tolerantAssign(target, source);
    expect(seen).toEqual([5]);
    expect(Object.prototype.hasOwnProperty.call(target, "hidden")).toBe(false);
  });
});

describe("Cytoscape with Object.prototype frozen", () => {
  it("loads and builds a graph through loadCytoscape", async () => {
    Object.freeze(Object.prototype); // this worker only: the test file runs isolated
    const cytoscape = await loadCytoscape();
    expect(Object.assign).not.toBe(tolerantAssign); // the native one is back
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: "i", label: "ДДТ" }, position: { x: 0, y: 0 } },
        { data: { id: "p1", label: "Школа № 1" }, position: { x: 40, y: 10 } },
        { data: { id: "e1", source: "i", target: "p1", width: 3 }, classes: "tie" },
      ],
      style: [
        { selector: "node", style: { label: "data(label)", width: 10, height: 10 } },
        { selector: "edge", style: { width: "data(width)" } },
        { selector: "edge.tie", style: { "line-style": "dashed" } },
        { selector: ".dim", style: { opacity: 0.2 } },
      ],
      layout: { name: "preset" },
    });
    const tapped: string[] = [];
    cy.on("tap", "node", (e) => tapped.push(e.target.id()));
    cy.$id("p1").emit("tap");
    cy.nodes().not(cy.$id("i")).addClass("dim");
    expect(tapped).toEqual(["p1"]);
    expect(cy.nodes(".dim").map((n) => n.id())).toEqual(["p1"]);
    expect(cy.$id("e1").style("line-style")).toBe("dashed");
    expect(cy.$id("p1").position()).toEqual({ x: 40, y: 10 });
    cy.destroy();
  });
});

describe("nameNodes", () => {
  it("names every node for the picture; a name given stays, and nothing is named twice", async () => {
    const cytoscape = await loadCytoscape();
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: "i", label: "ДДТ", font: 16 }, position: { x: 0, y: 0 } },
        { data: { id: "p1", label: "Школа № 1", font: 11 }, position: { x: 4000, y: 10 } },
      ],
      style: [{ selector: "node.named", style: { label: "data(label)" } }],
      layout: { name: "preset" },
    });
    // Headless, the view is empty: no node is in it.
    expect(nameNodes(cy)).toBe(false);
    expect(cy.$id("p1").style("label")).toBe("");
    expect(nameNodes(cy, true)).toBe(true);
    expect(cy.nodes(".named").map((n) => n.id())).toEqual(["i", "p1"]);
    expect(cy.$id("p1").style("label")).toBe("Школа № 1");
    expect(nameNodes(cy, true)).toBe(false);
    cy.destroy();
  });
});
