import { describe, expect, it } from "vitest";
import { options } from "@fullcalendar/core/preact";
import { tolerateFrozenPrototype } from "./frozenPrototype";

describe("FullCalendar's Preact under a frozen Object.prototype", () => {
  it("does nothing where the prototype is not frozen", () => {
    expect(tolerateFrozenPrototype(false)).toBe(false);
  });

  it("hides a vnode's own `constructor` from for…in, keeping it undefined", () => {
    expect(tolerateFrozenPrototype(true)).toBe(true);
    const vnode: Record<string, unknown> = { type: "div", props: {}, constructor: undefined };
    (options as unknown as { diffed: (v: object) => void }).diffed(vnode);
    expect(Object.keys(vnode)).toEqual(["type", "props"]);
    expect(Object.prototype.hasOwnProperty.call(vnode, "constructor")).toBe(true);
    expect(vnode.constructor).toBeUndefined();
    // The copy Preact makes no longer assigns `constructor`.
    const copy: Record<string, unknown> = {};
    for (const k in vnode) copy[k] = vnode[k];
    expect(Object.prototype.hasOwnProperty.call(copy, "constructor")).toBe(false);
  });
});
