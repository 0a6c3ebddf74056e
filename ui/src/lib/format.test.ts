import { describe, expect, it } from "vitest";
import { countPartners, formatDate, formatDateTime, fullName, listCountLabel, parseRuDate, plural, surnameInitials } from "./format";

describe("dates", () => {
  it("shows ISO dates as DD.MM.YYYY", () => {
    expect(formatDate("2026-09-01")).toBe("01.09.2026");
    expect(formatDate("2026-09-01T10:20:30")).toBe("01.09.2026");
    expect(formatDate(null)).toBe("");
    expect(formatDate("")).toBe("");
  });
  it("shows date and time without seconds", () => {
    expect(formatDateTime("2026-11-20T09:05:59")).toBe("20.11.2026 09:05");
  });
  it("parses dates typed the Russian way", () => {
    expect(parseRuDate("01.09.2026")).toBe("2026-09-01");
    expect(parseRuDate("1.9.2026")).toBe("2026-09-01");
    expect(parseRuDate(" 29.02.2024 ")).toBe("2024-02-29");
    expect(parseRuDate("2026-09-01")).toBe("2026-09-01");
    expect(parseRuDate("")).toBeNull();
  });
  it("rejects dates that do not exist", () => {
    expect(parseRuDate("29.02.2026")).toBeUndefined();
    expect(parseRuDate("31.04.2026")).toBeUndefined();
    expect(parseRuDate("01.13.2026")).toBeUndefined();
    expect(parseRuDate("вчера")).toBeUndefined();
    expect(parseRuDate("01.09.26")).toBeUndefined();
  });
});

describe("names and plurals", () => {
  it("writes initials after the surname for lists", () => {
    expect(surnameInitials("Мишина", "Валентина", "Ивановна")).toBe("Мишина В.И.");
    expect(surnameInitials("Мишина", "Валентина", "")).toBe("Мишина В.");
    expect(fullName(" Мишина", "Валентина ", "")).toBe("Мишина Валентина");
  });
  it("declines «партнёр» by number", () => {
    expect(plural(1, ["партнёр", "партнёра", "партнёров"])).toBe("партнёр");
    expect(plural(3, ["партнёр", "партнёра", "партнёров"])).toBe("партнёра");
    expect(plural(11, ["партнёр", "партнёра", "партнёров"])).toBe("партнёров");
    expect(plural(21, ["партнёр", "партнёра", "партнёров"])).toBe("партнёр");
    expect(plural(112, ["партнёр", "партнёра", "партнёров"])).toBe("партнёров");
    expect(countPartners(25)).toBe("25 партнёров");
  });
});

describe("the list's count", () => {
  it("counts all partners when the rows shown are not filtered", () => {
    expect(listCountLabel(25, false)).toBe("25 партнёров");
    expect(listCountLabel(1, false)).toBe("1 партнёр");
  });

  it("says «Найдено» for the rows of a search or filter", () => {
    expect(listCountLabel(3, true)).toBe("Найдено: 3");
    expect(listCountLabel(0, true)).toBe("Найдено: 0");
    expect(listCountLabel(10000, true)).toBe(`Найдено: ${(10000).toLocaleString("ru-RU")}`);
  });
});
