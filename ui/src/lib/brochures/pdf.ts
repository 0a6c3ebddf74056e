// pdf.js, bundled (no CDN) and loaded only when a brochure is opened.
// Works under the app's CSP: the worker is a same-origin module file, eval
// and WebAssembly are never used, fonts are loaded from bytes (FontFace).
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

// One worker for all previews: starting pdf.js's worker costs more than a render.
let worker: PDFWorker | null = null;

/** Starts the worker (a preview that opens calls it while its PDF is being made). */
export function warmUp(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker();
  return worker;
}

/** Opens PDF bytes (the buffer is handed over to the worker). */
export function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const worker = warmUp();
  return getDocument({
    data,
    worker,
    isEvalSupported: false,
    useWasm: false,
    // Everything the brochures use is embedded; never fetch fonts or maps.
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  }).promise;
}

export function isCancelled(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: string }).name === "RenderingCancelledException";
}
