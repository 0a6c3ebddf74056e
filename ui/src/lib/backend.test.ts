import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { backend, GENERIC_MESSAGE, NO_CORE_MESSAGE, toApiError } from "./backend";
import { emptyPartnerInput } from "./partners/input";

const mocked = vi.mocked(invoke);

beforeEach(() => {
  mocked.mockReset();
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("backend adapter", () => {
  it("sends the map's PNG as raw bytes, what and where in a percent-encoded header", async () => {
    mocked.mockResolvedValue("/tmp/Карта.png");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const query = { from: "2026-09-01", to: "2027-08-31", types: [], relations: [], stages: [] };
    await backend.networkMapExport(query, "png", "/tmp/Карта.png", png);
    const [cmd, body, options] = mocked.mock.calls[0];
    expect(cmd).toBe("network_map_export");
    expect(body).toBe(png);
    const header = (options?.headers as Record<string, string>)["x-partnernet-map-export"];
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    expect(JSON.parse(decodeURIComponent(header))).toEqual({
      query,
      format: "png",
      path: "/tmp/Карта.png",
    });
    await backend.networkMapExport(query, "pdf", "/tmp/Карта.pdf");
    expect(mocked.mock.calls[1][1]).toEqual(new Uint8Array(0));
  });

  it("calls the command with camelCase argument keys", async () => {
    mocked.mockResolvedValue({ id: 5 });
    const input = emptyPartnerInput();
    await backend.partnersUpdate(5, input);
    expect(mocked).toHaveBeenCalledWith("partners_update", { id: 5, input });
    await backend.partnersValidate(input);
    expect(mocked).toHaveBeenLastCalledWith("partners_validate", { input, id: null });
    await backend.partnersValidate(input, 7);
    expect(mocked).toHaveBeenLastCalledWith("partners_validate", { input, id: 7 });
    await backend.partnersList({ query: "шк", types: [], relation_kinds: [], stages: [], own_fields: [] });
    expect(mocked).toHaveBeenLastCalledWith("partners_list", {
      filter: { query: "шк", types: [], relation_kinds: [], stages: [], own_fields: [] },
    });
  });

  it("passes the core's ApiError through unchanged", async () => {
    const err = {
      code: "validation",
      message: "ИНН: неверное контрольное число.",
      fields: [{ field: "requisites.inn", message: "ИНН: неверное контрольное число." }],
    };
    mocked.mockRejectedValue(err);
    await expect(backend.partnersCreate(emptyPartnerInput())).rejects.toEqual(err);
  });

  it("never lets an English string through", async () => {
    mocked.mockRejectedValue("command partners_list not found");
    await expect(backend.partnersList({ query: "", types: [], relation_kinds: [], stages: [], own_fields: [] })).rejects.toEqual({
      code: "internal",
      message: GENERIC_MESSAGE,
      fields: [],
    });
  });

  it("reports a missing Tauri core in Russian", async () => {
    mocked.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading '__TAURI_INTERNALS__')"));
    await expect(backend.appInfo()).rejects.toMatchObject({ code: "no_core", message: NO_CORE_MESSAGE });
  });
});

describe("toApiError", () => {
  it("keeps Russian string rejections as the message", () => {
    expect(toApiError("База данных занята")).toEqual({ code: "internal", message: "База данных занята", fields: [] });
  });
  it("fills a missing fields list and drops malformed field entries", () => {
    expect(toApiError({ code: "not_found", message: "Партнёр не найден(а): № 3" })).toEqual({
      code: "not_found",
      message: "Партнёр не найден(а): № 3",
      fields: [],
    });
    expect(toApiError({ code: "validation", message: "Ошибка", fields: [{ field: "x" }, 5] }).fields).toEqual([]);
  });
  it("replaces an English message with a Russian one for its code", () => {
    expect(toApiError({ code: "validation", message: "bad input", fields: [] }).message).toBe("Данные не прошли проверку.");
    expect(toApiError({ code: "storage", message: "disk I/O error", fields: [] }).message).toBe(GENERIC_MESSAGE);
  });
  it("keeps only the core's typed codes", () => {
    expect(toApiError({ code: "io", message: "Ошибка чтения файла" }).code).toBe("io");
    expect(toApiError({ code: "made_up", message: "Что-то пошло не так" }).code).toBe("internal");
  });
  it("never produces [object Object]", () => {
    for (const raw of [{}, null, undefined, 42, new Error("boom"), { message: 5 }]) {
      const e = toApiError(raw);
      expect(e.message).not.toContain("[object");
      expect(e.message).toMatch(/[А-Яа-я]/);
    }
  });
});
