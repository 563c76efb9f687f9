import { Alert, Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { messageOf } from '../api/errors';
import { useSession } from '../auth/session';
import { formatDate, formatDateTime } from '../format';
import { DownloadButton } from '../layout/DownloadButton';
import { Loading } from '../layout/Loading';
import { useAddress } from '../layout/use-address';
import { CompletionByAgency, totalsText } from '../reports/CompletionByAgency';
import { OverdueByAgency } from '../reports/OverdueByAgency';
import { LateRisk } from '../reports/LateRisk';
import { OverdueChart } from '../reports/OverdueChart';
import { ReportFilters } from '../reports/ReportFilters';
import {
  itemsListUrl,
  readReportFilter,
  scopeText,
  writeReportFilter,
  type ReportFilter,
} from '../reports/report-filter';
import { useCompletionReport, useOverdueReport, useRiskReport } from '../reports/use-reports';
import '../reports/reports.css';
import { NoAccessPage } from './NoAccessPage';

/** How many items "Nguy cơ chậm" lists. */
const RISK_ITEMS_SHOWN = 10;

const cardTitle = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * The committee head's (and the secretariat's) view: overdue by agency, completion rates, for a
 * notice and a period kept in the address; printable (reports.css).
 */
export default function ReportsPage() {
  const { me } = useSession();
  if (me?.role !== 'secretariat' && me?.role !== 'committee_head') {
    return <NoAccessPage message="Trang này dành cho Văn phòng và Trưởng Ban Chỉ đạo." />;
  }
  return <Reports />;
}

function Reports() {
  const [params, changeAddress] = useAddress();
  const navigate = useNavigate();
  const filter = readReportFilter(params);
  const overdue = useOverdueReport(filter);
  const completion = useCompletionReport(filter);
  const risk = useRiskReport(RISK_ITEMS_SHOWN);
  // Merged with the address as it is now (useAddress): two quick changes (a date, then the other)
  // both stay.
  const setFilter = (patch: Partial<ReportFilter> | null) =>
    changeAddress((now) => writeReportFilter(patch ? { ...readReportFilter(now), ...patch } : {}));
  const error = overdue.error ?? completion.error;
  const o = overdue.data;
  const c = completion.data;
  const scope = o?.filter ?? c?.filter;
  const scorecardYear = Number((filter.from ?? o?.asOf ?? new Date().toISOString()).slice(0, 4));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} className="report">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {o ? `Báo cáo ngày ${formatDate(o.asOf)}` : 'Báo cáo'}
          </Typography.Title>
          {scope && (
            <Typography.Paragraph style={{ margin: 0 }}>{scopeText(scope)}</Typography.Paragraph>
          )}
          {o && (
            <Typography.Text type="secondary">Số liệu lúc {formatDateTime(o.asOf)}</Typography.Text>
          )}
        </div>
        <Space wrap className="no-print">
          <DownloadButton
            label="Xuất Excel"
            fallbackName="nhiem-vu-qua-han.xlsx"
            disabled={!o || !c}
            fetchFile={() =>
              api.GET('/api/reports/overdue.xlsx', { params: { query: filter }, parseAs: 'blob' })
            }
          />
          {/* The agencies' record of the year the period starts in (this year without one). */}
          <DownloadButton
            label={`Kết quả năm ${scorecardYear}`}
            fallbackName={`ket-qua-thuc-hien-nhiem-vu-nam-${scorecardYear}.xlsx`}
            fetchFile={() =>
              api.GET('/api/reports/scorecard.xlsx', {
                params: { query: { year: scorecardYear } },
                parseAs: 'blob',
              })
            }
          />
          <Button onClick={() => window.print()} disabled={!o || !c}>
            In báo cáo
          </Button>
        </Space>
      </Flex>
      <ReportFilters filter={filter} onChange={setFilter} notice={scope?.notice} />
      {error ? (
        <Alert type="error" showIcon title={messageOf(error)} />
      ) : !o || !c ? (
        <Loading />
      ) : (
        <>
          <Card title={cardTitle(`Nhiệm vụ quá hạn theo cơ quan (${o.total})`)}>
            {o.agencies.length === 0 ? (
              <Empty description="Không có nhiệm vụ quá hạn." />
            ) : (
              <>
                <OverdueChart
                  agencies={o.agencies}
                  onSelect={(a) => void navigate(itemsListUrl(filter, a.code, true))}
                />
                <OverdueByAgency agencies={o.agencies} filter={filter} />
              </>
            )}
          </Card>
          <Card title={cardTitle('Nguy cơ chậm')}>
            {risk.error ? (
              <Alert type="error" showIcon title={messageOf(risk.error)} />
            ) : !risk.data ? (
              <Loading />
            ) : risk.data.items.length === 0 ? (
              <Empty description="Không có nhiệm vụ đang thực hiện nào có hạn." />
            ) : (
              <LateRisk items={risk.data.items} />
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {risk.data && risk.data.total > risk.data.items.length
                ? `${risk.data.items.length} trong ${risk.data.total} nhiệm vụ chưa quá hạn, nguy cơ cao nhất trước. `
                : 'Các nhiệm vụ chưa quá hạn, nguy cơ cao nhất trước. '}
              Nguy cơ tính từ số ngày làm việc còn lại, tiến độ báo cáo so với thời gian đã qua, kết
              quả đúng hạn của cơ quan chủ trì trong 12 tháng qua và các đề nghị gia hạn chưa được
              đồng ý; không theo bộ lọc ở trên.
            </Typography.Paragraph>
          </Card>
          <Card title={cardTitle('Tỷ lệ hoàn thành theo cơ quan')}>
            <Typography.Paragraph>{totalsText(c.totals)}</Typography.Paragraph>
            {c.agencies.length === 0 ? (
              <Empty description="Không có nhiệm vụ nào." />
            ) : (
              <CompletionByAgency agencies={c.agencies} filter={filter} />
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              Mỗi kỳ của một nhiệm vụ định kỳ được tính như một nhiệm vụ. Khoảng thời gian chọn các
              nhiệm vụ theo hạn hiện tại (sau gia hạn).
            </Typography.Paragraph>
          </Card>
        </>
      )}
    </Space>
  );
}
