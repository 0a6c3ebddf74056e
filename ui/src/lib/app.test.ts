import { beforeEach, describe, expect, it } from "vitest";
import { app, typeShortLabel } from "./app.svelte";
import { documents } from "./brochures/state.svelte";

beforeEach(() => {
  app.section = "partners";
  app.partnerId = null;
  documents.openId = null;
});

describe("navigation", () => {
  it("the sidebar stays when the open editor refuses to be left", async () => {
    app.section = "agreements";
    app.leaveGuard = async () => false;
    await app.navigate("partners");
    expect(app.section).toBe("agreements");
    app.leaveGuard = async () => true;
    await app.navigate("partners");
    expect(app.section).toBe("partners");
    app.leaveGuard = null;
  });

  it("choosing «Партнёры» again closes the open card", () => {
    app.openPartner(7, "history");
    expect(app.partnerId).toBe(7);
    app.go("partners");
    expect(app.section).toBe("partners");
    expect(app.partnerId).toBeNull();
  });

  it("another section closes the card too", () => {
    app.openPartner(7);
    app.go("trash");
    expect(app.section).toBe("trash");
    expect(app.partnerId).toBeNull();
  });

  it("choosing «Документы» again closes the brochure editor", () => {
    app.go("documents");
    documents.openId = 3;
    app.go("documents");
    expect(app.section).toBe("documents");
    expect(documents.openId).toBeNull();
  });

  it("coming to «Документы» from elsewhere keeps the brochure that was open", () => {
    app.go("documents");
    documents.openId = 3;
    app.go("partners");
    app.go("documents");
    expect(documents.openId).toBe(3);
  });
});

describe("short type labels", () => {
  it("has one for every type, shorter than the full one", () => {
    app.vocab = {
      ...app.vocab,
      partner_types: [{ code: "additional_education", label: "Учреждения дополнительного образования" }],
    };
    expect(typeShortLabel("additional_education")).toBe("Доп. образование");
    expect(typeShortLabel("unknown_code")).toBe("unknown_code");
  });
});
