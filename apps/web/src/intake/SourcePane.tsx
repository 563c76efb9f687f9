import { Card, Typography } from 'antd';
import { Fragment, useEffect, useRef, type CSSProperties } from 'react';
import type { HighlightKind, Segment } from './source-text';

/** Colour and type together: a highlight never depends on colour alone. */
const MARKS: Record<HighlightKind, CSSProperties> = {
  directive: { background: '#fff3bf', color: 'inherit', padding: 0 },
  deadline: {
    background: '#ffd8a8',
    color: 'inherit',
    fontWeight: 600,
    textDecoration: 'underline',
    padding: 0,
  },
  lead: { background: '#c3f0d0', color: 'inherit', fontWeight: 600, padding: 0 },
  support: {
    background: '#d0e4ff',
    color: 'inherit',
    borderBottom: '2px dashed #1c4f8c',
    padding: 0,
  },
};
const LEGEND: { kind: HighlightKind; label: string }[] = [
  { kind: 'directive', label: 'nội dung nhiệm vụ' },
  { kind: 'deadline', label: 'hạn' },
  { kind: 'lead', label: 'cơ quan chủ trì' },
  { kind: 'support', label: 'cơ quan phối hợp' },
];

interface Props {
  readonly segments: readonly Segment[];
  /** Which item is shown ("Mục 2.g.1"), null before one is chosen. */
  readonly showing: string | null;
  readonly notFound: readonly string[];
  /** Changes when the text should scroll to the highlights (and, with `reveal`, come into view). */
  readonly scrollKey: number;
  readonly reveal: boolean;
  readonly maxHeight: string;
}

/** The notice as pasted, with the chosen item's words highlighted (ADR 0014). */
export function SourcePane({ segments, showing, notFound, scrollKey, reveal, maxHeight }: Props) {
  const pane = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const first = el.querySelector('mark');
    // Scrolls the text itself; the page moves only when asked ("Xem trong văn bản").
    if (first) el.scrollTop = Math.max(0, first.offsetTop - el.clientHeight / 3);
    if (reveal) el.scrollIntoView({ block: 'nearest' });
  }, [scrollKey, reveal]);

  return (
    <Card
      size="small"
      title={
        <h2 id="source-title" style={{ fontSize: 15, margin: 0 }}>
          Văn bản gốc
        </h2>
      }
    >
      <p style={{ margin: '0 0 4px' }}>
        Đánh dấu:{' '}
        {LEGEND.map(({ kind, label }, i) => (
          <Fragment key={kind}>
            {i > 0 && ', '}
            <span style={MARKS[kind]}>{label}</span>
          </Fragment>
        ))}
        .
      </p>
      <p aria-live="polite" style={{ margin: '0 0 8px' }}>
        {showing ? (
          <>
            Đang xem {showing} trong văn bản.
            {notFound.length > 0 && (
              <Typography.Text type="secondary">
                {' '}
                Không tìm thấy: {notFound.join('; ')}.
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">
            Chọn một nhiệm vụ để xem nó ở đâu trong văn bản.
          </Typography.Text>
        )}
      </p>
      <section
        ref={pane}
        aria-labelledby="source-title"
        // Scrollable: reachable by keyboard.
        tabIndex={0}
        style={{
          position: 'relative',
          maxHeight,
          overflowY: 'auto',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          fontSize: 13,
          lineHeight: 1.6,
          border: '1px solid #f0f0f0',
          padding: 8,
        }}
      >
        {segments.map((s, i) =>
          s.kind ? (
            <mark key={i} style={MARKS[s.kind]}>
              {s.text}
            </mark>
          ) : (
            <Fragment key={i}>{s.text}</Fragment>
          ),
        )}
      </section>
    </Card>
  );
}
