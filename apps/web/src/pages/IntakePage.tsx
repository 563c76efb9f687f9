import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Flex,
  Grid,
  Input,
  Row,
  Space,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { messageOf, unwrap } from '../api/errors';
import { formatDate, formatDateTime, todayVn } from '../format';
import { IntakeRowCard } from '../intake/IntakeRowCard';
import {
  clearDraft,
  loadDraft,
  saveDraft,
  sessionDraftStorage,
  type IntakeDraft,
} from '../intake/intake-draft';
import {
  EMPTY_PREVIEW,
  emptyRow,
  missingOf,
  missingSummary,
  noticeWarnings,
  pastDueSummary,
  pastDueWarning,
  leadRenameWarning,
  rowWarnings,
  rowsOf,
  toConfirmItems,
  type IntakeRow,
  type NoticePreview,
} from '../intake/intake-rows';
import { highlightsOf, passagesOf } from '../intake/row-highlights';
import { SourcePane } from '../intake/SourcePane';
import { indexSource, segmentsOf } from '../intake/source-text';
import { useAgencies } from '../items/use-items';
import { NoAccessPage } from './NoAccessPage';

export const INTAKE_PATH = '/nhap-thong-bao';

/** The text as previewed and what the API made of it. */
interface Previewed {
  readonly text: string;
  readonly result: NoticePreview;
}

/** The sentence that says why the confirm button is disabled (its aria-describedby). */
const CONFIRM_BLOCKED_ID = 'intake-confirm-blocked';

/** Which row the source text shows; `n` changes on every request so the text scrolls again. */
interface Selection {
  readonly key: string;
  readonly reveal: boolean;
  readonly n: number;
}

/** "Nhập thông báo", for the secretariat only (the API refuses others): others see why. */
export function IntakePage() {
  const { me } = useSession();
  if (me?.role !== 'secretariat') return <NoAccessPage message="Trang này dành cho Văn phòng." />;
  return <IntakeForm key={me.id} userId={me.id} />;
}

/**
 * Paste the notice, review the parsed items beside its text, confirm. The work in progress is kept
 * as a draft of this user in the tab (intake-draft.ts): a session that ends during the review
 * reloads the app into the login page, and logging in again brings it back here.
 */
function IntakeForm({ userId }: { userId: string }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const wide = Grid.useBreakpoint().lg === true;
  const storage = useMemo(() => sessionDraftStorage(), []);
  // The draft found on arrival, named in a notice until confirmed or discarded.
  const [restored, setRestored] = useState<IntakeDraft | null>(() =>
    storage ? loadDraft(storage, userId) : null,
  );
  const [text, setText] = useState(restored?.text ?? '');
  const [previewed, setPreviewed] = useState<Previewed | null>(restored?.previewed ?? null);
  const [rows, setRows] = useState<IntakeRow[]>(() => [...(restored?.rows ?? [])]);
  const [selection, setSelection] = useState<Selection | null>(null);
  // The row "Thêm nhiệm vụ" just added: its first field takes the focus.
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const index = useMemo(() => (previewed ? indexSource(previewed.text) : null), [previewed]);
  // Directives are found once per preview, in document order; edits do not move them.
  const [parsedRows, setParsedRows] = useState<IntakeRow[]>(() => [
    ...(restored?.parsedRows ?? []),
  ]);
  // Every change is kept at once: the session may end before the next one. Once the notice is
  // confirmed nothing is kept again.
  const confirmed = useRef(false);
  useEffect(() => {
    if (!storage || confirmed.current) return;
    saveDraft(storage, userId, { text, previewed, parsedRows, rows, savedAt: Date.now() });
  }, [storage, userId, text, previewed, parsedRows, rows]);
  const passages = useMemo(
    () => (index ? passagesOf(index, parsedRows) : new Map<string, never[]>()),
    [index, parsedRows],
  );
  const selectedRow = rows.find((r) => r.key === selection?.key) ?? null;
  const shown = useMemo(
    () =>
      index && selectedRow
        ? highlightsOf(index, selectedRow, passages.get(selectedRow.key) ?? [])
        : { highlights: [], notFound: [] },
    [index, selectedRow, passages],
  );
  const segments = useMemo(
    () => (previewed ? segmentsOf(previewed.text, shown.highlights) : []),
    [previewed, shown],
  );

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => {
      const result = unwrap(await api.POST('/api/notices/preview', { body: { text } }));
      const parsed = rowsOf(result, agencies.data ?? []);
      setPreviewed({ text, result });
      setParsedRows(parsed);
      setRows(parsed);
      setSelection(null);
    });
  const confirm = (source: string, corrected: NoticePreview['notice']) =>
    run(async () => {
      // The header as the clerk corrected it (the parser may miss the summary's end or the number).
      const body = { text: source, parsed: { notice: corrected }, items: toConfirmItems(rows) };
      const notice = unwrap(await api.POST('/api/notices', { body }));
      confirmed.current = true;
      if (storage) clearDraft(storage, userId);
      void message.success(
        notice.created
          ? `Đã giao ${notice.items.length} nhiệm vụ.`
          : 'Thông báo này đã được nhập trước đó; không giao thêm nhiệm vụ nào.',
      );
      void navigate(`/notices/${notice.id}`);
    });
  /** A corrected header field, kept with the preview (and so in the draft). */
  const setHeader = (field: 'title' | 'number', value: string) =>
    setPreviewed((p) =>
      p
        ? {
            ...p,
            result: {
              ...p.result,
              notice: { ...p.result.notice, [field]: value.trim() ? value : null },
            },
          }
        : p,
    );
  const setRow = (key: string, row: IntakeRow) =>
    setRows((all) => all.map((r) => (r.key === key ? row : r)));
  const select = (key: string, reveal: boolean) =>
    setSelection((s) => (s?.key === key && !reveal ? s : { key, reveal, n: (s?.n ?? 0) + 1 }));

  const today = todayVn();
  const agencyName = (code: string) =>
    (agencies.data ?? []).find((a) => a.code === code)?.name ?? code;
  const warningsOf = (r: IntakeRow): string[] => {
    const past = pastDueWarning(r, today);
    const renamed = leadRenameWarning(r, agencyName);
    return [past, renamed, ...rowWarnings(r)].filter((w): w is string => w !== null);
  };
  const missing = rows.filter((r) => missingOf(r) !== null).length;
  const pastCount = rows.filter((r) => pastDueWarning(r, today) !== null).length;
  const existing = previewed?.result.existingNotice ?? null;
  const header = previewed?.result.notice;
  const stale = previewed !== null && text !== previewed.text;
  const addRow = () => {
    // A key no row has, even after deletions or a restored draft.
    let n = rows.length;
    while (rows.some((r) => r.key === `new-${n}`)) n += 1;
    const row = emptyRow(n);
    setRows([...rows, row]);
    setAdded(row.key);
  };
  const discardDraft = () => {
    if (storage) clearDraft(storage, userId);
    setRestored(null);
    setText('');
    setPreviewed(null);
    setParsedRows([]);
    setRows([]);
    setSelection(null);
    setError(null);
  };
  const changeText = (value: string) => {
    setText(value);
    // An emptied box leaves nothing to confirm: the old preview goes with it.
    if (!value.trim()) {
      setPreviewed(null);
      setParsedRows([]);
      setRows([]);
      setSelection(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Nhập thông báo
      </Typography.Title>
      {restored && (
        <Alert
          type="info"
          showIcon
          title={`Đã khôi phục bản nháp chưa xác nhận, lưu lúc ${formatDateTime(restored.savedAt)}.`}
          description="Văn bản đã dán và các chỉnh sửa trong danh sách nhiệm vụ được giữ lại khi phiên làm việc kết thúc. Kiểm tra rồi xác nhận, hoặc bỏ bản nháp để nhập lại từ đầu."
          action={
            <Button size="small" onClick={discardDraft}>
              Bỏ bản nháp
            </Button>
          }
        />
      )}
      <label htmlFor="notice-text">Nội dung thông báo kết luận</label>
      <Input.TextArea
        id="notice-text"
        autoSize={{ minRows: 6, maxRows: 16 }}
        value={text}
        onChange={(e) => changeText(e.target.value)}
        placeholder="Dán toàn văn Thông báo kết luận vào đây"
      />
      <Button type="primary" onClick={() => void preview()} loading={busy} disabled={!text.trim()}>
        Xem trước
      </Button>
      {error && <Alert type="error" role="alert" showIcon title={error} />}
      {previewed && header && (
        <>
          {stale && (
            <Alert
              type="info"
              showIcon
              title="Văn bản đã sửa sau lần xem trước: danh sách dưới đây là của văn bản trước. Bấm “Xem trước” để đọc lại."
            />
          )}
          {noticeWarnings(previewed.result).map((w) => (
            <Alert key={w} type="warning" showIcon title={w} />
          ))}
          {existing && (
            <Alert
              type="warning"
              showIcon
              title={`${existing.number ? `Thông báo số ${existing.number}` : 'Thông báo này'} đã được nhập ngày ${formatDate(existing.createdAt)}.`}
              description={
                <>
                  {existing.sameText
                    ? 'Xác nhận lại sẽ không giao thêm nhiệm vụ nào. '
                    : 'Nội dung lần này khác lần trước: xác nhận sẽ tạo một thông báo mới. '}
                  <Link to={`/notices/${existing.id}`} style={{ textDecoration: 'underline' }}>
                    Xem thông báo đã nhập
                  </Link>
                </>
              }
            />
          )}
          {pastCount > 0 && <Alert type="warning" showIcon title={pastDueSummary(pastCount)} />}
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 't',
                label: 'Trích yếu',
                children: (
                  <Input.TextArea
                    aria-label="Trích yếu"
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    value={header.title ?? ''}
                    placeholder="Không đọc được trích yếu: nhập nếu cần"
                    onChange={(e) => setHeader('title', e.target.value)}
                  />
                ),
              },
              {
                key: 'n',
                label: 'Số',
                children: (
                  <Input
                    aria-label="Số thông báo"
                    value={header.number ?? ''}
                    placeholder="Không số"
                    style={{ maxWidth: 240 }}
                    onChange={(e) => setHeader('number', e.target.value)}
                  />
                ),
              },
              { key: 'i', label: 'Ngày ban hành', children: formatDate(header.issuedOn) },
              { key: 'd', label: 'Ngày họp', children: formatDate(header.meetingDate) },
              { key: 'c', label: 'Chủ trì', children: header.chair ?? '—' },
            ]}
          />
          <Row gutter={[16, 16]} align="stretch">
            <Col xs={24} lg={14}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {rows.length} nhiệm vụ
                </Typography.Title>
                {previewed.result.items.length === 0 && rows.length === 0 && (
                  <Alert type="info" showIcon title={EMPTY_PREVIEW} />
                )}
                {rows.map((row) => (
                  <IntakeRowCard
                    key={row.key}
                    row={row}
                    agencies={agencies.data ?? []}
                    warnings={warningsOf(row)}
                    selected={row.key === selection?.key}
                    onChange={(r) => setRow(row.key, r)}
                    onDelete={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    onSelect={() => select(row.key, false)}
                    onReveal={() => select(row.key, true)}
                    autoFocus={row.key === added}
                    issuedOn={header.issuedOn}
                  />
                ))}
                <Flex wrap gap={8}>
                  <Button onClick={addRow}>Thêm nhiệm vụ</Button>
                  <Button
                    type="primary"
                    onClick={() => void confirm(previewed.text, header)}
                    loading={busy}
                    disabled={missing > 0 || rows.length === 0}
                    // Why it cannot be pressed, read with it by a screen reader.
                    aria-describedby={missing > 0 ? CONFIRM_BLOCKED_ID : undefined}
                  >
                    Xác nhận và giao nhiệm vụ
                  </Button>
                </Flex>
                {missing > 0 && (
                  <Typography.Text type="danger" id={CONFIRM_BLOCKED_ID}>
                    {missingSummary(rows)}
                  </Typography.Text>
                )}
              </Space>
            </Col>
            <Col xs={24} lg={10}>
              <div style={wide ? { position: 'sticky', top: 16 } : undefined}>
                <SourcePane
                  segments={segments}
                  showing={
                    selectedRow
                      ? selectedRow.code
                        ? `Mục ${selectedRow.code}`
                        : 'nhiệm vụ mới'
                      : null
                  }
                  notFound={shown.notFound}
                  scrollKey={selection?.n ?? 0}
                  reveal={selection?.reveal ?? false}
                  maxHeight={wide ? 'calc(100vh - 160px)' : '60vh'}
                />
              </div>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
