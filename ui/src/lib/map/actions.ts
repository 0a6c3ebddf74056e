// The map's exports through the native save dialog: the PNG is the canvas as
// drawn (its bytes go to the core, which writes the file), the PDF page is
// drawn by the core from the same query.
import { backend } from "../backend";
import type { MapQuery } from "../bindings";
import { saveExport } from "../exports/actions";
import { exportedText } from "./logic";

/** Asks where to save, writes, and says where the file went; the path, or null. */
export async function exportMap(
  query: MapQuery,
  format: "pdf" | "png",
  png: () => Promise<Uint8Array>,
): Promise<string | null> {
  return saveExport(
    { kind: "network_map", query, format },
    async (path) => backend.networkMapExport(query, format, path, format === "png" ? await png() : null),
    (path) => exportedText(format, path),
    "map-export",
  );
}
