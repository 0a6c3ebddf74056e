import { describe, expect, it } from "vitest";
import { awaitingHint, bigNumber, DIGEST_FIRST, digestLimit, moreLabel } from "./digest";

describe("Главная's event lists", () => {
  it("say how many are left, with the true total", () => {
    expect(moreLabel(10, 6298)).toBe("Показать ещё 20 (всего 6298)");
    expect(moreLabel(10, 16298)).toBe("Показать ещё 20 (всего 16\u00a0298)");
    expect(moreLabel(470, 475)).toBe("Показать ещё 5 (всего 475)");
    expect(moreLabel(10, 10)).toBeNull();
    expect(moreLabel(3, 3)).toBeNull();
  });

  it("ask the core for the longer of the two lists", () => {
    expect(digestLimit(DIGEST_FIRST, DIGEST_FIRST)).toBe(10);
    expect(digestLimit(30, 10)).toBe(30);
    expect(digestLimit(10, 50)).toBe(50);
  });

  it("write big numbers with a non-breaking space", () => {
    expect(bigNumber(20067)).toBe("20\u00a0067");
    expect(bigNumber(14)).toBe("14");
    expect(bigNumber(3890)).toBe("3890");
    expect(bigNumber(-12345)).toBe("−12\u00a0345");
  });
});

describe("«Ждут итогов» says what to fill", () => {
  it("asks to mark a past planned event held, and only for the results of one held", () => {
    expect(awaitingHint("planned")).toBe("Отметьте проведённым и впишите итоги");
    expect(awaitingHint("held")).toBe("Проведено — впишите итоги");
  });
});
