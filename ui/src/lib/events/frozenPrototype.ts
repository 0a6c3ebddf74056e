// FullCalendar renders with Preact 10, which re-renders a component by
// copying its vnode with `for…in` assignment. Tauri's `freezePrototype`
// freezes Object.prototype, and then assigning the vnode's own
// `constructor: undefined` to a fresh object throws («the override mistake»,
// preactjs/preact#5109, fixed only in Preact 11): the calendar draws once and
// never updates (no events, no navigation). Hiding that key from `for…in`
// on every vnode Preact creates or diffs keeps its value (Preact's check that
// a vnode is not JSON) and lets the copies through.
import { options } from "@fullcalendar/core/preact";

type Hook = ((vnode: never) => void) | undefined;

function hide(vnode: object) {
  const d = Object.getOwnPropertyDescriptor(vnode, "constructor");
  if (d && d.enumerable) Object.defineProperty(vnode, "constructor", { value: d.value, enumerable: false, writable: true, configurable: true });
}

let installed = false;

/** Installs the work-around once, only where Object.prototype is frozen. */
export function tolerateFrozenPrototype(frozen = Object.isFrozen(Object.prototype)): boolean {
  if (installed || !frozen) return installed;
  installed = true;
  const o = options as unknown as { vnode?: Hook; diffed?: Hook };
  const vnode = o.vnode as ((v: object) => void) | undefined;
  const diffed = o.diffed as ((v: object) => void) | undefined;
  o.vnode = ((v: object) => {
    hide(v);
    vnode?.(v);
  }) as Hook;
  o.diffed = ((v: object) => {
    hide(v);
    diffed?.(v);
  }) as Hook;
  return true;
}
