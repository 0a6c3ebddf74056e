import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { app } from "../app.svelte";
import type { SearchResults } from "../bindings";
import { documents } from "../brochures/state.svelte";
import { events } from "../events/state.svelte";
import { persons } from "../persons/state.svelte";
import { palette } from "./palette.svelte";

const answer = (title: string): SearchResults => ({
  query: title,
  groups: [{ kind: "partner", label: "Партнёры", total: 1, items: [{ title, subtitle: "", open: { kind: "partner", id: 1 } }] }],
});

beforeEach(() => {
  vi.mocked(invoke).mockReset();
  app.section = "home";
  app.partnerId = null;
  app.leaveGuard = null;
  palette.open = true;
  palette.results = null;
});

describe("the palette asks the core", () => {
  it("shows only the answer to the latest query", async () => {
    let first: (v: SearchResults) => void = () => {};
    vi.mocked(invoke)
      .mockImplementationOnce(() => new Promise((r) => (first = r as (v: SearchResults) => void)))
      .mockResolvedValueOnce(answer("второй"));
    const slow = palette.run("пер");
    await palette.run("втор");
    first(answer("первый"));
    await slow;
    expect(palette.results?.groups[0].items[0].title).toBe("второй");
    expect(invoke).toHaveBeenCalledWith("search_everything", { query: "втор", limit: 6 });
  });

  it("does not ask for a query without letters, and prepares the search on opening", async () => {
    await palette.run("  «» ");
    expect(invoke).not.toHaveBeenCalled();
    expect(palette.results).toBeNull();
    vi.mocked(invoke).mockResolvedValue({ query: "", groups: [] });
    palette.show("");
    expect(invoke).toHaveBeenCalledWith("search_everything", { query: "", limit: 1 });
  });
});

describe("a found record opens where it lives", () => {
  it("a partner's card, an agreement, an event on its date, a brochure, a person", async () => {
    await palette.go({ kind: "partner", id: 10 });
    expect([app.section, app.partnerId, palette.open]).toEqual(["partners", 10, false]);
    await palette.go({ kind: "event", id: 7, date: "2027-01-14" });
    expect(app.section).toBe("events");
    expect(events.open).toEqual({ id: 7, date: "2027-01-14" });
    expect(events.focusDate).toBe("2027-01-14");
    await palette.go({ kind: "brochure", id: 3 });
    expect([app.section, documents.openId]).toEqual(["documents", 3]);
    await palette.go({ kind: "person", id: 14, partner_id: 10 });
    expect([app.section, persons.openId]).toEqual(["persons", 14]);
    await palette.go({ kind: "agreement", id: 5 });
    expect(app.section).toBe("agreements");
  });

  it("stays when the open editor keeps its unsaved changes", async () => {
    app.section = "agreements";
    app.leaveGuard = async () => false;
    await palette.go({ kind: "partner", id: 10 });
    expect(app.section).toBe("agreements");
    expect(palette.open).toBe(true);
  });
});
