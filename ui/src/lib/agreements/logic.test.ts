import { describe, expect, it } from "vitest";
import {
  agreementTitle,
  emptyAgreementInput,
  errorsByStep,
  fileSize,
  firstStepWithError,
  inputForSave,
  keptText,
  kindLabel,
  reminderText,
  remindersCountText,
  statusLabel,
  statusTone,
  stepOfField,
  transitionButtons,
} from "./logic";

describe("status chips", () => {
  it("map every status to its colour", () => {
    expect(statusTone("draft")).toBe("grey");
    expect(statusTone("on_approval")).toBe("amber");
    expect(statusTone("signed")).toBe("blue");
    expect(statusTone("active")).toBe("green");
    expect(statusTone("expired")).toBe("red");
    expect(statusTone("prolonged")).toBe("teal");
    expect(statusTone("terminated")).toBe("dark");
  });
  it("label in Russian, preferring the core's vocabulary", () => {
    expect(statusLabel("on_approval")).toBe("на согласовании");
    expect(statusLabel("signed", { agreement_statuses: [{ code: "signed", label: "подписан сторонами" }] })).toBe("подписан сторонами");
    expect(kindLabel("cooperation")).toMatch(/^Соглашение о сотрудничестве/);
  });
});

describe("transition buttons", () => {
  it("make the first step forward primary and put termination last", () => {
    const b = transitionButtons(["terminated", "draft", "signed"]);
    expect(b.map((x) => x.to)).toEqual(["signed", "draft", "terminated"]);
    expect(b[0]).toMatchObject({ primary: true, checksSigning: true, label: "Подписан" });
    expect(b[2]).toMatchObject({ danger: true, primary: false });
    expect(b[1].primary).toBe(false);
  });
  it("have no primary button when only going back is allowed", () => {
    const b = transitionButtons(["draft"]);
    expect(b).toHaveLength(1);
    expect(b[0].primary).toBe(false);
    expect(b[0].label).toBe("Вернуть в черновик");
  });
  it("are empty for a final status", () => {
    expect(transitionButtons([])).toEqual([]);
  });
});

describe("editor steps", () => {
  it("put each field on its step", () => {
    expect(stepOfField("kind")).toBe("kind");
    expect(stepOfField("parties.1.partner_id")).toBe("parties");
    expect(stepOfField("own_role")).toBe("parties");
    expect(stepOfField("art15.learners")).toBe("content");
    expect(stepOfField("plan.0.title")).toBe("content");
    expect(stepOfField("number")).toBe("content");
    expect(stepOfField("end_date")).toBe("term");
    expect(stepOfField("prolong_months")).toBe("term");
  });
  it("count errors per step and find the first one", () => {
    const errors = { "art15.term": "x", end_date: "y", "parties.0.role": "z", notes: "w" };
    expect(errorsByStep(errors)).toEqual({ kind: 0, parties: 1, content: 1, term: 2 });
    expect(firstStepWithError(errors)).toBe("parties");
    expect(firstStepWithError([{ field: "end_date", message: "" }])).toBe("term");
    expect(firstStepWithError({})).toBeNull();
  });
});

describe("reminder texts", () => {
  it("use Russian plurals for the days left", () => {
    expect(reminderText({ kind: "ending_soon", days_left: 12 })).toBe("осталось 12 дней");
    expect(reminderText({ kind: "ending_soon", days_left: 1 })).toBe("остался 1 день");
    expect(reminderText({ kind: "ending_soon", days_left: 21 })).toBe("остался 21 день");
    expect(reminderText({ kind: "ending_soon", days_left: 3 })).toBe("осталось 3 дня");
    expect(reminderText({ kind: "ending_soon", days_left: 11 })).toBe("осталось 11 дней");
    expect(reminderText({ kind: "ending_soon", days_left: 0 })).toBe("истекает сегодня");
  });
  it("say how long an agreement is overdue", () => {
    expect(reminderText({ kind: "overdue", days_left: -3 })).toBe("просрочен на 3 дня");
    expect(reminderText({ kind: "overdue", days_left: -1 })).toBe("просрочен на 1 день");
    expect(reminderText({ kind: "overdue", days_left: -15 })).toBe("просрочен на 15 дней");
    expect(reminderText({ kind: "overdue", days_left: -22 })).toBe("просрочен на 22 дня");
  });
  it("count agreements", () => {
    expect(remindersCountText(1)).toBe("1 договор требует внимания");
    expect(remindersCountText(3)).toBe("3 договора требуют внимания");
    expect(remindersCountText(5)).toBe("5 договоров требуют внимания");
  });
});

describe("input and formatting", () => {
  it("drops the prolongation period and Art. 15 items that do not apply", () => {
    const i = emptyAgreementInput("cooperation");
    i.prolong_months = 12;
    i.art15.programme = "x";
    const out = inputForSave(i);
    expect(out.prolong_months).toBeNull();
    expect(out.art15.programme).toBe("");
    const n = emptyAgreementInput("network_program");
    n.auto_prolong = true;
    n.prolong_months = 12;
    n.art15.programme = "x";
    expect(inputForSave(n)).toMatchObject({ prolong_months: 12, art15: { programme: "x" } });
  });
  it("title and file sizes", () => {
    expect(agreementTitle({ kind: "network_program", number: "3/2026", date: "2026-09-01" })).toBe("Договор № 3/2026 от 01.09.2026");
    expect(agreementTitle({ kind: "cooperation", number: "", date: null })).toBe("Соглашение (без номера)");
    expect(fileSize(12)).toBe("12 Б");
    expect(fileSize(2048)).toBe("2 КБ");
    expect(fileSize(1_258_291)).toBe("1,2 МБ");
  });
});

describe("statuses that keep themselves", () => {
  const kept = (id: number, to: "expired" | "prolonged", message: string) => ({
    agreement_id: id,
    to,
    on: "2026-12-01",
    end_date: "2026-11-30",
    message,
  });
  it("says one change in full", () => {
    expect(keptText([kept(1, "expired", "Договор № 4/2025 истёк: последний день действия 30.11.2026.")])).toBe(
      "Договор № 4/2025 истёк: последний день действия 30.11.2026.",
    );
  });
  it("says the latest change of one agreement prolonged period by period", () => {
    expect(keptText([kept(1, "prolonged", "первый"), kept(1, "prolonged", "второй")])).toBe("второй");
  });
  it("counts several agreements by what happened", () => {
    expect(keptText([kept(1, "expired", "a"), kept(2, "expired", "b"), kept(3, "prolonged", "c")])).toBe(
      "Статусы обновлены у 3 договоров: истёк срок — 2, продлены — 1.",
    );
  });
});
