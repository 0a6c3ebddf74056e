import { describe, expect, it } from "vitest";
import { app } from "../app.svelte";
import { agreements } from "../agreements/state.svelte";
import { events } from "../events/state.svelte";
import { listState } from "../partners/listState.svelte";
import { openTarget } from "./open";

describe("a chart's bar opens its list", () => {
  it("opens «Мероприятия» at the month, filtered by the form only", async () => {
    events.query = "старый поиск";
    events.statuses = ["held"];
    events.open = { id: 1, date: "2025-10-01" };
    await openTarget({ to: "events", month: "2026-01-01", formId: 5 });
    expect(app.section).toBe("events");
    expect(events.formIds).toEqual(["5"]);
    expect(events.query).toBe("");
    expect(events.statuses).toEqual([]);
    expect(events.open).toBeNull();
    expect(events.view).toBe("dayGridMonth");
    expect(events.focusDate).toBe("2026-01-01");
  });

  it("opens «Партнёры» filtered by a type or a stage", async () => {
    listState.query = "гимназия";
    app.partnerId = 4;
    await openTarget({ to: "partners", types: ["mass_media"], stages: [] });
    expect(app.section).toBe("partners");
    expect(app.partnerId).toBeNull();
    expect(listState.types).toEqual(["mass_media"]);
    expect(listState.query).toBe("");
    await openTarget({ to: "partners", types: [], stages: ["2"] });
    expect(listState.types).toEqual([]);
    expect(listState.stages).toEqual(["2"]);
  });

  it("opens «Договоры» filtered by the status, on the list", async () => {
    agreements.openId = 9;
    await openTarget({ to: "agreements", status: "expired" });
    expect(app.section).toBe("agreements");
    expect(agreements.statuses).toEqual(["expired"]);
    expect(agreements.openId).toBeNull();
  });

  it("stays when the open editor keeps the person", async () => {
    app.section = "documents";
    app.leaveGuard = async () => false;
    await openTarget({ to: "agreements", status: "active" });
    expect(app.section).toBe("documents");
    app.leaveGuard = null;
  });
});
