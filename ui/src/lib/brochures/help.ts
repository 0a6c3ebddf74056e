// The Markdown the brochure engine understands, for the help popover.

export type HelpItem = { code: string; text: string };
export type HelpGroup = { title: string; items: HelpItem[] };

export const FRONT_MATTER_KEYS = ["organization", "unit", "title", "kind", "authors", "city", "year"] as const;

export const HELP: HelpGroup[] = [
  {
    title: "Титульный лист — блок в начале, между строками «---»",
    items: [
      { code: "organization: …", text: "полное наименование учреждения" },
      { code: "unit: …", text: "подразделение, например «Муниципальный опорный центр»" },
      { code: "title: …", text: "название брошюры" },
      { code: "kind: …", text: "вид издания, например «Методические рекомендации»" },
      { code: "authors:\n  - Фамилия И. О., должность", text: "авторы, каждый с новой строки после «- »" },
      { code: "city: …", text: "город" },
      { code: "year: 2026", text: "год" },
    ],
  },
  {
    title: "Текст",
    items: [
      { code: "# Заголовок", text: "раздел; «## …» — подраздел, «### …» — пункт" },
      { code: "- пункт", text: "маркированный список; два пробела в начале — вложенный уровень" },
      { code: "1. пункт", text: "нумерованный список (тоже до двух уровней)" },
      { code: "> цитата", text: "цитата или эпиграф" },
      { code: "**жирный**", text: "полужирное начертание" },
      { code: "*курсив*", text: "курсив" },
      { code: "| А | Б |\n|---|---|\n| 1 | 2 |", text: "таблица: строки через «|», под шапкой — строка из «---»" },
    ],
  },
  {
    title: "Страницы",
    items: [
      { code: "---", text: "строка только из «---» после титульного блока — новая страница" },
      { code: "[[toc]]", text: "отдельной строкой — оглавление с номерами страниц" },
    ],
  },
];

export const HELP_NOTE =
  "Ссылка [текст](адрес) печатается как «текст (адрес)». Картинки, блоки кода, HTML и сноски не поддерживаются: о них сообщается с номером строки над предпросмотром. Tab вставляет два пробела, Shift+Tab убирает их, Ctrl+S сохраняет сразу.";
