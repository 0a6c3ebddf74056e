/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// `--mode mock` swaps Tauri's `invoke` for an in-memory fake so the UI can be
// looked at in a plain browser. Production builds never include the fake.
export default defineConfig(({ mode }) => {
  const alias: Record<string, string> = {};
  if (mode === "mock") {
    alias["@tauri-apps/api/core"] = fileURLToPath(new URL("./src/lib/dev/mock-core.ts", import.meta.url));
  }
  return {
  plugins: [svelte()],
  clearScreen: false,
  base: "./",
  resolve: {
    alias,
  },
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    sourcemap: false,
    // Everything is bundled: no CDN, no remote fonts.
    assetsInlineLimit: 0,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
  };
});
