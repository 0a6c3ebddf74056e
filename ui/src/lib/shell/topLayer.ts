// Keeps an element (the toasts) above modal dialogs. A modal <dialog> is in
// the browser's top layer, painted above every z-index, and everything
// outside it is inert; so while one is open the element is moved into the
// topmost open modal dialog, and back to its place when none is open.

/** The open modal dialogs, oldest first, given the previous order. */
export function modalStack(previous: readonly Element[], open: readonly Element[]): Element[] {
  const kept = previous.filter((d) => open.includes(d));
  return [...kept, ...open.filter((d) => !kept.includes(d))];
}

function isModal(d: HTMLDialogElement): boolean {
  if (!d.open || !d.isConnected) return false;
  try {
    return d.matches(":modal");
  } catch {
    return true; // an engine without :modal: every open dialog here is modal
  }
}

/** Starts following; returns the function that stops it (and puts `el` back). */
export function followTopModal(el: HTMLElement): () => void {
  const home = document.createComment("toasts");
  el.before(home);
  let stack: Element[] = [];

  const place = () => {
    const open = [...document.querySelectorAll("dialog")].filter(isModal);
    stack = modalStack(stack, open);
    const target = stack[stack.length - 1];
    if (target) {
      if (el.parentNode !== target) target.append(el);
    } else if (home.isConnected && el.previousSibling !== home) {
      home.after(el);
    }
  };

  const observer = new MutationObserver(place);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
  place();

  return () => {
    observer.disconnect();
    if (home.isConnected) home.after(el);
    home.remove();
  };
}
