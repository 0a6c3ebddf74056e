// Chart.js, trimmed to what the charts use (bars on category and linear
// scales, the tooltip and the legend) and dressed in the app's fonts and
// colours. Chart.js draws on a canvas without eval (fine under the CSP) and
// copes with Tauri's frozen Object.prototype since 4.4.3 (chartjs/Chart.js#11528;
// charts/chart.test.ts checks it).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

let done = false;

/** Registers the parts once and sets the defaults from the app's tokens. */
export function setupCharts(): typeof Chart {
  if (done) return Chart;
  done = true;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
  const t = tokens();
  Chart.defaults.font.family = t.font;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = t.muted;
  Chart.defaults.borderColor = t.grid;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.locale = "ru-RU";
  return Chart;
}

/** The CSS custom properties of ui/src/app.css the charts use (their values there as fallbacks). */
export type Tokens = {
  font: string;
  text: string;
  muted: string;
  grid: string;
  accent: string;
  accentSoft: string;
  success: string;
  warning: string;
  danger: string;
};

const FALLBACK: Tokens = {
  font: 'system-ui, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  text: "#1d2530",
  muted: "#5d6878",
  grid: "#dfe3ea",
  accent: "#2a67b1",
  accentSoft: "#9dbde3",
  success: "#23764c",
  warning: "#e0a526",
  danger: "#b42332",
};

/** The app's colours, read from the stylesheet where there is one. */
export function tokens(): Tokens {
  if (typeof document === "undefined") return FALLBACK;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    font: v("--font", FALLBACK.font),
    text: v("--text", FALLBACK.text),
    muted: v("--text-muted", FALLBACK.muted),
    grid: v("--border", FALLBACK.grid),
    accent: v("--accent", FALLBACK.accent),
    accentSoft: FALLBACK.accentSoft,
    success: v("--success", FALLBACK.success),
    warning: v("--warning-accent", FALLBACK.warning),
    danger: v("--danger", FALLBACK.danger),
  };
}
