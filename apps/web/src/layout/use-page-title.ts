import { useEffect } from 'react';

const APP_NAME = 'Đôn Đốc';

/**
 * Names the browser tab after the page ("Danh sách nhiệm vụ — Đôn Đốc"); the app's name alone
 * while `title` is null (still loading). Restores the app's name when the page goes.
 */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — ${APP_NAME}` : APP_NAME;
    return () => {
      document.title = APP_NAME;
    };
  }, [title]);
}
