import { describe, expect, it, vi, afterEach } from "vitest";
import { Autosaver, saveStateText } from "./autosave";
import { captionOf, droppedPictures, imageEdit, lineAt, lineRange, tabEdit, titleOf } from "./editor";
import { DIRECTIVES_NOTE, FRONT_MATTER_KEYS, HELP, HELP_NOTE } from "./help";
import { layoutPages, pageCountText, pagesNear, pixelScale, visiblePage } from "./pages";
import { problemLine, toProblem } from "./problem";
import { LatestRunner } from "./schedule";

afterEach(() => vi.useRealTimers());

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("LatestRunner (preview scheduling)", () => {
  it("waits for a pause and renders only the latest text", async () => {
    vi.useFakeTimers();
    const task = vi.fn(async (s: string) => s.toUpperCase());
    const results: string[] = [];
    const r = new LatestRunner(task, { result: (o) => results.push(o), error: () => {} }, 600);
    r.request("a");
    vi.advanceTimersByTime(300);
    r.request("ab");
    vi.advanceTimersByTime(599);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await vi.runAllTimersAsync();
    expect(task).toHaveBeenCalledTimes(1);
    expect(task).toHaveBeenCalledWith("ab");
    expect(results).toEqual(["AB"]);
  });

  it("runs one render at a time, queues the newest, never delivers an older result", async () => {
    const calls: { input: string; d: ReturnType<typeof deferred<string>> }[] = [];
    const task = (input: string) => {
      const d = deferred<string>();
      calls.push({ input, d });
      return d.promise;
    };
    const results: string[] = [];
    const busy: boolean[] = [];
    const r = new LatestRunner(task, { result: (o) => results.push(o), error: () => {}, busy: (b) => busy.push(b) }, 0);
    r.now("1");
    r.now("2");
    r.now("3"); // replaces "2" in the queue
    expect(calls.map((c) => c.input)).toEqual(["1"]);
    calls[0].d.resolve("one");
    await flush();
    expect(results).toEqual(["one"]);
    expect(calls.map((c) => c.input)).toEqual(["1", "3"]);
    calls[1].d.resolve("three");
    await flush();
    expect(results).toEqual(["one", "three"]);
    expect(busy).toEqual([true, false]);
  });

  it("reports errors of the newest render and drops stale ones after dispose", async () => {
    const errors: unknown[] = [];
    const d = deferred<string>();
    const r = new LatestRunner(() => d.promise, { result: () => {}, error: (e) => errors.push(e) }, 0);
    r.now("x");
    d.reject({ code: "document" });
    await flush();
    expect(errors).toEqual([{ code: "document" }]);
    const d2 = deferred<string>();
    const r2 = new LatestRunner(() => d2.promise, { result: () => errors.push("late"), error: () => {} }, 0);
    r2.now("y");
    r2.dispose();
    d2.resolve("z");
    await flush();
    expect(errors).toEqual([{ code: "document" }]);
  });
});

describe("Autosaver", () => {
  it("saves a second after the last edit and reports its state", async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const states: string[] = [];
    const a = new Autosaver("", async (t) => void saved.push(t), (s) => states.push(s), 1000);
    a.edit("a");
    vi.advanceTimersByTime(500);
    a.edit("ab");
    vi.advanceTimersByTime(999);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["ab"]);
    expect(a.state).toBe("saved");
    expect(states).toEqual(["pending", "pending", "saving", "saved"]);
  });

  it("keeps the text when a save fails and retries on flush", async () => {
    let fail = true;
    const saved: string[] = [];
    const a = new Autosaver("old", async (t) => {
      if (fail) throw { code: "internal", message: "Диск переполнен", fields: [] };
      saved.push(t);
    });
    a.edit("new text");
    expect(await a.flush()).toBe(false);
    expect(a.state).toBe("error");
    expect(a.text).toBe("new text");
    expect(a.dirty).toBe(true);
    fail = false;
    expect(await a.flush()).toBe(true);
    expect(saved).toEqual(["new text"]);
    expect(a.state).toBe("saved");
    a.dispose();
  });

  it("picks up edits made while saving", async () => {
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const saved: string[] = [];
    const a = new Autosaver("", (t) => {
      const d = deferred<void>();
      gates.push(d);
      return d.promise.then(() => void saved.push(t));
    });
    a.edit("1");
    const done = a.flush();
    a.edit("12");
    gates[0].resolve();
    await flush();
    gates[1].resolve();
    expect(await done).toBe(true);
    expect(saved).toEqual(["1", "12"]);
    a.dispose();
  });

  it("has Russian state texts", () => {
    expect(saveStateText("saved")).toBe("Сохранено");
    expect(saveStateText("saving")).toBe("Сохранение…");
    expect(saveStateText("pending")).toBe("Сохранение…");
    expect(saveStateText("error")).toBe("Не сохранено");
  });
});

describe("problemLine", () => {
  it("reads the line from the field", () => {
    expect(problemLine({ code: "document", message: "Строка 12: блоки кода не поддерживаются", fields: [{ field: "line.12", message: "" }] })).toBe(12);
  });
  it("falls back to the message", () => {
    expect(problemLine({ code: "document", message: "Строка 7: неизвестный ключ «foo»", fields: [] })).toBe(7);
    expect(problemLine({ code: "document", message: "Символ «☃» отсутствует в шрифте", fields: [{ field: "source", message: "" }] })).toBeNull();
    expect(problemLine({ code: "document", message: "x", fields: [{ field: "line.0", message: "" }] })).toBeNull();
  });
  it("only source problems point at a line", () => {
    expect(toProblem({ code: "internal", message: "Строка 3: сбой", fields: [] })).toEqual({ message: "Строка 3: сбой", line: null });
    expect(toProblem({ code: "document", message: "Строка 3: сбой", fields: [] }).line).toBe(3);
  });
});

describe("pages", () => {
  it("formats the page count", () => {
    expect(pageCountText(1, 7)).toBe("Стр. 1 из 7");
    expect(pageCountText(9, 7)).toBe("Стр. 7 из 7");
    expect(pageCountText(0, 3)).toBe("Стр. 1 из 3");
    expect(pageCountText(1, 0)).toBe("");
  });
  it("finds the page in view and those to draw", () => {
    const slots = layoutPages([{ width: 595, height: 842 }, { width: 595, height: 842 }, { width: 595, height: 842 }], 500, 16, 16);
    expect(slots[0]).toEqual({ top: 16, height: 708 });
    expect(slots[1].top).toBe(16 + 708 + 16);
    expect(visiblePage(slots, 0, 600)).toBe(1);
    expect(visiblePage(slots, 700, 600)).toBe(2);
    expect(visiblePage(slots, 10_000, 600)).toBe(3);
    expect(visiblePage([], 0, 600)).toBe(0);
    expect(pagesNear(slots, 0, 600, 0)).toEqual([0]);
    expect(pagesNear(slots, 700, 600, 0)).toEqual([0, 1]);
    expect(pagesNear(slots, 0, 600, 800)).toEqual([0, 1]);
    expect(pagesNear(slots, 0, 600, 900)).toEqual([0, 1, 2]);
  });
  it("scales for HiDPI", () => {
    expect(pixelScale(500, 500, 2)).toBe(2);
    expect(pixelScale(500, 250, 1)).toBe(0.5);
    expect(pixelScale(500, 500, Number.NaN)).toBe(1);
  });
});

describe("editor text operations", () => {
  const text = "one\ntwo\nthree";
  it("finds lines", () => {
    expect(lineRange(text, 2)).toEqual({ start: 4, end: 7 });
    expect(lineRange(text, 3)).toEqual({ start: 8, end: 13 });
    expect(lineRange(text, 99)).toEqual({ start: 8, end: 13 });
    expect(lineAt(text, 0)).toBe(1);
    expect(lineAt(text, 5)).toBe(2);
  });
  it("Tab inserts two spaces at the caret", () => {
    expect(tabEdit(text, 4, 4, false)).toEqual({ from: 4, to: 4, insert: "  ", selStart: 6, selEnd: 6 });
  });
  it("Tab indents and Shift+Tab outdents selected lines", () => {
    const e = tabEdit(text, 1, 6, false);
    expect(e).toMatchObject({ from: 0, to: 7, insert: "  one\n  two", selStart: 3, selEnd: 10 });
    const back = tabEdit("  one\n  two", 3, 10, true);
    expect(back).toMatchObject({ from: 0, to: 11, insert: "one\ntwo", selStart: 1, selEnd: 6 });
    expect(tabEdit(" x", 2, 2, true)).toMatchObject({ insert: "x", selStart: 1, selEnd: 1 });
  });
  it("reads the title from the front matter", () => {
    expect(titleOf("---\norganization: X\ntitle: Как начать\n---\n# A")).toBe("Как начать");
    expect(titleOf('---\ntitle: "В кавычках"\n---')).toBe("В кавычках");
    expect(titleOf("# Нет блока\ntitle: x")).toBe("");
    expect(titleOf("---\nорганизация: X\nназвание: Памятка партнёру\n---")).toBe("Памятка партнёру");
  });
});

describe("help", () => {
  const all = HELP.flatMap((g) => g.items.map((i) => i.code)).join("\n");
  it("lists every front matter key", () => {
    for (const k of FRONT_MATTER_KEYS) expect(all).toContain(`${k}:`);
  });
  it("lists every construct the engine typesets", () => {
    for (const c of ["# ", "- ", "1. ", "> ", "**", "*курсив*", "---", "[[toc]]", "|"]) expect(all).toContain(c);
    expect(all).toMatch(/^ {2}- /m); // the nested/list form of authors
  });
  it("lists every directive taken from the data, with its parameters", () => {
    for (const d of ["[[партнёры", "тип=", "[[мероприятия", "форма=", "[[формы", "[[итоги", "[[карта", "год="]) {
      expect(all).toContain(d);
    }
    expect(DIRECTIVES_NOTE).toContain("номером строки");
  });
  it("is in Russian", () => {
    for (const g of HELP) {
      expect(g.title).toMatch(/[А-Яа-я]/);
      for (const i of g.items) expect(i.text).toMatch(/[А-Яа-я]/);
    }
    expect(HELP_NOTE).toContain("Ctrl+S");
  });
});

describe("picture insertion", () => {
  const apply = (text: string, e: ReturnType<typeof imageEdit>) => text.slice(0, e.from) + e.insert + text.slice(e.to);

  it("puts the picture in a paragraph of its own between paragraphs", () => {
    const text = "Первый абзац.\n\nВторой абзац.";
    const at = text.indexOf("\n\n") + 1;
    const e = imageEdit(text, at, "images/ab.png", "Схема");
    const out = apply(text, e);
    expect(out).toBe("Первый абзац.\n\n![Схема](images/ab.png)\n\nВторой абзац.");
    expect(out.slice(e.selStart, e.selEnd)).toBe("Схема");
  });

  it("goes after the line when the caret is inside a word", () => {
    const text = "Первый абзац.\nещё строка";
    const e = imageEdit(text, 3, "images/a.jpg", "Фото");
    expect(apply(text, e)).toBe("Первый абзац.\n\n![Фото](images/a.jpg)\n\nещё строка");
  });

  it("at the end of the text and at its start", () => {
    const end = imageEdit("Текст.", 6, "images/a.png", "А");
    expect(apply("Текст.", end)).toBe("Текст.\n\n![А](images/a.png)\n");
    const start = imageEdit("Текст.", 0, "images/a.png", "А");
    expect(apply("Текст.", start)).toBe("![А](images/a.png)\n\nТекст.");
    expect(apply("", imageEdit("", 0, "images/a.png", "А"))).toBe("![А](images/a.png)\n");
  });

  it("a second picture while the first one's caption is selected goes after it", () => {
    const text = "до\n\nпосле";
    const first = imageEdit(text, 4, "images/a.png", "Схема сети");
    const once = apply(text, first);
    const second = imageEdit(once, first.selEnd, "images/b.png", "Фото [встречи]");
    const out = apply(once, second);
    expect(out).toBe("до\n\n![Схема сети](images/a.png)\n\n![Фото встречи](images/b.png)\n\nпосле");
    expect(out.slice(second.selStart, second.selEnd)).toBe("Фото встречи");
  });

  it("only PNG and JPEG files are taken from a drop", () => {
    expect(droppedPictures(["/a/б.PNG", "/a/c.jpeg", "/a/d.JPG", "/a/e.gif", "/a/f.png.txt", "/a/png"])).toEqual([
      "/a/б.PNG",
      "/a/c.jpeg",
      "/a/d.JPG",
    ]);
  });

  it("the caption from the file name", () => {
    expect(captionOf("/home/м/Фото/Встреча_с [музеем].jpeg")).toBe("Встреча с музеем");
    expect(captionOf("C:\\Users\\a\\схема-сети.png")).toBe("схема-сети");
    expect(captionOf("/x/.png")).toBe("Подпись");
  });
});
