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
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { messageOf, unwrap } from '../api/errors';
import { formatDate, todayVn } from '../format';
import { IntakeRowCard } from '../intake/IntakeRowCard';
import {
  EMPTY_PREVIEW,
  emptyRow,
  missingOf,
  noticeWarnings,
  pastDueSummary,
  pastDueWarning,
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
  return <IntakeForm />;
}

/** Paste the notice, review the parsed items beside its text, confirm. */
function IntakeForm() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const wide = Grid.useBreakpoint().lg === true;
  const [text, setText] = useState('');
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [rows, setRows] = useState<IntakeRow[]>([]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const index = useMemo(() => (previewed ? indexSource(previewed.text) : null), [previewed]);
  // Directives are found once per preview, in document order; edits do not move them.
  const [parsedRows, setParsedRows] = useState<IntakeRow[]>([]);
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
  const confirm = (source: string) =>
    run(async () => {
      const notice = unwrap(
        await api.POST('/api/notices', { body: { text: source, items: toConfirmItems(rows) } }),
      );
      void message.success(
        notice.created
          ? `Đã giao ${notice.items.length} nhiệm vụ.`
          : 'Thông báo này đã được nhập trước đó; không giao thêm nhiệm vụ nào.',
      );
      void navigate(`/notices/${notice.id}`);
    });
  const setRow = (key: string, row: IntakeRow) =>
    setRows((all) => all.map((r) => (r.key === key ? row : r)));
  const select = (key: string, reveal: boolean) =>
    setSelection((s) => (s?.key === key && !reveal ? s : { key, reveal, n: (s?.n ?? 0) + 1 }));

  const today = todayVn();
  const warningsOf = (r: IntakeRow): string[] => {
    const past = pastDueWarning(r, today);
    const parsed = rowWarnings(r);
    return past ? [past, ...parsed] : parsed;
  };
  const missing = rows.filter((r) => missingOf(r) !== null).length;
  const pastCount = rows.filter((r) => pastDueWarning(r, today) !== null).length;
  const existing = previewed?.result.existingNotice ?? null;
  const header = previewed?.result.notice;
  const stale = previewed !== null && text !== previewed.text;
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
              { key: 't', label: 'Trích yếu', children: header.title ?? '—' },
              { key: 'n', label: 'Số', children: header.number ?? '—' },
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
                  />
                ))}
                <Flex wrap gap={8}>
                  <Button onClick={() => setRows((all) => [...all, emptyRow(all.length)])}>
                    Thêm nhiệm vụ
                  </Button>
                  <Button
                    type="primary"
                    onClick={() => void confirm(previewed.text)}
                    loading={busy}
                    disabled={missing > 0 || rows.length === 0}
                  >
                    Xác nhận và giao nhiệm vụ
                  </Button>
                </Flex>
                {missing > 0 && (
                  <Typography.Text type="danger">
                    Còn {missing} nhiệm vụ chưa có nội dung, cơ quan chủ trì hoặc ngày hạn.
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
