// Chart.js under Tauri's `freezePrototype`: the whole chart is built, updated
// and drawn (into a recording stand-in for a canvas) after Object.prototype
// is frozen, as it is in the app's window.
import { describe, expect, it } from "vitest";

/** A 2D context that records the calls drawing something. */
function fakeCanvas() {
  const calls: string[] = [];
  const ctx: Record<string | symbol, unknown> = {};
  const proxy: object = new Proxy(ctx, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === "measureText") return (s: string) => ({ width: s.length * 6 });
      if (key === "getTransform") return () => ({ a: 1, d: 1 });
      if (key === "canvas") return canvas;
      return (..._args: unknown[]) => {
        calls.push(String(key));
      };
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
  const canvas = { width: 400, height: 200, style: {}, getContext: () => proxy };
  return { canvas, calls };
}

describe("Chart.js with a frozen Object.prototype", () => {
  it("builds, updates and draws a stacked bar chart", async () => {
    Object.freeze(Object.prototype);
    expect(Object.isFrozen(Object.prototype)).toBe(true);
    const { BasicPlatform } = await import("chart.js");
    const { setupCharts } = await import("./setup");
    const Chart = setupCharts();
    const { canvas, calls } = fakeCanvas();
    const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
      type: "bar",
      platform: BasicPlatform,
      data: {
        labels: ["сен", "окт"],
        datasets: [
          { label: "Семинар", data: [1, 2], backgroundColor: "#2a67b1", stack: "s" },
          { label: "Круглый стол", data: [0, 3], backgroundColor: "#23764c", stack: "s" },
        ],
      },
      options: { responsive: false, scales: { x: { stacked: true }, y: { stacked: true } } },
    });
    expect(calls.filter((c) => c === "fillRect" || c === "fill").length).toBeGreaterThan(0);
    calls.length = 0;
    chart.data.datasets[0].data = [4, 5];
    chart.update();
    expect(calls.length).toBeGreaterThan(0);
    expect(chart.getDatasetMeta(0).data.length).toBe(2);
    chart.destroy();
  });
});
