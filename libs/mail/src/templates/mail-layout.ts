import { escapeHtml } from '../vn-format';

/** A mail body as blocks, rendered once as plain text and once as HTML with the same content. */
export type Block =
  | { readonly p: string; readonly strong?: boolean }
  | { readonly facts: readonly (readonly [string, string])[] }
  | { readonly list: readonly ListEntry[] }
  | { readonly quote: string }
  /** A link to act on: a button in HTML (its address below, to copy), "label: url" in text. */
  | { readonly button: string; readonly url: string };

/** A list entry: words, or words and a link to act on ("label: url" in text, a link in HTML). */
export type ListEntry =
  | string
  | { readonly text: string; readonly link: { readonly label: string; readonly url: string } };

const FOOTER =
  'Thư này được gửi tự động từ hệ thống Đôn Đốc — theo dõi thực hiện kết luận của Ban Chỉ đạo. Vui lòng không trả lời thư này.';

export function toText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if ('p' in b) out.push(b.p);
    else if ('facts' in b) out.push(b.facts.map(([k, v]) => `- ${k}: ${v}`).join('\n'));
    else if ('list' in b) out.push(b.list.map((l) => `  • ${entryText(l)}`).join('\n'));
    else if ('button' in b) out.push(`${b.button}: ${b.url}`);
    else {
      out.push(
        b.quote
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      );
    }
  }
  out.push(`--\n${FOOTER}`);
  return `${out.join('\n\n')}\n`;
}

const entryText = (l: ListEntry): string =>
  typeof l === 'string' ? l : `${l.text} — ${l.link.label}: ${l.link.url}`;

const entryHtml = (l: ListEntry): string =>
  typeof l === 'string'
    ? linkify(escapeHtml(l))
    : `${escapeHtml(l.text)} — <a href="${escapeHtml(l.link.url)}">${escapeHtml(l.link.label)}</a>`;

/** Turns URLs in already escaped text into links. */
const linkify = (escaped: string): string =>
  escaped.replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}" style="${LINK_STYLE}">${u}</a>`);

/** A link's address is long (a signed token): it wraps rather than widen the mail on a phone. */
const LINK_STYLE = 'word-break:break-all;overflow-wrap:anywhere';

/** Large enough to tap on a phone (44 px high), in the web app's primary blue. */
const BUTTON_STYLE =
  'display:inline-block;background:#1677ff;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;line-height:20px';

export function toHtml(subject: string, blocks: readonly Block[]): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) {
        const inner = linkify(escapeHtml(b.p));
        return b.strong ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`;
      }
      if ('facts' in b) {
        const rows = b.facts
          .map(
            ([k, v]) =>
              `<tr><th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
          )
          .join('');
        return `<table style="border-collapse:collapse;margin:8px 0">${rows}</table>`;
      }
      if ('list' in b) {
        return `<ul>${b.list.map((l) => `<li>${entryHtml(l)}</li>`).join('')}</ul>`;
      }
      if ('button' in b) {
        const url = escapeHtml(b.url);
        return [
          `<p style="margin:16px 0"><a href="${url}" style="${BUTTON_STYLE}">${escapeHtml(b.button)}</a></p>`,
          `<p style="color:#555;font-size:12px">Nếu nút không mở được, chép địa chỉ này vào trình duyệt: <span style="${LINK_STYLE}">${url}</span></p>`,
        ].join('\n');
      }
      return `<blockquote style="border-left:3px solid #ccc;margin:8px 0;padding-left:12px">${escapeHtml(b.quote).replace(/\n/g, '<br>')}</blockquote>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    // The viewport line lets a phone's mail app show the mail at the screen's width.
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222">',
    body,
    `<hr><p style="color:#777;font-size:12px">${escapeHtml(FOOTER)}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}
