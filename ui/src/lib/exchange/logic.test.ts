import { describe, expect, it } from "vitest";
import type { ExchangePreview, PreviewItem } from "../bindings";
import {
  anythingToApply,
  choicesOf,
  countsLine,
  foldedAtStart,
  groups,
  initialSelection,
  itemKey,
  kindCounts,
  reportText,
  selectionEmpty,
  selectionSummary,
  senderLine,
} from "./logic";

function item(state: PreviewItem["state"], key: string, kind: PreviewItem["kind"] = "partner"): PreviewItem {
  return { kind, key, title: key, state, fields: [] };
}

function preview(items: PreviewItem[]): ExchangePreview {
  const n = (s: string) => items.filter((i) => i.state === s).length;
  return {
    sender: { name: "МБУ ДО «ДДТ»", inn: "6825001234" },
    created_at: "2026-12-04T15:20:00",
    app_version: "0.1.0",
    contacts: false,
    notes: [],
    items,
    new_count: n("new"),
    changed_count: n("changed"),
    unchanged_count: n("unchanged"),
    conflict_count: n("conflict"),
  };
}

describe("the export selection", () => {
  it("«все партнёры» sends no ids; the summary says so; it is never empty", () => {
    const s = initialSelection(true, [1, 2, 3], [7]);
    expect(s).toEqual({ all_partners: true, partner_ids: [], year: null, event_ids: [], agreement_ids: [7], contacts: false });
    expect(selectionSummary(s)).toBe("все партнёры, 1 договор, без контактов");
    expect(selectionEmpty({ ...s, agreement_ids: [] })).toBe(false);
    expect(selectionSummary({ ...s, agreement_ids: [] })).toBe("все партнёры, без контактов");
  });

  it("starts with the partners chosen and every agreement, no plan, no contacts", () => {
    const s = initialSelection(false, [1, 2, 3], [7]);
    expect(s).toEqual({ all_partners: false, partner_ids: [1, 2, 3], year: null, event_ids: [], agreement_ids: [7], contacts: false });
    expect(selectionSummary(s)).toBe("3 партнёра, 1 договор, без контактов");
    expect(selectionSummary({ ...s, year: 2026, contacts: true, agreement_ids: [] })).toBe(
      "3 партнёра, план 2026/2027, с контактными данными",
    );
    expect(selectionSummary({ ...s, event_ids: [4, 5] })).toBe("3 партнёра, 2 мероприятия, 1 договор, без контактов");
  });

  it("says when nothing is chosen", () => {
    const s = initialSelection(false, [], []);
    expect(selectionEmpty(s)).toBe(true);
    expect(selectionSummary(s)).toBe("ничего не выбрано");
    expect(selectionEmpty({ ...s, year: 2026 })).toBe(false);
  });
});

describe("the import preview", () => {
  const p = preview([item("unchanged", "a"), item("new", "b"), item("conflict", "c"), item("changed", "d", "event")]);

  it("shows conflicts first and leaves empty groups out", () => {
    expect(groups(p).map((g) => g.state)).toEqual(["conflict", "changed", "new", "unchanged"]);
    expect(groups(preview([item("new", "x")])).map((g) => g.state)).toEqual(["new"]);
  });

  it("keeps her version unless she takes the package's", () => {
    expect(choicesOf(p, {})).toEqual([{ kind: "partner", key: "c", take: false }]);
    expect(choicesOf(p, { [itemKey({ kind: "partner", key: "c" })]: true })).toEqual([
      { kind: "partner", key: "c", take: true },
    ]);
  });

  it("knows when the same package brings nothing", () => {
    expect(anythingToApply(p)).toBe(true);
    expect(anythingToApply(preview([item("unchanged", "a")]))).toBe(false);
  });

  it("reads in Russian", () => {
    expect(senderLine(p)).toBe("Пакет от МБУ ДО «ДДТ» (ИНН 6825001234), выгружен 04.12.2026 15:20");
    expect(kindCounts(p.items)).toBe("3 партнёра, 1 мероприятие");
    expect(kindCounts([item("new", "t1", "tie"), item("new", "t2", "tie")])).toBe("2 связи");
    expect(foldedAtStart("new", 9)).toBe(true);
    expect(foldedAtStart("new", 3)).toBe(false);
    expect(foldedAtStart("conflict", 50)).toBe(false);
    expect(countsLine(p)).toBe("Новых — 1, изменённых — 1, без изменений — 1, конфликтов — 1");
    expect(reportText({ added: 0, updated: 0, unchanged: 5, kept: 0 })).toBe(
      "Пакет загружен: ничего нового, данные не изменились",
    );
    expect(reportText({ added: 2, updated: 1, unchanged: 5, kept: 1 })).toBe(
      "Пакет загружен: добавлено — 2, обновлено — 1, оставлено как у вас — 1",
    );
  });
});
