import { beforeEach, describe, expect, it } from "vitest";
import { app } from "../app.svelte";
import { agreements } from "./state.svelte";

beforeEach(() => {
  app.section = "home";
  agreements.toList();
});

describe("navigation within «Договоры»", () => {
  it("opens an agreement from elsewhere (start screen, partner card)", () => {
    agreements.editId = 3;
    app.openAgreement(7);
    expect(app.section).toBe("agreements");
    expect(agreements.openId).toBe(7);
    expect(agreements.editId).toBeUndefined();
  });

  it("choosing «Договоры» again goes back to the list", () => {
    app.openAgreement(7);
    agreements.view = "templates";
    app.go("agreements");
    expect(agreements.openId).toBeNull();
    expect(agreements.view).toBe("list");
  });

  it("coming back from another section keeps the open agreement", () => {
    app.openAgreement(7);
    app.go("partners");
    app.go("agreements");
    expect(agreements.openId).toBe(7);
  });

  it("counts the filters that are set", () => {
    agreements.resetFilters();
    expect(agreements.filtered).toBe(false);
    agreements.endingSoon = true;
    expect(agreements.filtered).toBe(true);
    agreements.resetFilters();
    agreements.partnerId = "4";
    expect(agreements.filtered).toBe(true);
    agreements.resetFilters();
  });
});
