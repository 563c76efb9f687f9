import { useLayoutEffect, type RefObject } from 'react';

const VARIABLE = '--app-message-top';

/** Where messages appear (the App's `message.top`): below the header; 72 px where there is none. */
export const MESSAGE_TOP = `var(${VARIABLE}, 72px)`;

/** Keeps the messages just below this header, however many lines it wraps to on a phone. */
export function useMessagesBelow(header: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const root = document.documentElement;
    const update = () =>
      root.style.setProperty(VARIABLE, `${el.offsetTop + el.offsetHeight + 8}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty(VARIABLE);
    };
  }, [header]);
}
