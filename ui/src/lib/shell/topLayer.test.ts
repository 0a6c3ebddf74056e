import { describe, expect, it } from "vitest";
import { modalStack } from "./topLayer";

describe("modal stack", () => {
  const a = { id: "a" } as unknown as Element;
  const b = { id: "b" } as unknown as Element;
  const c = { id: "c" } as unknown as Element;

  it("keeps the order in which dialogs opened, newest last", () => {
    expect(modalStack([], [a])).toEqual([a]);
    // b opened over a, though b comes first in the document
    expect(modalStack([a], [b, a])).toEqual([a, b]);
  });

  it("drops closed dialogs", () => {
    expect(modalStack([a, b], [a])).toEqual([a]);
    expect(modalStack([a, b, c], [a, c])).toEqual([a, c]);
    expect(modalStack([a], [])).toEqual([]);
  });
});
