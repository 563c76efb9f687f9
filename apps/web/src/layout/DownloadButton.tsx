import { App, Button } from 'antd';
import { useState } from 'react';
import { messageOf, unwrap } from '../api/errors';

export type FileAnswer = { data?: Blob; error?: unknown; response: Response };

/** The file name the API gives (Content-Disposition), else the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/** Hands a file the API wrote to the browser as a download; throws the API's refusal. */
export function saveDownload(answer: FileAnswer, fallbackName: string): void {
  const blob = unwrap(answer);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(answer.response, fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled, not before the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a file the API writes. The API wants the session's bearer token, which a plain link
 * cannot send: the file is fetched, then handed to the browser as a download.
 */
export function DownloadButton(props: {
  label: string;
  fallbackName: string;
  fetchFile: () => Promise<FileAnswer>;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveDownload(await props.fetchFile(), props.fallbackName);
    } catch (err) {
      void message.error(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className="no-print"
      loading={busy}
      disabled={props.disabled}
      onClick={() => void download()}
    >
      {props.label}
    </Button>
  );
}
