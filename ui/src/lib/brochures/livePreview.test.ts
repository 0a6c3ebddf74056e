import { describe, expect, it } from "vitest";
import { LivePreview } from "./livePreview.svelte";

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("LivePreview", () => {
  it("keeps the last good PDF and says why the newest render failed", async () => {
    let broken = false;
    const preview = new LivePreview<string>(async (text) => {
      if (broken) throw { code: "document", message: "Строка 2: HTML в брошюре не поддерживается", fields: [{ field: "line.2", message: "" }] };
      return new Uint8Array([text.length]);
    }, 600);

    preview.now("abc");
    expect(preview.busy).toBe(true);
    await settle();
    expect(preview.pdf).toEqual(new Uint8Array([3]));
    expect(preview.problem).toBeNull();
    expect(preview.busy).toBe(false);

    broken = true;
    preview.now("<b>");
    await settle();
    expect(preview.problem).toEqual({ message: "Строка 2: HTML в брошюре не поддерживается", line: 2 });
    expect(preview.pdf).toEqual(new Uint8Array([3]));

    broken = false;
    preview.now("ok");
    await settle();
    expect(preview.problem).toBeNull();
    expect(preview.pdf).toEqual(new Uint8Array([2]));
    preview.dispose();
  });
});
