import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { backend } from "../backend";

const mocked = vi.mocked(invoke);

beforeEach(() => {
  mocked.mockReset();
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("brochure commands", () => {
  it("use camelCase argument keys", async () => {
    mocked.mockResolvedValue(null);
    await backend.brochuresUpdate(3, "текст");
    expect(mocked).toHaveBeenLastCalledWith("brochures_update", { id: 3, source: "текст" });
    await backend.brochuresCreate("# A");
    expect(mocked).toHaveBeenLastCalledWith("brochures_create", { source: "# A" });
    await backend.brochuresExport(3, "pdf", "/tmp/Брошюра.pdf");
    expect(mocked).toHaveBeenLastCalledWith("brochures_export", { id: 3, format: "pdf", path: "/tmp/Брошюра.pdf" });
    await backend.brochuresTrash(4);
    expect(mocked).toHaveBeenLastCalledWith("brochures_trash", { id: 4 });
    await backend.brochuresRestore(4);
    expect(mocked).toHaveBeenLastCalledWith("brochures_restore", { id: 4 });
    await backend.brochuresPurge(4);
    expect(mocked).toHaveBeenLastCalledWith("brochures_purge", { id: 4 });
    mocked.mockResolvedValue([]);
    await backend.brochuresTrashList();
    expect(mocked).toHaveBeenLastCalledWith("brochures_trash_list", undefined);
  });

  it("returns the preview's raw bytes as a Uint8Array", async () => {
    mocked.mockResolvedValue(new Uint8Array([37, 80, 68, 70]).buffer);
    const bytes = await backend.brochuresPreview("---");
    expect(mocked).toHaveBeenLastCalledWith("brochures_preview", { source: "---" });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe("%PDF");
  });

  it("passes the line of a Markdown problem through", async () => {
    const err = { code: "document", message: "Строка 12: изображения в брошюре не поддерживаются", fields: [{ field: "line.12", message: "x" }] };
    mocked.mockRejectedValue(err);
    await expect(backend.brochuresPreview("![a](b)")).rejects.toEqual(err);
  });
});
