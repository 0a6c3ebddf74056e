import { describe, expect, it } from "vitest";
import { addTags, normalizeTag, removeTag, tagKey } from "./tags";

describe("tag editor", () => {
  it("normalises spaces", () => {
    expect(normalizeTag("  спортивный   зал ")).toBe("спортивный зал");
  });
  it("adds a tag and skips duplicates regardless of case and ё", () => {
    expect(addTags(["Спортивный зал"], "спортивный зал")).toEqual(["Спортивный зал"]);
    expect(addTags(["ёлка"], "Елка")).toEqual(["ёлка"]);
    expect(addTags([], "актовый зал")).toEqual(["актовый зал"]);
  });
  it("splits pasted lists on commas, semicolons and new lines", () => {
    expect(addTags([], "бассейн; тир,\nстадион, ,")).toEqual(["бассейн", "тир", "стадион"]);
  });
  it("removes a tag by index", () => {
    expect(removeTag(["а", "б", "в"], 1)).toEqual(["а", "в"]);
  });
  it("Enter commits the text, Enter on empty text is swallowed", () => {
    expect(tagKey(["а"], "б", "Enter")).toEqual({ tags: ["а", "б"], text: "", handled: true });
    expect(tagKey(["а"], "  ", "Enter")).toEqual({ tags: ["а"], text: "", handled: true });
  });
  it("Backspace in an empty box removes the last tag, otherwise edits text", () => {
    expect(tagKey(["а", "б"], "", "Backspace")).toEqual({ tags: ["а"], text: "", handled: true });
    expect(tagKey(["а", "б"], "x", "Backspace").handled).toBe(false);
    expect(tagKey(["а"], "x", "z").handled).toBe(false);
  });
});
